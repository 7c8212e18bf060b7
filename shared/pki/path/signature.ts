import { DerError, type Node, TAG, contextTag, kids, oid, own, parseDer, seq, smallUint, value } from './asn1';
import { type AlgorithmId, algorithmId } from './cert';

/**
 * Signature verification through WebCrypto (globalThis.crypto.subtle), so the same code runs in
 * Node, Electron's renderer and a browser. Algorithms WebCrypto lacks (DSA, SHA-224, …) are
 * reported as unsupported rather than guessed at.
 */

type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

type Scheme =
  | { readonly kind: 'rsa'; readonly hash: Hash }
  | { readonly kind: 'pss'; readonly hash: Hash; readonly saltLength: number }
  | { readonly kind: 'ecdsa'; readonly hash: Hash }
  | { readonly kind: 'ed25519' };

/** A signature check: valid, invalid, or an algorithm WebCrypto cannot check. */
export type VerifyOutcome = 'valid' | 'invalid' | { readonly unsupported: string };

const RSA: Readonly<Record<string, Hash>> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};
const ECDSA: Readonly<Record<string, Hash>> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};
const HASH_OIDS: Readonly<Record<string, Hash>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const CURVES: Readonly<Record<string, { readonly name: string; readonly size: number }>> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 32 },
  '1.3.132.0.34': { name: 'P-384', size: 48 },
  '1.3.132.0.35': { name: 'P-521', size: 66 },
};
const KNOWN_UNSUPPORTED: Readonly<Record<string, string>> = {
  '1.2.840.10040.4.3': 'DSA with SHA-1',
  '2.16.840.1.101.3.4.3.1': 'DSA with SHA-224',
  '2.16.840.1.101.3.4.3.2': 'DSA with SHA-256',
  '1.2.840.113549.1.1.4': 'RSA with MD5',
  '1.2.840.113549.1.1.2': 'RSA with MD2',
  '1.2.840.113549.1.1.14': 'RSA with SHA-224',
  '1.2.840.10045.4.3.1': 'ECDSA with SHA-224',
  '1.3.101.113': 'Ed448',
};
const RSA_KEY = '1.2.840.113549.1.1.1';
const PSS = '1.2.840.113549.1.1.10';
const EC_KEY = '1.2.840.10045.2.1';
const ED25519 = '1.3.101.112';

function nullOrAbsent(params: Node | null): boolean {
  return params === null || (params.tlv.tag === TAG.NULL && params.tlv.end === params.tlv.valueStart);
}

function hashOf(alg: Node): Hash | null {
  const a = algorithmId(alg);
  return nullOrAbsent(a.params) ? (HASH_OIDS[a.oid] ?? null) : null;
}

function pssScheme(params: Node | null): Scheme | { readonly unsupported: string } {
  let hash: Hash | null = 'SHA-1';
  let mgfHash: Hash | null = 'SHA-1';
  let saltLength = 20;
  if (params !== null) {
    for (const p of seq(params, 'RSASSA-PSS-params')) {
      const [inner] = kids(p);
      if (!inner) throw new DerError('empty RSASSA-PSS parameter', p.tlv.start);
      switch (contextTag(p)) {
        case 0: hash = hashOf(inner); break;
        case 1: {
          const mgf = algorithmId(inner);
          mgfHash = mgf.oid === '1.2.840.113549.1.1.8' && mgf.params ? hashOf(mgf.params) : null;
          break;
        }
        case 2: saltLength = smallUint(inner, 'saltLength'); break;
        case 3: if (smallUint(inner, 'trailerField') !== 1) return { unsupported: 'RSA-PSS with a non-default trailer field' }; break;
        default: throw new DerError('unexpected RSASSA-PSS parameter', p.tlv.start);
      }
    }
  }
  if (hash === null || hash !== mgfHash) return { unsupported: 'RSA-PSS with an unsupported hash or mask generation function' };
  return { kind: 'pss', hash, saltLength };
}

function scheme(alg: AlgorithmId): Scheme | { readonly unsupported: string } {
  const rsa = RSA[alg.oid];
  if (rsa) return nullOrAbsent(alg.params) ? { kind: 'rsa', hash: rsa } : { unsupported: 'RSA with unexpected parameters' };
  const ec = ECDSA[alg.oid];
  if (ec) return alg.params === null ? { kind: 'ecdsa', hash: ec } : { unsupported: 'ECDSA with unexpected parameters' };
  if (alg.oid === ED25519) return alg.params === null ? { kind: 'ed25519' } : { unsupported: 'Ed25519 with parameters' };
  if (alg.oid === PSS) return pssScheme(alg.params);
  return { unsupported: KNOWN_UNSUPPORTED[alg.oid] ?? `signature algorithm ${alg.oid}` };
}

/** ECDSA-Sig-Value (DER SEQUENCE of r, s) → fixed-width r||s for WebCrypto; null when malformed. */
function rawEcdsa(sig: Uint8Array, size: number): Uint8Array | null {
  try {
    const parts = seq(parseDer(sig), 'ECDSA-Sig-Value', 2);
    if (parts.length !== 2) return null;
    const out = new Uint8Array(size * 2);
    parts.forEach((p, i) => {
      let v = value(p);
      if (p.tlv.tag !== TAG.INTEGER || v.length === 0 || ((v[0] as number) & 0x80) !== 0) throw new DerError('bad integer', 0);
      while (v.length > 1 && v[0] === 0) v = v.subarray(1);
      if (v.length > size) throw new DerError('integer too large', 0);
      out.set(v, i * size + size - v.length);
    });
    return out;
  } catch {
    return null;
  }
}

function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

/** WebCrypto imports RSA keys only under rsaEncryption: re-wrap an id-RSASSA-PSS SPKI's key bits. */
function asRsaEncryption(spki: Uint8Array): Uint8Array {
  const [, keyBits] = seq(parseDer(spki), 'SubjectPublicKeyInfo', 2);
  if (!keyBits) return spki;
  const alg = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const bitString = Array.from(keyBits.bytes.subarray(keyBits.tlv.start, keyBits.tlv.end));
  const body = [...alg, ...bitString];
  return new Uint8Array([0x30, ...derLength(body.length), ...body]);
}

/** Caches imported keys per verification context (one validatePath call). */
export class Verifier {
  private readonly keys = new Map<string, Promise<CryptoKey | null>>();

  /** The issuer key for scheme `s`; 'invalid' when the key type cannot have made such a signature. */
  private importKey(spki: Uint8Array, keyAlg: AlgorithmId, s: Scheme): Promise<CryptoKey | null> | 'invalid' | { readonly unsupported: string } {
    let params: RsaHashedImportParams | EcKeyImportParams | Algorithm;
    if (s.kind === 'rsa' || s.kind === 'pss') {
      if (keyAlg.oid !== RSA_KEY && keyAlg.oid !== PSS) return 'invalid';
      params = { name: s.kind === 'rsa' ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS', hash: s.hash };
    } else if (s.kind === 'ecdsa') {
      const curve = keyAlg.oid === EC_KEY && keyAlg.params?.tlv.tag === TAG.OID ? CURVES[oid(keyAlg.params)] : undefined;
      if (!curve) return keyAlg.oid === EC_KEY ? { unsupported: 'a key on an elliptic curve other than P-256, P-384 or P-521' } : 'invalid';
      params = { name: 'ECDSA', namedCurve: curve.name };
    } else {
      if (keyAlg.oid !== ED25519) return 'invalid';
      params = { name: 'Ed25519' };
    }
    const cacheKey = `${JSON.stringify(params)}|${Array.from(spki).join(',')}`;
    let key = this.keys.get(cacheKey);
    if (!key) {
      const der = keyAlg.oid === PSS ? asRsaEncryption(spki) : spki;
      key = globalThis.crypto.subtle.importKey('spki', own(der), params, false, ['verify']).catch(() => null);
      this.keys.set(cacheKey, key);
    }
    return key;
  }

  /** Verifies `signature` over `data` made with algorithm `alg` by the key in `spki`. */
  async verify(data: Uint8Array, signature: Uint8Array, alg: AlgorithmId, spki: Uint8Array, keyAlg: AlgorithmId): Promise<VerifyOutcome> {
    let s: ReturnType<typeof scheme>;
    try {
      s = scheme(alg);
    } catch {
      return { unsupported: 'malformed signature algorithm parameters' };
    }
    if ('unsupported' in s) return s;
    const imported = this.importKey(spki, keyAlg, s);
    if (imported === 'invalid' || 'unsupported' in imported) return imported;
    const key = await imported;
    if (key === null) return { unsupported: 'a key that cannot be imported (malformed or unsupported public key)' };
    let sig: Uint8Array | null = signature;
    let params: Algorithm | RsaPssParams | EcdsaParams;
    switch (s.kind) {
      case 'rsa': params = { name: 'RSASSA-PKCS1-v1_5' }; break;
      case 'pss': params = { name: 'RSA-PSS', saltLength: s.saltLength }; break;
      case 'ecdsa': {
        const size = (key.algorithm as EcKeyAlgorithm).namedCurve === 'P-521' ? 66 : (key.algorithm as EcKeyAlgorithm).namedCurve === 'P-384' ? 48 : 32;
        sig = rawEcdsa(signature, size);
        params = { name: 'ECDSA', hash: s.hash };
        break;
      }
      case 'ed25519': params = { name: 'Ed25519' }; break;
    }
    if (sig === null) return 'invalid';
    try {
      return (await globalThis.crypto.subtle.verify(params, key, own(sig), own(data))) ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  }
}
