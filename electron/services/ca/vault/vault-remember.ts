import { randomBytes } from 'node:crypto';
import { decryptPkcs8Bytes, encryptPkcs8Bytes } from './pkcs8-encrypt';
import type { SafeStoragePort } from './vault-types';
import { listKeyIds, listWrappedFiles, readKeyFile, readPrivateFile, removeFiles, writeKeyFile, writePrivateFile, type VaultLayout } from './vault-files';

/**
 * "Remember on this device": a random wrapping secret W, kept only as safeStorage.encrypt(W)
 * in remembered.bin, and a second copy of every key encrypted under W. The passphrase is never
 * stored; forgetting deletes remembered.bin first (that alone makes the copies unreadable).
 */

/** 32 random bytes as base64url text: usable as a PBKDF2 passphrase and as a safeStorage string. */
const W_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newWrapSecret(): Buffer {
  const raw = randomBytes(32);
  const text = Buffer.from(raw.toString('base64url'), 'latin1');
  raw.fill(0);
  return text;
}

/** W from remembered.bin, or null when safeStorage cannot give it back (new OS keyring, other user, damage). */
export async function loadWrapSecret(port: SafeStoragePort, layout: VaultLayout): Promise<Buffer | null> {
  const cipher = await readPrivateFile(layout.remembered);
  let text: string;
  try {
    text = await port.decrypt(new Uint8Array(cipher));
  } catch {
    return null;
  }
  return W_PATTERN.test(text) ? Buffer.from(text, 'latin1') : null;
}

/** Stores safeStorage.encrypt(W): the commit point of remember(true). */
export async function saveWrapSecret(port: SafeStoragePort, layout: VaultLayout, secret: Buffer): Promise<void> {
  await writePrivateFile(layout.remembered, await port.encrypt(secret.toString('latin1')));
}

/** The key's second copy, encrypted under W. */
export async function writeWrappedKey(layout: VaultLayout, id: string, pkcs8: Uint8Array, secret: Buffer): Promise<void> {
  await writeKeyFile(layout.wrappedFile(id), await encryptPkcs8Bytes(pkcs8, secret));
}

/** Deletes remembered.bin, then every wrapped copy. */
export async function forgetFiles(layout: VaultLayout): Promise<void> {
  await removeFiles([layout.remembered]);
  await removeFiles(await listWrappedFiles(layout));
}

/**
 * Turns remembering on: a wrapped copy of every key (decrypted with the passphrase bytes),
 * then remembered.bin as the commit point. Returns W; on failure nothing is left behind.
 */
export async function enableRemember(layout: VaultLayout, port: SafeStoragePort, passphrase: Uint8Array): Promise<Buffer> {
  const secret = newWrapSecret();
  try {
    for (const id of await listKeyIds(layout)) {
      const plain = await decryptPkcs8Bytes(await readKeyFile(layout.keyFile(id)), passphrase);
      await writeWrappedKey(layout, id, plain, secret).finally(() => plain.fill(0));
    }
    await saveWrapSecret(port, layout, secret);
    return secret;
  } catch (err) {
    secret.fill(0);
    await forgetFiles(layout);
    throw err;
  }
}
