import type { PublicKeyInfo } from '../model/pki';
import { children, DerError, readTlv, TAG, valueOf, oidOf } from './der';
import { portableBytes, sha256Hex, type BytesPort } from './bytes-port';

const CURVES: Readonly<Record<string, { name: string; bits: number }>> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
  '1.3.132.0.33': { name: 'P-224', bits: 224 },
};

/** Bit length of a DER INTEGER value (ignoring a leading zero byte). */
function integerBits(value: Uint8Array): number {
  let i = 0;
  while (i < value.length - 1 && value[i] === 0) i++;
  const first = value[i] ?? 0;
  return (value.length - i - 1) * 8 + (first === 0 ? 0 : Math.floor(Math.log2(first)) + 1);
}

/** Algorithm, size and SHA-256 of a SubjectPublicKeyInfo: the same facts for a certificate, a CSR or a key. */
export async function describeSpki(spki: Uint8Array, bytes: BytesPort = portableBytes): Promise<PublicKeyInfo> {
  return spkiFacts(spki, await sha256Hex(spki, bytes));
}

/** Algorithm and size of a SubjectPublicKeyInfo whose SHA-256 the caller has. */
export function spkiFacts(spki: Uint8Array, spkiSha256: string): PublicKeyInfo {
  const root = readTlv(spki, 0);
  const top = children(spki, root);
  const algSeq = top[0];
  const bitString = top[1];
  if (!algSeq || !bitString || bitString.tag !== TAG.BIT_STRING) throw new DerError('malformed SubjectPublicKeyInfo', 0);
  const alg = children(spki, algSeq);
  const oidTlv = alg[0];
  const params = alg[1];
  if (!oidTlv) throw new DerError('SubjectPublicKeyInfo has no algorithm', algSeq.start);
  const oid = oidOf(spki, oidTlv);
  const key = valueOf(spki, bitString).subarray(1);
  switch (oid) {
    case '1.2.840.113549.1.1.1':
    case '1.2.840.113549.1.1.10': {
      const rsa = readTlv(key, 0);
      const modulus = children(key, rsa)[0];
      return { algorithm: 'RSA', size: modulus ? integerBits(valueOf(key, modulus)) : null, curve: null, spkiSha256 };
    }
    case '1.2.840.10045.2.1': {
      const curveOid = params && params.tag === TAG.OID ? oidOf(spki, params) : null;
      const curve = curveOid ? CURVES[curveOid] : undefined;
      return { algorithm: 'EC', size: curve?.bits ?? null, curve: curve?.name ?? curveOid, spkiSha256 };
    }
    case '1.3.101.112':
      return { algorithm: 'Ed25519', size: 256, curve: null, spkiSha256 };
    case '1.3.101.113':
      return { algorithm: 'Ed448', size: 456, curve: null, spkiSha256 };
    case '1.2.840.10040.4.1': {
      const p = params ? children(spki, params)[0] : undefined;
      return { algorithm: 'DSA', size: p ? integerBits(valueOf(spki, p)) : null, curve: null, spkiSha256 };
    }
    default:
      return { algorithm: 'unknown', size: null, curve: oid, spkiSha256 };
  }
}
