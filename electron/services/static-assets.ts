import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type AssetLookup =
  | { readonly kind: 'file'; readonly path: string; readonly mime: string }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Maps a URL path onto a file inside `root`, or refuses.
 *
 * Both UI hosts (app:// and the web host) use this, so the traversal guard exists once:
 * percent-decoding happens before the check, NUL and backslashes are refused, and the
 * resolved path must stay under root.
 */
export function lookupAsset(root: string, urlPath: string): AssetLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused', reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused', reason: 'forbidden character' };
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment === '..')) {
    return { kind: 'refused', reason: 'path traversal' };
  }
  const base = resolve(root);
  const target = resolve(base, relative);
  if (target !== base && !target.startsWith(base + sep)) return { kind: 'refused', reason: 'outside root' };
  const mime = MIME[extname(target).toLowerCase()];
  if (!mime) return { kind: 'refused', reason: 'unsupported file type' };
  return { kind: 'file', path: target, mime };
}

export type AssetRead =
  | { readonly kind: 'ok'; readonly body: Buffer; readonly mime: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'refused'; readonly reason: string };

/** Reads an asset after the lookup, refusing symlinks that escape the root. */
export async function readAsset(root: string, urlPath: string): Promise<AssetRead> {
  const found = lookupAsset(root, urlPath);
  if (found.kind === 'refused') return found;
  try {
    const [real, realRoot] = await Promise.all([realpath(found.path), realpath(root)]);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return { kind: 'refused', reason: 'outside root' };
    return { kind: 'ok', body: await readFile(real), mime: found.mime };
  } catch {
    return { kind: 'not-found' };
  }
}
