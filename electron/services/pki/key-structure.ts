import { DerError, TAG, checkStructure, children, decodeOid, rawOf, valueOf, type Tlv } from '../../../shared/pki/der';
import { malformed, parseBer } from './asn1';
import { describeScheme, type Scheme } from './decrypt';

/**
 * Strict DER checks of private-key containers before node:crypto sees them, so a broken file
 * is reported as MALFORMED with a byte offset, and an unusual algorithm as UNSUPPORTED.
 */

/** The largest private key block read (an RSA-16384 PKCS#8 key is under 10 KiB). */
export const MAX_KEY_BYTES = 1024 * 1024;

const RSA = '1.2.840.113549.1.1.1';
const EC = '1.2.840.10045.2.1';

function expect(tlv: Tlv | undefined, tag: number, what: string, element: string): Tlv {
  if (!tlv || tlv.tag !== tag) throw malformed(`${what} is not a valid key structure: ${element} missing or mistyped`);
  return tlv;
}

function top(der: Uint8Array, what: string, kind: string): { root: Tlv; kids: Tlv[] } {
  if (der.length > MAX_KEY_BYTES) throw malformed(`${what} is ${der.length} bytes, larger than any private key`);
  try {
    const root = checkStructure(der, { maxDepth: 16, maxBytes: MAX_KEY_BYTES });
    if (root.tag !== TAG.SEQUENCE) throw new DerError('the outer value is not a SEQUENCE', 0);
    return { root, kids: children(der, root) };
  } catch (error) {
    if (error instanceof DerError) throw malformed(`${what} is not a valid ${kind} (${error.message})`);
    throw error;
  }
}

/** PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING, … }: returns the algorithm OID. */
export function pkcs8AlgorithmOid(der: Uint8Array, what: string): string {
  const { kids } = top(der, what, 'PKCS#8 private key');
  expect(kids[0], TAG.INTEGER, what, 'version');
  const alg = expect(kids[1], TAG.SEQUENCE, what, 'algorithm');
  expect(kids[2], TAG.OCTET_STRING, what, 'private key');
  const oid = expect(children(der, alg)[0], TAG.OID, what, 'algorithm OID');
  return decodeOid(valueOf(der, oid));
}

/** ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters, [1] publicKey }. */
export function checkSec1(der: Uint8Array, what: string): string {
  const { kids } = top(der, what, 'SEC1 EC private key');
  expect(kids[0], TAG.INTEGER, what, 'version');
  expect(kids[1], TAG.OCTET_STRING, what, 'private key');
  return EC;
}

/** RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dP, dQ, qInv, … }: nine INTEGERs at least. */
export function checkPkcs1(der: Uint8Array, what: string): string {
  const { kids } = top(der, what, 'PKCS#1 RSA private key');
  for (let i = 0; i < 9; i++) expect(kids[i], TAG.INTEGER, what, `INTEGER ${i + 1} of 9`);
  return RSA;
}

/** EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING }: how it is encrypted. */
export function encryptedPkcs8Scheme(der: Uint8Array, what: string): Scheme {
  const { kids } = top(der, what, 'encrypted PKCS#8 key');
  const alg = expect(kids[0], TAG.SEQUENCE, what, 'encryption algorithm');
  expect(kids[1], TAG.OCTET_STRING, what, 'encrypted data');
  return describeScheme(parseBer(rawOf(der, alg), `${what} encryption algorithm`), what);
}
