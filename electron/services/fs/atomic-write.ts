import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, chmod, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What the written file gets: the mode, the owner (applied only when running as root), optionally the mtime. */
export interface WriteAttrs {
  readonly mode: number;
  readonly owner: { readonly uid: number; readonly gid: number } | null;
  readonly mtimeMs?: number;
}

/** Test seam: runs once the temp file is complete and synced, just before it replaces the target. */
export interface WriteHooks {
  readonly beforeRename?: (tempPath: string) => Promise<void>;
}

/**
 * Replaces `path` so that readers see the old file or the new one, never a torn write: temp
 * file in the same directory (same filesystem, so rename is atomic) with its final mode and
 * owner before it becomes visible, fsync, rename, fsync the directory so the rename itself
 * survives a crash.
 */
export async function writeAtomic(path: string, bytes: string | Uint8Array, attrs: WriteAttrs, hooks: WriteHooks = {}): Promise<void> {
  const dir = dirname(path);
  // A dot name: nginx's `include conf.d/*.conf` and `sites-enabled/*` globs never match it.
  const temp = join(dir, `.${basename(path)}.tmp-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.chmod(attrs.mode);
      // Only root may give a file away; keeping the previous owner matters only then.
      if (attrs.owner && process.getuid?.() === 0) await handle.chown(attrs.owner.uid, attrs.owner.gid);
      if (attrs.mtimeMs !== undefined) await handle.utimes(Date.now() / 1000, attrs.mtimeMs / 1000);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await hooks.beforeRename?.(temp);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  const dirHandle = await open(dir, constants.O_RDONLY);
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

export interface AtomicWriteOptions {
  /** Mode of the new file; defaults to the previous file's mode, else 0644. Keys pass 0o600. */
  readonly mode?: number;
  /** Copy the previous file here first (same mode) so the operator can go back. */
  readonly backupPath?: string;
}

/** writeAtomic for a whole file a user names: keeps mode and owner of what was there, with an optional backup. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<{ backupPath: string | null }> {
  const previous = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  let backupPath: string | null = null;
  if (previous && options.backupPath) {
    await copyFile(path, options.backupPath);
    await chmod(options.backupPath, previous.mode & 0o777);
    backupPath = options.backupPath;
  }
  await writeAtomic(path, data, {
    mode: options.mode ?? (previous ? previous.mode & 0o777 : 0o644),
    owner: previous ? { uid: previous.uid, gid: previous.gid } : null,
  });
  return { backupPath };
}
