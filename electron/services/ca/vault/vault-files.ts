import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CommandFailure } from '../../../../shared/ipc/errors';
import { splitPem, toPem } from '../../../../shared/pki/pem';
import { writeAtomic } from '../../fs/atomic-write';
import { checkKeyFileMode } from '../../pki/key-file-mode';

/**
 * The vault on disk: `<dir>` (0700) with vault.json, remembered.bin and keys/ (0700) holding
 * `<id>.key` and `<id>.wrapped.key`, all 0600. Everything read from here first passes the
 * OpenSSH rule: nothing group/other accessible, no symlinks, regular files only.
 */

export interface VaultLayout {
  readonly dir: string;
  readonly meta: string;
  readonly remembered: string;
  readonly keysDir: string;
  keyFile(id: string): string;
  wrappedFile(id: string): string;
}

const KEY_SUFFIX = '.key';
const WRAPPED_SUFFIX = '.wrapped.key';
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PEM_LABEL = 'ENCRYPTED PRIVATE KEY';

export function vaultLayout(dir: string): VaultLayout {
  const keysDir = join(dir, 'keys');
  return {
    dir,
    meta: join(dir, 'vault.json'),
    remembered: join(dir, 'remembered.bin'),
    keysDir,
    keyFile: (id) => join(keysDir, `${id}${KEY_SUFFIX}`),
    wrappedFile: (id) => join(keysDir, `${id}${WRAPPED_SUFFIX}`),
  };
}

/** Key ids become file names: no separators, no dot files, and no clash with the wrapped copies. */
export function checkKeyId(id: string): void {
  if (!KEY_ID.test(id) || id.endsWith('.wrapped')) {
    throw new CommandFailure('INVALID_INPUT', `"${id.slice(0, 80)}" is not a valid vault key id (letters, digits, . _ -, up to 64, not ending in .wrapped)`);
  }
}

const isWindows = process.platform === 'win32';

/**
 * Refuses `path` unless it is a regular file (or directory) that group and others cannot
 * access. Windows has no POSIX modes: there the per-user profile directory is the boundary.
 */
export async function assertPrivate(path: string, kind: 'file' | 'dir'): Promise<void> {
  const stat = await lstat(path);
  if (stat.isSymbolicLink() || (kind === 'dir' ? !stat.isDirectory() : !stat.isFile())) {
    throw new CommandFailure('UNREADABLE_FILE', `${path} in the CA vault is not a ${kind === 'dir' ? 'directory' : 'regular file'} (symlinks are refused)`);
  }
  if (isWindows) return;
  const finding = checkKeyFileMode({ mode: stat.mode, uid: stat.uid }, process.getuid?.(), path);
  if (finding === null) return;
  // The finding words the fix for key files; a directory needs its own mode.
  const fix = kind === 'dir' ? finding.fix?.replace('chmod 600', 'chmod 700') : finding.fix;
  const what = kind === 'dir' ? `CA vault directory ${path} is accessible by group or others` : `CA vault file ${path}: ${finding.message}`;
  throw new CommandFailure('UNREADABLE_FILE', `${what}; refused (as OpenSSH refuses unprotected key files). Fix it with \`${fix ?? 'chmod go-rwx'}\``);
}

export async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    },
  );
}

/** Creates a private directory (and parents) and makes sure it ends up 0700 whatever the umask. */
export async function makePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  if (!isWindows) await chmod(path, 0o700);
  await assertPrivate(path, 'dir');
}

/** Ids of the stored keys (not the wrapped copies, not temp files), after checking every file's mode. */
export async function listKeyIds(layout: VaultLayout): Promise<string[]> {
  await assertPrivate(layout.dir, 'dir');
  if (!(await exists(layout.keysDir))) return [];
  await assertPrivate(layout.keysDir, 'dir');
  const ids: string[] = [];
  for (const name of (await readdir(layout.keysDir)).sort()) {
    if (name.startsWith('.')) continue;
    await assertPrivate(join(layout.keysDir, name), 'file');
    if (name.endsWith(KEY_SUFFIX) && !name.endsWith(WRAPPED_SUFFIX)) ids.push(name.slice(0, -KEY_SUFFIX.length));
  }
  return ids;
}

/** Every `<id>.wrapped.key` present (no mode check: used to delete them). */
export async function listWrappedFiles(layout: VaultLayout): Promise<string[]> {
  const names = await readdir(layout.keysDir).catch(() => [] as string[]);
  return names.filter((n) => !n.startsWith('.') && n.endsWith(WRAPPED_SUFFIX)).map((n) => join(layout.keysDir, n));
}

/** Reads an encrypted key file; anything but one 'ENCRYPTED PRIVATE KEY' block is refused. */
export async function readKeyFile(path: string): Promise<Uint8Array> {
  await assertPrivate(path, 'file');
  const blocks = splitPem(await readFile(path, 'utf8'));
  const [block] = blocks;
  if (blocks.length !== 1 || !block?.ok || block.label !== PEM_LABEL) {
    throw new CommandFailure('UNREADABLE_FILE', `${path} is not one PEM '${PEM_LABEL}' block; the vault stores only encrypted keys`);
  }
  return block.der;
}

/** Writes an encrypted key (DER) as PEM, 0600 from creation, atomically. */
export async function writeKeyFile(path: string, encryptedDer: Uint8Array): Promise<void> {
  await writeAtomic(path, toPem(encryptedDer, PEM_LABEL), { mode: 0o600, owner: null });
}

/** Writes a small private file (vault.json, remembered.bin), 0600, atomically. */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  await writeAtomic(path, data, { mode: 0o600, owner: null });
}

/** Reads a small private file after the mode check. */
export async function readPrivateFile(path: string): Promise<Buffer> {
  await assertPrivate(path, 'file');
  return readFile(path);
}

/** Temp files a killed write left behind (`.<name>.tmp-…`): encrypted, but clutter. */
export async function removeStaleTemps(layout: VaultLayout): Promise<void> {
  for (const dir of [layout.dir, layout.keysDir]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.startsWith('.') && n.includes('.tmp-')).map((n) => rm(join(dir, n), { force: true })));
  }
}

/** Deletes files and fsyncs their directories, so a forgotten secret stays forgotten after a crash. */
export async function removeFiles(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true })));
  for (const dir of new Set(paths.map((p) => dirname(p)))) {
    const handle = await open(dir, constants.O_RDONLY).catch(() => null);
    if (handle === null) continue;
    await handle.sync().finally(() => handle.close());
  }
}
