import type { KeyAlgorithm } from '../model/ca';
import { assertNever } from '../util/assert-never';
import { ecdsaSignatureDer, type Bytes } from './der-writer';

/** How one CA key algorithm is generated, signs, and is named inside signed structures. */
export interface AlgorithmProfile {
  readonly generate: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm;
  /** importKey parameters for its PKCS#8 (what the vault uses to make the non-extractable key). */
  readonly importParams: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  /** sign() parameters, also given to @peculiar/x509 as signingAlgorithm. */
  readonly sign: EcdsaParams | Algorithm;
  /** The complete AlgorithmIdentifier DER of the signature (ecdsa-with-SHA256/384, sha256WithRSAEncryption, Ed25519). */
  readonly signatureAlgorithmDer: Bytes;
  /** WebCrypto's signature bytes → the BIT STRING contents X.509 expects. */
  readonly encodeSignature: (raw: Uint8Array) => Bytes;
  readonly label: string;
}

const ECDSA_SHA256 = Uint8Array.of(0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02);
const ECDSA_SHA384 = Uint8Array.of(0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03);
/** sha256WithRSAEncryption with its NULL parameters (RFC 4055 §5 keeps them). */
const RSA_SHA256 = Uint8Array.of(0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00);
/** id-Ed25519 without parameters (RFC 8410 §3). */
const ED25519 = Uint8Array.of(0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70);

const asIs = (raw: Uint8Array): Bytes => Uint8Array.from(raw);

export function algorithmProfile(alg: KeyAlgorithm): AlgorithmProfile {
  switch (alg) {
    case 'ec-p256':
      return {
        generate: { name: 'ECDSA', namedCurve: 'P-256' },
        importParams: { name: 'ECDSA', namedCurve: 'P-256' },
        sign: { name: 'ECDSA', hash: 'SHA-256' },
        signatureAlgorithmDer: ECDSA_SHA256,
        encodeSignature: ecdsaSignatureDer,
        label: 'ECDSA P-256 (ecdsa-with-SHA256)',
      };
    case 'ec-p384':
      return {
        generate: { name: 'ECDSA', namedCurve: 'P-384' },
        importParams: { name: 'ECDSA', namedCurve: 'P-384' },
        sign: { name: 'ECDSA', hash: 'SHA-384' },
        signatureAlgorithmDer: ECDSA_SHA384,
        encodeSignature: ecdsaSignatureDer,
        label: 'ECDSA P-384 (ecdsa-with-SHA384)',
      };
    case 'rsa-3072':
      return {
        generate: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' },
        importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        sign: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        signatureAlgorithmDer: RSA_SHA256,
        encodeSignature: asIs,
        label: 'RSA 3072 (sha256WithRSAEncryption)',
      };
    case 'ed25519':
      return {
        generate: { name: 'Ed25519' },
        importParams: { name: 'Ed25519' },
        sign: { name: 'Ed25519' },
        signatureAlgorithmDer: ED25519,
        encodeSignature: asIs,
        label: 'Ed25519',
      };
    default:
      return assertNever(alg, 'key algorithm');
  }
}

/** Generates a key pair whose private half can be exported exactly once, to PKCS#8, for the vault or the device. */
export async function generateKeyPair(alg: KeyAlgorithm): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(algorithmProfile(alg).generate, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** Signs bytes with a CA key and returns the X.509 form of the signature. */
export async function signDer(alg: KeyAlgorithm, key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<Bytes> {
  const profile = algorithmProfile(alg);
  return profile.encodeSignature(new Uint8Array(await crypto.subtle.sign(profile.sign, key, data)));
}
