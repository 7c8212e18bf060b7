import { createDecipheriv, type Decipher } from 'node:crypto';
import type * as asn1js from 'asn1js';
import { PkiFailure, algorithm, items, malformed, octets, smallInt } from './asn1';
import { pbkdf2, pkcs12Kdf, type DigestName, type WorkBudget } from './kdf';

/**
 * Password-based decryption of PKCS#12 contents and shrouded keys: PBES2 (PBKDF2 + AES-CBC or
 * 3DES) and the legacy PKCS#12 PBE schemes. Describes schemes first so callers can refuse the
 * ones Electron's BoringSSL cannot read before spending any work on them.
 */

/** Key-derivation OIDs that decide what Electron can read. */
export const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  scrypt: '1.3.6.1.4.1.11591.4.11',
} as const;

/** The passphrase in the two encodings PKCS#12 needs: UTF-8 for PBES2, BMPString for the legacy KDF. */
export interface Secret {
  readonly utf8: Uint8Array;
  readonly bmp: Uint8Array;
  /** Shared by every derivation of one file. */
  readonly budget: WorkBudget;
}

const PRFS: Readonly<Record<string, DigestName>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

interface CipherSpec {
  readonly name: string;
  readonly node: string;
  readonly keyLength: number;
  readonly ivLength: number;
}

const PBES2_CIPHERS: Readonly<Record<string, CipherSpec>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'AES-128-CBC', node: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'AES-192-CBC', node: 'aes-192-cbc', keyLength: 24, ivLength: 16 },
  '2.16.840.1.101.3.4.1.42': { name: 'AES-256-CBC', node: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
  '1.2.840.113549.3.7': { name: 'DES-EDE3-CBC', node: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
};

const PKCS12_PBES: Readonly<Record<string, CipherSpec>> = {
  '1.2.840.113549.1.12.1.1': { name: 'pbeWithSHAAnd128BitRC4', node: 'rc4', keyLength: 16, ivLength: 0 },
  '1.2.840.113549.1.12.1.2': { name: 'pbeWithSHAAnd40BitRC4', node: 'rc4-40', keyLength: 5, ivLength: 0 },
  '1.2.840.113549.1.12.1.3': { name: 'pbeWithSHAAnd3-KeyTripleDES-CBC', node: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  '1.2.840.113549.1.12.1.4': { name: 'pbeWithSHAAnd2-KeyTripleDES-CBC', node: 'des-ede-cbc', keyLength: 16, ivLength: 8 },
  '1.2.840.113549.1.12.1.5': { name: 'pbeWithSHAAnd128BitRC2-CBC', node: 'rc2-cbc', keyLength: 16, ivLength: 8 },
  '1.2.840.113549.1.12.1.6': { name: 'pbeWithSHAAnd40BitRC2-CBC', node: 'rc2-40-cbc', keyLength: 5, ivLength: 8 },
};

const PBES1: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.5.1': 'pbeWithMD2AndDES-CBC',
  '1.2.840.113549.1.5.3': 'pbeWithMD5AndDES-CBC',
  '1.2.840.113549.1.5.4': 'pbeWithMD2AndRC2-CBC',
  '1.2.840.113549.1.5.6': 'pbeWithMD5AndRC2-CBC',
  '1.2.840.113549.1.5.10': 'pbeWithSHA1AndDES-CBC',
  '1.2.840.113549.1.5.11': 'pbeWithSHA1AndRC2-CBC',
};

/** How something is encrypted, parsed from its AlgorithmIdentifier (no secret involved). */
export type Scheme =
  | { readonly kind: 'pbes2'; readonly label: string; readonly kdf: 'pbkdf2'; readonly prf: DigestName; readonly salt: Uint8Array; readonly iterations: number; readonly cipher: CipherSpec; readonly iv: Uint8Array }
  | { readonly kind: 'pbes2-scrypt'; readonly label: string }
  | { readonly kind: 'pkcs12-pbe'; readonly label: string; readonly salt: Uint8Array; readonly iterations: number; readonly cipher: CipherSpec }
  | { readonly kind: 'other'; readonly label: string };

/** Parses an encryption AlgorithmIdentifier into a Scheme; unknown algorithms come back as `other`. */
export function describeScheme(node: asn1js.AsnType | undefined, what: string): Scheme {
  const alg = algorithm(node, `${what} encryption algorithm`);
  if (alg.oid === OID.pbes2) {
    const [kdfNode, encNode] = items(alg.params, 'PBES2 parameters', 2);
    const kdf = algorithm(kdfNode, 'PBES2 key derivation');
    if (kdf.oid === OID.scrypt) return { kind: 'pbes2-scrypt', label: 'PBES2/scrypt' };
    if (kdf.oid !== OID.pbkdf2) return { kind: 'other', label: `PBES2 with key derivation ${kdf.oid}` };
    const [saltNode, iterNode, ...rest] = items(kdf.params, 'PBKDF2 parameters', 2);
    let keyLength: number | undefined;
    let prf: DigestName = 'sha1';
    for (const opt of rest) {
      if (opt.idBlock.tagClass === 1 && opt.idBlock.tagNumber === 2) keyLength = smallInt(opt, 'PBKDF2 key length');
      else {
        const prfAlg = algorithm(opt, 'PBKDF2 PRF');
        const found = PRFS[prfAlg.oid];
        if (!found) return { kind: 'other', label: `PBES2/PBKDF2 with PRF ${prfAlg.oid}` };
        prf = found;
      }
    }
    const enc = algorithm(encNode, 'PBES2 encryption scheme');
    const cipher = PBES2_CIPHERS[enc.oid];
    if (!cipher) return { kind: 'other', label: `PBES2 with cipher ${enc.oid}` };
    if (keyLength !== undefined && keyLength !== cipher.keyLength) throw malformed(`PBKDF2 key length ${keyLength} does not fit ${cipher.name}`);
    const iv = octets(enc.params, `${cipher.name} IV`);
    if (iv.length !== cipher.ivLength) throw malformed(`${cipher.name} IV is ${iv.length} bytes, expected ${cipher.ivLength}`);
    const label = `PBES2/PBKDF2-HMAC-${prf.toUpperCase().replace('SHA', 'SHA-')}/${cipher.name}`;
    return { kind: 'pbes2', label, kdf: 'pbkdf2', prf, salt: octets(saltNode, 'PBKDF2 salt'), iterations: smallInt(iterNode, 'PBKDF2 iterations'), cipher, iv };
  }
  const legacy = PKCS12_PBES[alg.oid];
  if (legacy) {
    const [saltNode, iterNode] = items(alg.params, `${legacy.name} parameters`, 2);
    return { kind: 'pkcs12-pbe', label: legacy.name, salt: octets(saltNode, `${legacy.name} salt`), iterations: smallInt(iterNode, `${legacy.name} iterations`), cipher: legacy };
  }
  return { kind: 'other', label: PBES1[alg.oid] ?? `encryption algorithm ${alg.oid}` };
}

/** The operator's way out of any scheme this console cannot read. */
export const REEXPORT_HINT = 're-export it without RC2/RC4: `openssl pkcs12 -export -certpbe AES-256-CBC -keypbe AES-256-CBC -macalg sha256`';

/** Decryption failed at the padding check: a wrong passphrase, or damage when the MAC already matched. */
export class BadDecrypt extends Error {
  constructor(what: string) {
    super(`could not decrypt ${what}`);
    this.name = 'BadDecrypt';
  }
}

function openDecipher(cipher: CipherSpec, key: Uint8Array, iv: Uint8Array | null, what: string, scheme: string): Decipher {
  try {
    return createDecipheriv(cipher.node, key, iv);
  } catch {
    const rc = /rc[24]/.test(cipher.node);
    throw new PkiFailure(
      'UNSUPPORTED',
      rc
        ? `${what} is encrypted with ${scheme} (${cipher.name.includes('RC4') ? 'RC4' : 'RC2'}), which this build's crypto library cannot decrypt (OpenSSL 3 keeps it in the legacy provider); ${REEXPORT_HINT}`
        : `${what} is encrypted with ${scheme}, which this build's crypto library cannot decrypt; ${REEXPORT_HINT}`,
    );
  }
}

/** Decrypts `data` under the scheme `node` describes. The caller zeroes the returned plaintext. */
export function decrypt(node: asn1js.AsnType | undefined, data: Uint8Array, secret: Secret, what: string): { plain: Buffer; scheme: string } {
  const scheme = describeScheme(node, what);
  if (scheme.kind === 'pbes2-scrypt' || scheme.kind === 'other') {
    throw new PkiFailure('UNSUPPORTED', `${what} is encrypted with ${scheme.label}, which this console does not support; ${REEXPORT_HINT}`);
  }
  let key: Buffer;
  let iv: Uint8Array | null;
  if (scheme.kind === 'pbes2') {
    key = pbkdf2(secret.utf8, scheme.salt, scheme.iterations, scheme.cipher.keyLength, scheme.prf, secret.budget);
    iv = scheme.iv;
  } else {
    key = pkcs12Kdf('sha1', secret.bmp, scheme.salt, 1, scheme.iterations, scheme.cipher.keyLength, secret.budget);
    iv = scheme.cipher.ivLength > 0 ? pkcs12Kdf('sha1', secret.bmp, scheme.salt, 2, scheme.iterations, scheme.cipher.ivLength, secret.budget) : null;
  }
  try {
    const decipher = openDecipher(scheme.cipher, key, iv, what, scheme.label);
    const head = decipher.update(data);
    let tail: Buffer;
    try {
      tail = decipher.final();
    } catch {
      head.fill(0);
      throw new BadDecrypt(what);
    }
    const plain = Buffer.concat([head, tail]);
    head.fill(0);
    tail.fill(0);
    return { plain, scheme: scheme.label };
  } finally {
    key.fill(0);
  }
}
