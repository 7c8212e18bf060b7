import { createCipheriv, createDecipheriv, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { CommandFailure } from '../../../../shared/ipc/errors';
import { PkiFailure, items, octets, parseBer, smallInt } from '../../pki/asn1';
import { OID, describeScheme, type Scheme } from '../../pki/decrypt';
import { MAX_PBKDF2_ITERATIONS, checkIterations } from '../../pki/kdf';
import { algorithmWithNull, concat, objectId, octetString, sequence, smallInteger as integer } from '../../../../shared/ca/der-writer';

/**
 * Encrypted PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo) with PBES2 at a real work factor:
 * KeyObject.export fixes PBKDF2 at 2,048 iterations, so we encode it ourselves. PBKDF2 (not
 * scrypt), HMAC-SHA-256 and AES-256-CBC because that is what both OpenSSL and Electron's
 * BoringSSL read. PBKDF2 runs on libuv's pool so main stays responsive for its ~170 ms.
 */

/** OWASP's floor for PBKDF2-HMAC-SHA256 (2023). */
export const VAULT_PBKDF2_ITERATIONS = 600_000;

const HMAC_WITH_SHA256 = '1.2.840.113549.2.9';
const AES_256_CBC = '2.16.840.1.101.3.4.1.42';

const derive = promisify(pbkdf2);

/** Validates a requested work factor: never below the floor, never absurd. */
export function vaultIterations(requested: number | undefined): number {
  const iterations = requested ?? VAULT_PBKDF2_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < VAULT_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new CommandFailure('INVALID_INPUT', `iteration count ${iterations} is outside ${VAULT_PBKDF2_ITERATIONS.toLocaleString('en-US')}–${MAX_PBKDF2_ITERATIONS.toLocaleString('en-US')}`);
  }
  return iterations;
}

/** A PBES2 encryption: its AlgorithmIdentifier and the ciphertext (also used for PKCS#12 bags). */
export interface Pbes2Output {
  readonly algorithm: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC over `plain` with a fresh 16-byte salt and IV. `passphrase` is the UTF-8 bytes. */
export async function pbes2Encrypt(plain: Uint8Array, passphrase: Uint8Array, iterations: number): Promise<Pbes2Output> {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = await derive(passphrase, salt, iterations, 32, 'sha256');
  try {
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    const ciphertext = concat([cipher.update(plain), cipher.final()]);
    const kdf = sequence(objectId(OID.pbkdf2), sequence(octetString(salt), integer(iterations), algorithmWithNull(HMAC_WITH_SHA256)));
    const algorithm = sequence(objectId(OID.pbes2), sequence(kdf, sequence(objectId(AES_256_CBC), octetString(iv))));
    return { algorithm, ciphertext };
  } finally {
    key.fill(0);
  }
}

/** encryptPkcs8 over passphrase bytes (UTF-8), for callers that hold a secret in a zeroable buffer. */
export async function encryptPkcs8Bytes(pkcs8Der: Uint8Array, passphrase: Uint8Array, options?: { iterations?: number }): Promise<Uint8Array> {
  const iterations = vaultIterations(options?.iterations);
  if (passphrase.length === 0) throw new CommandFailure('INVALID_INPUT', 'an empty passphrase cannot protect a private key');
  const { algorithm, ciphertext } = await pbes2Encrypt(pkcs8Der, passphrase, iterations);
  return sequence(algorithm, octetString(ciphertext));
}

/** EncryptedPrivateKeyInfo DER: PBES2, PBKDF2-HMAC-SHA256 (iterations ≥ 600k), AES-256-CBC, random 16-byte salt and IV. */
export async function encryptPkcs8(pkcs8Der: Uint8Array, passphrase: string, options?: { iterations?: number }): Promise<Uint8Array> {
  const secret = Buffer.from(passphrase, 'utf8');
  return encryptPkcs8Bytes(pkcs8Der, secret, options).finally(() => secret.fill(0));
}

const wrongPassphrase = (): CommandFailure => new CommandFailure('FORBIDDEN', 'wrong passphrase: the encrypted private key could not be decrypted with it');

/** Whether `plain` looks like a PrivateKeyInfo: a lucky padding byte under a wrong key must not pass as a key. */
function isPrivateKeyInfo(plain: Uint8Array): boolean {
  try {
    const [version, alg, key] = items(parseBer(plain, 'PrivateKeyInfo'), 'PrivateKeyInfo', 3);
    return smallInt(version, 'version') <= 1 && items(alg, 'algorithm', 1).length >= 1 && octets(key, 'privateKey').length > 0;
  } catch {
    return false;
  }
}

type Pbes2Scheme = Extract<Scheme, { kind: 'pbes2' }>;

/** Parses the structure and vets its scheme; everything here is public, so it runs before any work. */
function readEncrypted(encryptedDer: Uint8Array): { scheme: Pbes2Scheme; data: Uint8Array } {
  try {
    const [algNode, dataNode] = items(parseBer(encryptedDer, 'encrypted private key'), 'EncryptedPrivateKeyInfo', 2);
    const scheme = describeScheme(algNode, 'the private key');
    if (scheme.kind !== 'pbes2') throw new PkiFailure('UNSUPPORTED', `the private key is encrypted with ${scheme.label}; only PBES2/PBKDF2 is supported`);
    checkIterations(scheme.iterations, MAX_PBKDF2_ITERATIONS, 'the private key');
    return { scheme, data: octets(dataNode, 'encrypted key data') };
  } catch (error) {
    if (error instanceof PkiFailure) throw new CommandFailure('INVALID_INPUT', error.message);
    throw error;
  }
}

/** decryptPkcs8 over passphrase bytes (UTF-8). The caller zeroes the result. */
export async function decryptPkcs8Bytes(encryptedDer: Uint8Array, passphrase: Uint8Array): Promise<Uint8Array> {
  const { scheme, data } = readEncrypted(encryptedDer);
  const key = await derive(passphrase, scheme.salt, scheme.iterations, scheme.cipher.keyLength, scheme.prf);
  const decipher = createDecipheriv(scheme.cipher.node, key, scheme.iv);
  key.fill(0);
  const head = decipher.update(data);
  let tail: Buffer;
  try {
    tail = decipher.final();
  } catch {
    head.fill(0);
    throw wrongPassphrase();
  }
  const plain = new Uint8Array(head.length + tail.length);
  plain.set(head);
  plain.set(tail, head.length);
  head.fill(0);
  tail.fill(0);
  if (!isPrivateKeyInfo(plain)) {
    plain.fill(0);
    throw wrongPassphrase();
  }
  return plain;
}

/** Decrypts an EncryptedPrivateKeyInfo written with PBES2/PBKDF2 (ours or OpenSSL's). The caller zeroes the result. */
export async function decryptPkcs8(encryptedDer: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const secret = Buffer.from(passphrase, 'utf8');
  return decryptPkcs8Bytes(encryptedDer, secret).finally(() => secret.fill(0));
}
