import { randomBytes } from 'node:crypto';
import { copyFile, chmod, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Mode of the new file; defaults to the previous file's mode, else 0644. Keys pass 0o600. */
  readonly mode?: number;
  /** Copy the previous file here first (same mode) so the operator can go back. */
  readonly backupPath?: string;
}

export interface AtomicWriteResult {
  /** Where the previous content now lives; null when there was no previous file or no backup asked. */
  readonly backupPath: string | null;
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` so that readers see the old file or the new one, never a torn write: temp
 * file in the same directory (same filesystem, so rename is atomic), fsync, rename, fsync
 * the directory so the rename itself survives a crash.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  const dir = dirname(path);
  const previous = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  const mode = options.mode ?? (previous ? previous.mode & 0o777 : 0o644);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let backupPath: string | null = null;
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask; set the mode we mean.
    await chmod(temp, mode);
    if (previous && options.backupPath) {
      await copyFile(path, options.backupPath);
      await chmod(options.backupPath, previous.mode & 0o777);
      backupPath = options.backupPath;
    }
    await rename(temp, path);
    await fsyncDir(dir);
    return { backupPath };
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
