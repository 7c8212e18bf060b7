import { createHash } from 'node:crypto';
import { CommandFailure } from '../../../shared/ipc/errors';
import { errnoReason } from '../nginx/fs';
import type { EnvFileInfo, PostureFs } from './fs';

/** The Posture editor opens `.env` files up to this size; larger ones are not configuration. */
export const MAX_ENV_BYTES = 1024 * 1024;

export interface OpenedEnv {
  readonly path: string;
  readonly info: EnvFileInfo;
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly sha256: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Why this file may not be read or written, or null. `uid` is null where there are no uids. */
function refusal(path: string, info: EnvFileInfo, uid: number | null): CommandFailure | null {
  switch (info.kind) {
    case 'symlink':
      return new CommandFailure(
        'FORBIDDEN',
        `${path} is a symbolic link. The console does not read or write a .env through a link (a save would replace the link, or land in a file you did not open); open the file it points to instead.`,
      );
    case 'directory':
      return new CommandFailure('UNREADABLE_FILE', `${path} is a directory, not a .env file.`);
    case 'other':
      return new CommandFailure('UNREADABLE_FILE', `${path} is not a regular file (a device, socket or pipe).`);
    case 'file':
      break;
  }
  if (info.size > MAX_ENV_BYTES) return new CommandFailure('UNREADABLE_FILE', `${path} is ${info.size} bytes; the console opens .env files up to 1 MiB.`);
  if (uid !== null && info.uid !== uid) {
    const who = uid === 0 ? 'root (uid 0)' : `uid ${uid}`;
    return new CommandFailure(
      'FORBIDDEN',
      `${path} belongs to uid ${info.uid}, but the console runs as ${who}. It edits only its own user's files, so that a save never changes who owns the secrets in them or writes where that user could not; run the console as the file's owner, or chown the file first.`,
    );
  }
  return null;
}

/** lstat, refuse what must not be touched, read without following links, re-check what was opened, decode strictly. */
export async function openEnv(fs: PostureFs, uid: number | null, path: string): Promise<OpenedEnv> {
  const failure = (err: unknown): CommandFailure =>
    (err as NodeJS.ErrnoException).code === 'ELOOP'
      ? new CommandFailure('FORBIDDEN', `${path} became a symbolic link while it was opened; nothing was read.`)
      : new CommandFailure('UNREADABLE_FILE', `Cannot read ${path}: ${errnoReason(err)}.`);
  const before = await fs.info(path).catch((err: unknown) => Promise.reject(failure(err)));
  if (before === null) throw new CommandFailure('NOT_FOUND', `No file at ${path}.`);
  const refused = refusal(path, before, uid);
  if (refused) throw refused;
  const { info, bytes } = await fs.read(path, MAX_ENV_BYTES).catch((err: unknown) => Promise.reject(failure(err)));
  const late = refusal(path, info, uid);
  if (late) throw late;
  if (bytes === null) throw new CommandFailure('UNREADABLE_FILE', `${path} changed while it was read; try again.`);
  let text: string;
  try {
    // ignoreBOM keeps a BOM in the text, so it is written back; fatal refuses bytes a save could not keep.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CommandFailure('UNREADABLE_FILE', `${path} is not UTF-8 text; the console edits only UTF-8, so that a save keeps every byte.`);
  }
  return { path, info, bytes, text, sha256: sha256Hex(bytes) };
}
