import { TAG, kids, oid, parseDer, value } from './asn1';
import { type Certificate, octetBits } from './cert';

/** What kind of subject public key a certificate carries, for the strict profile's key rules. */

export type PublicKeyKind =
  | { readonly kind: 'rsa'; readonly bits: number }
  | { readonly kind: 'ec' | 'ed25519' }
  | { readonly kind: 'other'; readonly name: string };

const CURVES = new Set(['1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35']);
const NAMES: Readonly<Record<string, string>> = {
  '1.2.840.10040.4.1': 'a DSA key',
  '1.2.840.10045.2.1': 'an elliptic-curve key on a curve other than P-256/P-384/P-521',
  '1.3.101.113': 'an Ed448 key',
};

function rsaBits(cert: Certificate): number {
  const [, keyBits] = kids(parseDer(cert.spki));
  if (!keyBits) return 0;
  const [modulus] = kids(parseDer(octetBits(keyBits, 'subjectPublicKey')));
  if (!modulus || modulus.tlv.tag !== TAG.INTEGER) return 0;
  let v = value(modulus);
  while (v.length > 0 && v[0] === 0) v = v.subarray(1);
  return v.length === 0 ? 0 : (v.length - 1) * 8 + (32 - Math.clz32(v[0] as number));
}

/** Classifies the certificate's SubjectPublicKeyInfo. */
export function publicKeyInfo(cert: Certificate): PublicKeyKind {
  const alg = cert.spkiAlgorithm;
  try {
    if (alg.oid === '1.2.840.113549.1.1.1' || alg.oid === '1.2.840.113549.1.1.10') return { kind: 'rsa', bits: rsaBits(cert) };
    if (alg.oid === '1.2.840.10045.2.1' && alg.params?.tlv.tag === TAG.OID && CURVES.has(oid(alg.params))) return { kind: 'ec' };
    if (alg.oid === '1.3.101.112') return { kind: 'ed25519' };
  } catch {
    return { kind: 'other', name: 'a malformed public key' };
  }
  return { kind: 'other', name: NAMES[alg.oid] ?? `a public key of type ${alg.oid}` };
}
