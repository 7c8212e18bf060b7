/**
 * POSIX path arithmetic for nginx config paths. shared/ may not use node:path, and nginx
 * itself only ever sees POSIX paths on the proxy host, whatever machine the console runs on.
 */

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** Collapses `.`, `..` and repeated slashes; `..` never climbs above `/` of an absolute path. */
export function normalize(path: string): string {
  const absolute = isAbsolute(path);
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (absolute) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** The directory part, as `dirname` prints it: `/etc/nginx/nginx.conf` → `/etc/nginx`, `a.conf` → `.`. */
export function dirname(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return trimmed.slice(0, slash);
}

/** `path` as nginx resolves it against its prefix: absolute paths stay, relative ones join the prefix. */
export function resolveAgainst(prefix: string, path: string): string {
  return normalize(isAbsolute(path) ? path : `${prefix}/${path}`);
}

/** nginx hands an include to glob() when the name holds any of these. */
export function hasGlob(path: string): boolean {
  return /[*?[]/.test(path);
}
