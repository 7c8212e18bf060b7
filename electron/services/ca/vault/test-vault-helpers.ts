import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyAlgorithm } from '../../../../shared/model/ca';
import type { SafeStoragePort } from './vault';

/**
 * Test support for the vault: key material to store, a scan of every file under the vault for
 * anything that is not encrypted, and a stand-in for Electron's safeStorage.
 */

/** A fresh private key as PKCS#8 DER. */
export function newPkcs8(alg: KeyAlgorithm): Uint8Array {
  const { privateKey } =
    alg === 'ec-p256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : alg === 'ec-p384'
        ? generateKeyPairSync('ec', { namedCurve: 'P-384' })
        : alg === 'rsa-3072'
          ? generateKeyPairSync('rsa', { modulusLength: 3072 })
          : generateKeyPairSync('ed25519');
  return new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' }));
}

/** Every regular file under `dir`, with its bytes. */
export async function allFiles(dir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ path, bytes: await readFile(path) });
  }
  return out;
}

/** The byte patterns that would betray a plaintext key or a secret: raw, base64 and (for text) UTF-16. */
function patternsOf(secret: Uint8Array | string): Buffer[] {
  const raw = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  // A base64 piece that fits inside the first 64-column line of a PEM body.
  const patterns = [raw, Buffer.from(raw.toString('base64').slice(4, 52))];
  if (typeof secret === 'string') patterns.push(Buffer.from(secret, 'utf16le'), Buffer.from(secret, 'utf16le').swap16());
  return patterns.filter((p) => p.length >= 8);
}

/** The private scalar inside a PKCS#8 key (JWK d), which any plaintext encoding would contain. */
export function privateScalar(pkcs8: Uint8Array): Buffer {
  const jwk = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
  return Buffer.from(jwk.d ?? '', 'base64url');
}

/**
 * Files under `dir` holding an unencrypted PEM key or any of `secrets` (keys as DER, their
 * scalars, passphrases). Empty means clean.
 */
export async function leaks(dir: string, secrets: ReadonlyArray<Uint8Array | string>): Promise<string[]> {
  const found: string[] = [];
  const patterns = secrets.flatMap(patternsOf);
  for (const { path, bytes } of await allFiles(dir)) {
    const text = bytes.toString('latin1');
    if (/-----BEGIN (?!ENCRYPTED )[A-Z ]*PRIVATE KEY-----/.test(text)) found.push(`${path}: unencrypted PEM key`);
    if (patterns.some((p) => bytes.includes(p))) found.push(`${path}: secret bytes`);
  }
  return found;
}

/**
 * NOT a secure store: a stand-in for Electron's safeStorage that only base64s, so tests can
 * follow the remember flow through the files. `plaintexts` records what it was asked to protect.
 */
export function base64FakeSafeStorage(options: { available?: boolean; failDecrypt?: boolean } = {}): SafeStoragePort & { plaintexts: string[]; failDecrypt: boolean } {
  const port = {
    plaintexts: [] as string[],
    failDecrypt: options.failDecrypt ?? false,
    available: () => options.available ?? true,
    encrypt: async (plain: string): Promise<Uint8Array> => {
      port.plaintexts.push(plain);
      return new Uint8Array(Buffer.from(`fake:${Buffer.from(plain).toString('base64')}`));
    },
    decrypt: async (cipher: Uint8Array): Promise<string> => {
      if (port.failDecrypt) throw new Error('the OS keyring could not decrypt');
      return Buffer.from(Buffer.from(cipher).toString().replace(/^fake:/, ''), 'base64').toString();
    },
  };
  return port;
}
