import type { AuditResult, EnvDocument, EnvEdit, EnvPreview } from '../../../shared/model/posture';
import { parseEnvDocument } from '../../../shared/env/document';
import { applyEdits } from '../../../shared/env/edit';
import { maskedDiff } from '../../../shared/env/masked-diff';
import { readDotenvValues } from '../../../shared/env/read';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { ParsedInput } from '../../../shared/ipc/types';
import { assertNever } from '../../../shared/util/assert-never';
import { maskingOf, type PostureDeps } from './deps';
import { openEnv, sha256Hex, type OpenedEnv } from './open-env';
import { saveEnv } from './save';
import type { PostureService } from './service-types';

type AuditSource = ParsedInput<'posture.audit'>['source'];

/** Texts as opened, so a conflict can show what changed since; a handful, the newest kept. */
const REMEMBERED = 16;

/**
 * What dotenv should read after `edits`, computed apart from the editor: the original values with
 * each edit applied in order; keys the editor refused are left out of the comparison.
 */
function independentlyVerified(before: string, after: string, edits: readonly EnvEdit[], refused: ReadonlySet<string>): boolean {
  const expected = readDotenvValues(before);
  for (const edit of edits) {
    if (edit.kind === 'set') expected.set(edit.key, edit.value);
    else expected.delete(edit.key);
  }
  const actual = readDotenvValues(after);
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  return [...keys].every((k) => refused.has(k) || actual.get(k) === expected.get(k));
}

export function createPostureService(deps: PostureDeps): PostureService {
  const remembered = new Map<string, string>();
  const open = async (path: string): Promise<OpenedEnv> => {
    const opened = await openEnv(deps.fs, deps.uid, path);
    const id = `${path}\0${opened.sha256}`;
    remembered.delete(id);
    remembered.set(id, opened.text);
    for (const old of remembered.keys()) if (remembered.size > REMEMBERED) remembered.delete(old);
    return opened;
  };
  const auditSource = async (source: AuditSource): Promise<{ text: string; file: string; sha256: string; envPath: string | null }> => {
    switch (source.kind) {
      case 'path': {
        const opened = await open(source.path);
        return { text: opened.text, file: opened.path, sha256: opened.sha256, envPath: opened.path };
      }
      case 'text':
        return { text: source.text, file: source.name, sha256: sha256Hex(new TextEncoder().encode(source.text)), envPath: null };
      default:
        return assertNever(source, 'audit source');
    }
  };
  const changedOnDisk = (path: string): CommandFailure =>
    new CommandFailure('INVALID_INPUT', `${path} changed on disk since it was opened; reopen it to see the current text before editing.`);

  return {
    async read({ path }): Promise<EnvDocument> {
      const opened = await open(path);
      const model = parseEnvDocument(opened.text);
      return { path, text: opened.text, sha256: opened.sha256, mode: opened.info.mode, entries: model.entries, eol: model.eol, bom: model.bom };
    },

    // A preview is of the file as the operator opened it; a newer file on disk means reopen first.
    async preview({ path, baseSha256, edits }): Promise<EnvPreview> {
      const opened = await open(path);
      if (opened.sha256 !== baseSha256) throw changedOnDisk(path);
      const result = applyEdits(opened.text, edits);
      const refusedKeys = new Set(result.refused.map((r) => r.key));
      return {
        diff: maskedDiff(opened.text, result.text, maskingOf(deps.rules)),
        verified: result.verified && independentlyVerified(opened.text, result.text, edits, refusedKeys),
        refused: result.refused,
      };
    },

    save: (input) => saveEnv(deps, input, (sha) => remembered.get(`${input.path}\0${sha}`)),

    async generateSecret({ bytes }) {
      // Never below 256 bits whatever the caller asks; the value goes back to the caller only.
      return { value: Buffer.from(deps.randomBytes(Math.max(32, bytes))).toString('base64url') };
    },

    async audit({ source, profile, proxyMode, edits }): Promise<AuditResult> {
      const { text, file, sha256, envPath } = await auditSource(source);
      const model = parseEnvDocument(edits.length > 0 ? applyEdits(text, edits).text : text);
      const { values } = model;
      // Pasted text has no place on disk, so relative paths in it mean nothing: no file facts then.
      const paths = envPath === null ? new Map() : await deps.rules.gatherPathFacts(deps.rules.pathKeys(values).map((k) => values.get(k) ?? ''), envPath);
      return deps.rules.auditEnv({ file, sha256, values, entries: model.entries, profile, proxyMode, paths, now: deps.clock() });
    },
  };
}
