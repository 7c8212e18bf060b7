import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { KeyAlgorithm } from '../../../shared/model/ca';
import { CommandFailure } from '../../../shared/ipc/errors';
import { sameBytes } from '../../../shared/pki/describe';
import { errorCode, errorReason } from '../pki/key-object';
import { keyAlgorithmOf } from './vault/key-import';

/**
 * Reads an operator's CA key (PEM or DER; PKCS#8 plain or encrypted, SEC1, PKCS#1, legacy PEM
 * encryption) once, checks it belongs to the certificate, and returns it as PKCS#8 DER for the
 * vault to encrypt. The caller zeroes the result.
 */
export function readImportedKey(bytes: Uint8Array, passphrase: string | undefined, certSpki: Uint8Array, path: string): { pkcs8: Uint8Array; algorithm: KeyAlgorithm } {
  const key = parseKey(bytes, passphrase, path);
  if (key.type !== 'private') throw new CommandFailure('INVALID_INPUT', `${path} holds a public key, not the CA's private key`);
  const spki = new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }));
  if (!sameBytes(spki, certSpki)) throw new CommandFailure('INVALID_INPUT', `the key in ${path} does not belong to the CA certificate`);
  const pkcs8 = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
  try {
    return { pkcs8, algorithm: keyAlgorithmOf(pkcs8) };
  } catch (err) {
    pkcs8.fill(0);
    throw err;
  }
}

function parseKey(bytes: Uint8Array, passphrase: string | undefined, path: string): KeyObject {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isPem = buffer.includes('-----BEGIN ');
  const attempts: Array<Parameters<typeof createPrivateKey>[0]> = isPem
    ? [{ key: buffer, format: 'pem', passphrase: passphrase ?? '' }]
    : (['pkcs8', 'sec1', 'pkcs1'] as const).map((type) => ({ key: buffer, format: 'der' as const, type, passphrase: passphrase ?? '' }));
  let last: unknown = null;
  for (const attempt of attempts) {
    try {
      return createPrivateKey(attempt);
    } catch (err) {
      last = err;
    }
  }
  const code = errorCode(last);
  if (code === 'ERR_MISSING_PASSPHRASE' || (passphrase === undefined && /bad decrypt|passphrase/i.test(errorReason(last)))) {
    throw new CommandFailure('INVALID_INPUT', `${path} is encrypted: give its passphrase`);
  }
  if (/bad decrypt/i.test(errorReason(last))) throw new CommandFailure('INVALID_INPUT', `the passphrase for ${path} is wrong`);
  throw new CommandFailure('INVALID_INPUT', `${path} is not a private key this console can read (${errorReason(last)})`);
}
