import { constants } from 'node:fs';
import { lstat, open, rm } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { writeAtomic, type WriteAttrs, type WriteHooks } from '../fs/atomic-write';

/** What lstat (or fstat of an opened file) says, in the terms the `.env` checks need. */
export interface EnvFileInfo {
  readonly kind: 'file' | 'directory' | 'symlink' | 'other';
  /** Permission bits including setuid/setgid/sticky (st_mode & 0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
}

/** Every file-system call the Posture service makes; tests pass the real one over temp dirs, or wrap it. */
export interface PostureFs {
  /** lstat: links are not followed; null when nothing is there. */
  info(path: string): Promise<EnvFileInfo | null>;
  /**
   * Opens without following a final symlink (O_NOFOLLOW) and reads at most maxBytes of a
   * regular file; `bytes` is null when what was opened is not one or is bigger. `info` is of
   * the opened file, so a swap after an lstat is seen.
   */
  read(path: string, maxBytes: number): Promise<{ readonly info: EnvFileInfo; readonly bytes: Uint8Array | null }>;
  /** Temp file in the same directory, fsync, mode and owner before it is visible, rename, fsync the directory. */
  writeAtomic(path: string, bytes: Uint8Array, attrs: WriteAttrs): Promise<void>;
  /** A new file (O_EXCL, never through a link) with exactly this mode, synced; EEXIST when taken. */
  writeNew(path: string, bytes: Uint8Array, mode: number): Promise<void>;
  remove(path: string): Promise<void>;
}

function toInfo(s: Stats): EnvFileInfo {
  const kind = s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  return { kind, mode: s.mode & 0o7777, uid: s.uid, gid: s.gid, size: s.size };
}

async function info(path: string): Promise<EnvFileInfo | null> {
  try {
    return toInfo(await lstat(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw err;
  }
}

async function read(path: string, maxBytes: number): Promise<{ info: EnvFileInfo; bytes: Uint8Array | null }> {
  // O_NONBLOCK: opening a FIFO someone put there must not hang the console.
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const opened = toInfo(await handle.stat());
    if (opened.kind !== 'file' || opened.size > maxBytes) return { info: opened, bytes: null };
    const bytes = new Uint8Array(await handle.readFile());
    return { info: opened, bytes: bytes.length > maxBytes ? null : bytes };
  } finally {
    await handle.close();
  }
}

async function writeNew(path: string, bytes: Uint8Array, mode: number): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    await handle.writeFile(bytes);
    // open()'s mode passes through the umask; chmod makes it exact.
    await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createNodePostureFs(hooks: WriteHooks = {}): PostureFs {
  return {
    info,
    read,
    writeAtomic: (path, bytes, attrs) => writeAtomic(path, bytes, attrs, hooks),
    writeNew,
    remove: (path) => rm(path, { force: true }),
  };
}
