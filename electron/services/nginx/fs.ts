import { constants } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileBytes } from '../../../shared/nginx/file-checks';
import { writeAtomic, type WriteAttrs } from '../fs/atomic-write';

export type { WriteAttrs };

/** What lstat says about a path, in the terms the install needs. */
export interface PathInfo {
  readonly kind: 'file' | 'directory' | 'symlink' | 'other';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly mtimeMs: number;
}


/** Everything the NGINX service does to the file system; tests pass the real one over temp dirs. */
export interface NginxFs {
  /** Bytes of a regular file up to maxBytes; absent and unreadable are values, not throws. */
  read(path: string, maxBytes: number): Promise<FileBytes>;
  /** lstat (links are not followed); null when nothing is there. */
  info(path: string): Promise<PathInfo | null>;
  list(dir: string): Promise<string[]>;
  /** A fresh private directory for a scratch nginx prefix. */
  makeTempDir(prefix: string): Promise<string>;
  mkdir(path: string): Promise<void>;
  writeFile(path: string, text: string): Promise<void>;
  removeTree(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Temp file in the same directory, fsync, chmod/chown before it is visible, rename, fsync the directory. */
  writeAtomic(path: string, bytes: Uint8Array, attrs: WriteAttrs): Promise<void>;
}

/** Plain words for the errno values an operator meets. */
export function errnoReason(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

const denied = (err: unknown): boolean => ['EACCES', 'EPERM'].includes((err as NodeJS.ErrnoException).code ?? '');

async function read(path: string, maxBytes: number): Promise<FileBytes> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return { state: 'absent' };
    return { state: 'unreadable', reason: errnoReason(err), denied: denied(err) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { state: 'unreadable', reason: info.isDirectory() ? 'it is a directory' : 'not a regular file', denied: false };
    if (info.size > maxBytes) return { state: 'unreadable', reason: `${info.size} bytes is over the ${maxBytes}-byte limit`, denied: false };
    return { state: 'read', bytes: new Uint8Array(await handle.readFile()) };
  } catch (err) {
    return { state: 'unreadable', reason: errnoReason(err), denied: denied(err) };
  } finally {
    await handle.close();
  }
}

async function info(path: string): Promise<PathInfo | null> {
  try {
    const s = await lstat(path);
    const kind = s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
    return { kind, mode: s.mode & 0o7777, uid: s.uid, gid: s.gid, size: s.size, mtimeMs: s.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw err;
  }
}

export function createNodeNginxFs(): NginxFs {
  return {
    read,
    info,
    list: (dir) => readdir(dir),
    makeTempDir: (prefix) => mkdtemp(join(tmpdir(), prefix)),
    mkdir: async (path) => void (await mkdir(path, { recursive: true })),
    writeFile: (path, text) => writeFile(path, text, { mode: 0o644 }),
    removeTree: (path) => rm(path, { recursive: true, force: true }),
    remove: (path) => rm(path, { force: true }),
    writeAtomic,
  };
}
