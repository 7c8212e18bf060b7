import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { PublicKeyInfo } from '../../../shared/model/pki';

/**
 * The public face of a private key: what the renderer may see (type, size, curve, SPKI
 * fingerprint) and the SPKI DER for key/certificate matching. Never the private half.
 */

/** What a key read yields: public facts plus the SPKI DER for matching. */
export interface PublicKeyRead {
  readonly publicKey: PublicKeyInfo;
  /** SubjectPublicKeyInfo DER of the derived public key: compare with a certificate's SPKI. */
  readonly spkiDer: Uint8Array;
}

const CURVES: Readonly<Record<string, { name: string; bits: number }>> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
  secp224r1: { name: 'P-224', bits: 224 },
  prime192v1: { name: 'P-192', bits: 192 },
  secp256k1: { name: 'secp256k1', bits: 256 },
};

function curveOf(namedCurve: string | undefined): { name: string | null; bits: number | null } {
  if (!namedCurve) return { name: null, bits: null };
  const known = CURVES[namedCurve];
  if (known) return known;
  const digits = /(\d{3})/.exec(namedCurve);
  return { name: namedCurve, bits: digits ? Number(digits[1]) : null };
}

/** Lowercase hex SHA-256 of SPKI DER: the value a certificate and its key share. */
export function spkiSha256(spkiDer: Uint8Array): string {
  return createHash('sha256').update(spkiDer).digest('hex');
}

/** Derives the public key information from a private KeyObject, which the caller then drops. */
export function publicKeyOf(privateKey: KeyObject): PublicKeyRead {
  const publicKey = createPublicKey(privateKey);
  const spkiDer = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const details = publicKey.asymmetricKeyDetails ?? {};
  let info: Omit<PublicKeyInfo, 'spkiSha256'>;
  switch (publicKey.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      info = { algorithm: 'RSA', size: details.modulusLength ?? null, curve: null };
      break;
    case 'dsa':
      info = { algorithm: 'DSA', size: details.modulusLength ?? null, curve: null };
      break;
    case 'ec': {
      const curve = curveOf(details.namedCurve);
      info = { algorithm: 'EC', size: curve.bits, curve: curve.name };
      break;
    }
    // Sizes as OpenSSL's EVP_PKEY_get_bits reports them (ED25519_BITS 256, ED448_BITS 456).
    case 'ed25519':
      info = { algorithm: 'Ed25519', size: 256, curve: null };
      break;
    case 'ed448':
      info = { algorithm: 'Ed448', size: 456, curve: null };
      break;
    default:
      info = { algorithm: 'unknown', size: null, curve: null };
  }
  return { publicKey: { ...info, spkiSha256: spkiSha256(spkiDer) }, spkiDer };
}
