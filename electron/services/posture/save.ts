import type { EnvConflict, EnvEdit, EnvSaveOutcome } from '../../../shared/model/posture';
import { applyEdits, verifyValues } from '../../../shared/env/edit';
import { maskedDiff } from '../../../shared/env/masked-diff';
import { CommandFailure } from '../../../shared/ipc/errors';
import { errnoReason } from '../nginx/fs';
import { maskingOf, type PostureDeps } from './deps';
import { openEnv, sha256Hex, type OpenedEnv } from './open-env';

export interface SaveRequest {
  readonly path: string;
  readonly baseSha256: string;
  readonly edits: readonly EnvEdit[];
}

const octal = (mode: number): string => mode.toString(8).padStart(4, '0');

/** `<file>.bak-20260804T101530Z`, with -2, -3... when a backup of the same second exists. */
async function writeBackup(deps: PostureDeps, opened: OpenedEnv): Promise<string> {
  const stamp = deps.clock().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  for (let n = 1; n <= 100; n++) {
    const candidate = `${opened.path}.bak-${stamp}${n === 1 ? '' : `-${n}`}`;
    try {
      // 0600 whatever the original's mode: a backup of secrets is readable by its owner only.
      await deps.fs.writeNew(candidate, opened.bytes, 0o600);
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new CommandFailure('FORBIDDEN', `Cannot keep a backup next to ${opened.path}: ${errnoReason(err)}. Nothing was changed.`);
    }
  }
  throw new CommandFailure('UNAVAILABLE', `Too many backups of ${opened.path} this second. Nothing was changed.`);
}

export function conflictOf(deps: PostureDeps, now: OpenedEnv, asOpened: string | undefined): EnvConflict {
  const known = asOpened !== undefined;
  return {
    status: 'conflict',
    path: now.path,
    message: `${now.path} changed on disk since it was opened${known ? '' : ' (the text as opened is no longer known here, so no diff)'}. Nothing was written; reopen the file and apply the edits again.`,
    diff: known ? maskedDiff(asOpened, now.text, maskingOf(deps.rules)) : { identical: false, added: 0, removed: 0, rows: [] },
  };
}

/** Secret keys with a value; their presence makes a readable file worth a warning. */
function secretKeys(deps: PostureDeps, values: ReadonlyMap<string, string>): string[] {
  return [...values].filter(([k, v]) => v !== '' && deps.rules.isSecretKey(k, v)).map(([k]) => k);
}

/**
 * Apply, verify, back up, replace atomically keeping mode and owner. A file changed on disk since
 * it was opened (before the backup or just before the replace) is a conflict and nothing is written.
 */
export async function saveEnv(deps: PostureDeps, input: SaveRequest, asOpened: (sha: string) => string | undefined): Promise<EnvSaveOutcome> {
  const opened = await openEnv(deps.fs, deps.uid, input.path);
  if (opened.sha256 !== input.baseSha256) return conflictOf(deps, opened, asOpened(input.baseSha256));
  const result = applyEdits(opened.text, input.edits);
  if (result.refused.length > 0) {
    throw new CommandFailure('INVALID_INPUT', `Nothing was written. ${result.refused.map((r) => `${r.key}: ${r.message}`).join(' ')}`);
  }
  const mismatched = verifyValues(result.text, result.intended);
  if (!result.verified || mismatched.length > 0) {
    throw new CommandFailure('INTERNAL', `The edited text would not read back as intended (${mismatched.join(', ')}). Nothing was written.`);
  }
  const bytes = new TextEncoder().encode(result.text);
  const backupPath = await writeBackup(deps, opened);
  // Last look before replacing: an editor that saved meanwhile wins, and the backup goes again.
  const latest = await openEnv(deps.fs, deps.uid, input.path);
  if (latest.sha256 !== opened.sha256) {
    await deps.fs.remove(backupPath);
    return conflictOf(deps, latest, opened.text);
  }
  try {
    await deps.fs.writeAtomic(input.path, bytes, { mode: opened.info.mode, owner: { uid: opened.info.uid, gid: opened.info.gid } });
  } catch (err) {
    const denied = ['EACCES', 'EPERM'].includes((err as NodeJS.ErrnoException).code ?? '');
    throw new CommandFailure(denied ? 'FORBIDDEN' : 'UNAVAILABLE', `Cannot write ${input.path}: ${errnoReason(err)}. The file is unchanged; the previous content is also in ${backupPath}.`);
  }
  const after = await deps.fs.info(input.path);
  const mode = after?.mode ?? opened.info.mode;
  const secrets = secretKeys(deps, result.intended);
  const modeAdvice =
    secrets.length > 0 && (mode & 0o077) !== 0
      ? `${input.path} holds secrets (${secrets.slice(0, 3).join(', ')}${secrets.length > 3 ? ', ...' : ''}) and its mode ${octal(mode)} lets group or others in; run: chmod 600 ${input.path}`
      : null;
  return { status: 'saved', path: input.path, sha256: sha256Hex(bytes), backupPath, mode, modeAdvice, savedAt: deps.clock().toISOString() };
}
