/** Lowercase hex of bytes, no separators: how fingerprints and key ids are shown everywhere. */
export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

/** SHA-256 and SHA-1 of DER through WebCrypto, available in Node, Electron and browsers alike. */
export async function fingerprints(der: Uint8Array): Promise<{ sha256: string; sha1: string }> {
  const data = der.slice();
  const [sha256, sha1] = await Promise.all([crypto.subtle.digest('SHA-256', data), crypto.subtle.digest('SHA-1', data)]);
  return { sha256: toHex(sha256), sha1: toHex(sha1) };
}

export async function sha256Hex(der: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', der.slice()));
}
