import type { Finding } from '../../../shared/model/pki';

/**
 * OpenSSH's rule for private key files (authfile.c, sshkey_perm_ok): no access at all for
 * group or others. Pure over stat values so it runs the same for the CLI, web host and app;
 * on Windows POSIX mode bits mean nothing, so the caller skips it there.
 */

/** Quotes a path for a copy-pasteable shell command. */
function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

interface ModeStat {
  readonly mode: number;
  readonly uid: number;
}

/** A finding when a private key file is accessible by group or others (mode & 0o077), else null. */
export function checkKeyFileMode(stat: ModeStat, file?: string): Finding | null;
/** The same, wording the fix for a file owned by another user than `processUid` (then `sudo`). */
export function checkKeyFileMode(stat: ModeStat, processUid?: number, file?: string): Finding | null;
// One implementation behind both call shapes (the certificate service passes the path second).
export function checkKeyFileMode(stat: ModeStat, uidOrFile?: number | string, fileArg?: string): Finding | null {
  const processUid = typeof uidOrFile === 'number' ? uidOrFile : undefined;
  const file = (typeof uidOrFile === 'string' ? uidOrFile : fileArg) ?? '<file>';
  const open = stat.mode & 0o077;
  if (open === 0) return null;
  const octal = (stat.mode & 0o7777).toString(8).padStart(4, '0');
  const access = open & 0o044 ? 'readable' : open & 0o022 ? 'writable' : 'accessible';
  const foreign = processUid !== undefined && stat.uid !== processUid;
  const owner = foreign ? `, owner uid ${stat.uid}` : '';
  const path = file === '<file>' ? file : shellQuote(file);
  return {
    id: 'key.file-permissions',
    severity: 'error',
    message: `private key file is ${access} by group or others (mode ${octal}${owner})`,
    fix: foreign ? `sudo chmod 600 ${path}` : `chmod 600 ${path}`,
  };
}
