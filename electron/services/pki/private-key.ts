import { createPrivateKey, type KeyObject } from 'node:crypto';
import { PkiFailure, malformed, type FailureCode } from './asn1';
import type { Scheme } from './decrypt';
import { MAX_PBKDF2_ITERATIONS, checkIterations } from './kdf';
import { errorCode, errorReason, publicFromPrivate } from './key-object';
import { checkPkcs1, checkSec1, encryptedPkcs8Scheme, pkcs8AlgorithmOid } from './key-structure';
import { publicKeyOf, type PublicKeyRead } from './public-info';

/**
 * Reads one private-key PEM block in the main process and returns only its public
 * information. Refuses what Electron's BoringSSL cannot read (scrypt, SHA-384/512 PRFs) even
 * though Node's OpenSSL could, so the console behaves the same in tests and in the app.
 */

/** One PEM block as the PEM splitter found it. */
export interface PrivateKeyBlock {
  /** The PEM label: PRIVATE KEY, ENCRYPTED PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY. */
  readonly label: string;
  /** The base64-decoded body. Owned by the caller, who zeroes it after the call. */
  readonly der: Uint8Array;
  /** This block's full PEM text, headers included: required for `Proc-Type: 4,ENCRYPTED` keys. */
  readonly pemText?: string;
  /** 1-based position in the input, for messages ("EC PRIVATE KEY block 2"). */
  readonly blockNumber?: number;
}

/** The container the key came in, as KeyObjectSummary.format names it. */
export type KeyFormat = 'pkcs8' | 'encrypted-pkcs8' | 'sec1' | 'pkcs1';

/** How the key was protected at rest, for findings ("only 2048 iterations", "legacy PEM encryption"). */
export interface KeyEncryption {
  readonly scheme: string;
  readonly iterations: number | null;
}

/** The outcome of readPrivateKey: public facts only, or an operator-grade failure. */
export type KeyRead =
  | ({ readonly ok: true; readonly format: KeyFormat; readonly encryption: KeyEncryption | null } & PublicKeyRead)
  | { readonly ok: false; readonly code: FailureCode; readonly message: string };

const REENCRYPT = 'openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 600000';
const REENCRYPT_HINT = `re-encrypt with \`${REENCRYPT} -in <key> -out <new key>\``;
/** PRFs Electron's BoringSSL accepts in PBES2 (crypto/pkcs8/p5_pbev2.c). */
const BORINGSSL_PRFS: ReadonlySet<string> = new Set(['sha1', 'sha256']);
/** Legacy PEM ciphers both OpenSSL 3 (default provider) and BoringSSL read. */
const LEGACY_PEM_CIPHERS: ReadonlySet<string> = new Set(['AES-128-CBC', 'AES-192-CBC', 'AES-256-CBC', 'DES-EDE3-CBC']);

const view = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Refuses, before any work, encryption the Electron build cannot read or that is hostile. */
function vetScheme(scheme: Scheme, what: string): KeyEncryption {
  if (scheme.kind === 'pbes2-scrypt') throw new PkiFailure('UNSUPPORTED', `${what} is a scrypt-encrypted key: Electron cannot read it; ${REENCRYPT_HINT}`);
  if (scheme.kind === 'pbes2' && !BORINGSSL_PRFS.has(scheme.prf)) {
    const prf = `HMAC-${scheme.prf.toUpperCase().replace('SHA', 'SHA-')}`;
    throw new PkiFailure('UNSUPPORTED', `${what} is encrypted with ${scheme.label}: Electron cannot read PBKDF2 with ${prf} (only HMAC-SHA-1/SHA-256); ${REENCRYPT_HINT}`);
  }
  if (scheme.kind === 'pbes2' || scheme.kind === 'pkcs12-pbe') {
    checkIterations(scheme.iterations, MAX_PBKDF2_ITERATIONS, what);
    return { scheme: scheme.label, iterations: scheme.iterations };
  }
  return { scheme: scheme.label, iterations: null };
}

const LEGACY_PEM_SCHEME = 'legacy PEM encryption';

/** Turns a failed decrypting createPrivateKey into the operator's next step. */
function decryptFailure(error: unknown, what: string, passphrase: string, encryption: KeyEncryption): PkiFailure {
  const code = errorCode(error);
  if (code === 'ERR_MISSING_PASSPHRASE' || passphrase === '') return new PkiFailure('PASSPHRASE_REQUIRED', `${what} needs a passphrase`);
  const reason = errorReason(error);
  if (/bad decrypt/i.test(reason)) return new PkiFailure('WRONG_PASSPHRASE', `wrong passphrase for ${what}`);
  // A legacy PEM cipher was vetted before decrypting: there, "unsupported" is OpenSSL failing to
  // decode what a wrong passphrase decrypted to (about one wrong passphrase in 256 passes the padding check).
  const legacyPem = encryption.scheme.startsWith(LEGACY_PEM_SCHEME);
  if (!legacyPem && /unsupported/i.test(reason) && /RC2|RC4|DES-CBC|MD5|MD2|PBES2 with|PBKDF2 with|encryption algorithm/.test(encryption.scheme)) {
    return new PkiFailure('UNSUPPORTED', `${what} is encrypted with ${encryption.scheme}, which this build cannot decrypt; ${REENCRYPT_HINT}`);
  }
  return new PkiFailure('WRONG_PASSPHRASE', `wrong passphrase for ${what}, or the key inside is damaged or of an unsupported type (${reason})`);
}

function decryptToPublic(input: { key: Buffer | string; format: 'der' | 'pem'; type?: 'pkcs8' }, passphrase: string | undefined, what: string, encryption: KeyEncryption): PublicKeyRead {
  if (passphrase === undefined) throw new PkiFailure('PASSPHRASE_REQUIRED', `${what} needs a passphrase`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ ...input, passphrase });
  } catch (error) {
    throw decryptFailure(error, what, passphrase, encryption);
  }
  return publicKeyOf(key);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Legacy OpenSSL PEM encryption (Proc-Type/DEK-Info; MD5-based, one iteration): readable, but weak. */
function readLegacyPem(label: string, pemText: string, passphrase: string | undefined, what: string): KeyRead {
  const format: KeyFormat | undefined = label === 'RSA PRIVATE KEY' ? 'pkcs1' : label === 'EC PRIVATE KEY' ? 'sec1' : undefined;
  if (!format) throw new PkiFailure('UNSUPPORTED', `${what} uses legacy PEM encryption, which this console reads only for RSA and EC keys; ${REENCRYPT_HINT}`);
  const block = new RegExp(`-----BEGIN ${escapeRe(label)}-----[\\s\\S]*?-----END ${escapeRe(label)}-----`).exec(pemText);
  if (!block) throw malformed(`${what}: its PEM text has no BEGIN/END ${label} lines`);
  const dek = /^DEK-Info:\s*([A-Za-z0-9-]+)\s*,\s*[0-9A-Fa-f]+\s*$/m.exec(block[0]);
  if (!dek) throw malformed(`${what} says Proc-Type: 4,ENCRYPTED but has no valid DEK-Info header`);
  const cipher = (dek[1] as string).toUpperCase();
  const encryption = { scheme: `${LEGACY_PEM_SCHEME} (${cipher}, MD5 key derivation)`, iterations: 1 };
  if (!LEGACY_PEM_CIPHERS.has(cipher)) throw new PkiFailure('UNSUPPORTED', `${what} is encrypted with ${cipher} (legacy PEM), which Electron cannot read; ${REENCRYPT_HINT}`);
  return { ok: true, format, encryption, ...decryptToPublic({ key: block[0], format: 'pem' }, passphrase, what, encryption) };
}

function read(block: PrivateKeyBlock, passphrase: string | undefined, label: string, what: string): KeyRead {
  const { der } = block;
  if (block.pemText !== undefined && /^Proc-Type:\s*4\s*,\s*ENCRYPTED/m.test(block.pemText)) return readLegacyPem(label, block.pemText, passphrase, what);
  switch (label) {
    case 'PRIVATE KEY': {
      const oid = pkcs8AlgorithmOid(der, what);
      return { ok: true, format: 'pkcs8', encryption: null, ...publicFromPrivate({ key: view(der), format: 'der', type: 'pkcs8' }, what, oid) };
    }
    case 'ENCRYPTED PRIVATE KEY': {
      const encryption = vetScheme(encryptedPkcs8Scheme(der, what), what);
      return { ok: true, format: 'encrypted-pkcs8', encryption, ...decryptToPublic({ key: view(der), format: 'der', type: 'pkcs8' }, passphrase, what, encryption) };
    }
    case 'EC PRIVATE KEY': {
      const oid = checkSec1(der, what);
      return { ok: true, format: 'sec1', encryption: null, ...publicFromPrivate({ key: view(der), format: 'der', type: 'sec1' }, what, oid) };
    }
    case 'RSA PRIVATE KEY': {
      const oid = checkPkcs1(der, what);
      return { ok: true, format: 'pkcs1', encryption: null, ...publicFromPrivate({ key: view(der), format: 'der', type: 'pkcs1' }, what, oid) };
    }
    case 'OPENSSH PRIVATE KEY':
      throw new PkiFailure('UNSUPPORTED', `${what} is in OpenSSH's own format; convert a copy with \`ssh-keygen -p -m PKCS8 -f <copy>\``);
    case 'DSA PRIVATE KEY':
      throw new PkiFailure('UNSUPPORTED', `${what} is a traditional DSA key; convert it with \`openssl pkcs8 -topk8 -nocrypt -in <key> -out <new key>\``);
    default:
      throw new PkiFailure('UNSUPPORTED', `${what} is not a private key format this console reads`);
  }
}

/** Reads a private key block and returns its public information only; never throws. */
export function readPrivateKey(block: PrivateKeyBlock, passphrase?: string): KeyRead {
  const label = block.label.trim().toUpperCase();
  const what = block.blockNumber !== undefined ? `${label} block ${block.blockNumber}` : label;
  try {
    return read(block, passphrase, label, what);
  } catch (error) {
    if (error instanceof PkiFailure) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'MALFORMED', message: `${what} could not be read (${errorReason(error)})` };
  }
}
