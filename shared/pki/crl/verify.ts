/**
 * verifyCrlSignature: checks a parsed CRL's signature against an issuer public key with
 * WebCrypto only (works in the renderer, main and Node), so a 100k-entry CRL is verified
 * without OpenSSL or a full ASN.1 object tree.
 */
import { type Tlv, TAG } from '../der';
import { CURVES, EC_PUBLIC_KEY, HASHES, MGF1, RSA_ENCRYPTION, RSASSA_PSS, SIGNATURE_ALGORITHMS } from './oids';
import type { ParsedCrl } from './parse';
import { Cursor, CrlError, readAlgorithm, readAt, readOid, type AlgorithmId } from './reader';

/** Thrown when the algorithm or key type cannot be checked with WebCrypto (not a "bad signature"). */
export class UnsupportedAlgorithmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedAlgorithmError';
  }
}

type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** WebCrypto wants ArrayBuffer-backed views; copy only if the input sits on something else. */
function own(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : new Uint8Array(view);
}

function encode(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(1 + len.length + n);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

interface Spki {
  readonly alg: AlgorithmId;
  readonly curveOid: string | null;
  readonly key: Tlv;
}

function readSpki(der: Uint8Array): Spki {
  const root = readAt(der, 0, der.length, 'issuerSpki', [TAG.SEQUENCE]);
  if (root.end !== der.length) throw new CrlError('issuerSpki', 'trailing bytes after SubjectPublicKeyInfo', root.end);
  const c = new Cursor(der, root, 'issuerSpki');
  const alg = readAlgorithm(der, c.next('algorithm', [TAG.SEQUENCE]), 'issuerSpki.algorithm');
  const key = c.next('subjectPublicKey', [TAG.BIT_STRING]);
  c.finish();
  const p = alg.params;
  const curveOid = p && p.tag === TAG.OID ? readOid(der, p, 'issuerSpki.algorithm.namedCurve') : null;
  return { alg, curveOid, key };
}

/** RSASSA-PSS-params (RFC 4055): hash, MGF1 hash (must match for WebCrypto), salt length. */
function pssParams(crl: ParsedCrl): { hash: Hash; saltLength: number } {
  let hash: Hash = 'SHA-1';
  let mgfHash: Hash = 'SHA-1';
  let saltLength = 20;
  const raw = crl.signatureParams;
  if (raw && raw[0] !== TAG.NULL) {
    const c = new Cursor(raw, readAt(raw, 0, raw.length, 'signatureAlgorithm.parameters', [TAG.SEQUENCE]), 'rsassaPss.params');
    const hashOf = (alg: AlgorithmId): Hash => {
      const h = HASHES[alg.oid];
      if (!h) throw new UnsupportedAlgorithmError(`RSA-PSS with hash ${alg.oid} is not supported by WebCrypto`);
      return h;
    };
    const inner = (tag: number, name: string): Tlv | null => {
      const tagged = c.optional(name, tag);
      return tagged ? new Cursor(raw, tagged, `rsassaPss.${name}`).next('value') : null;
    };
    const h = inner(0xa0, 'hashAlgorithm');
    if (h) hash = hashOf(readAlgorithm(raw, h, 'rsassaPss.hashAlgorithm'));
    const m = inner(0xa1, 'maskGenAlgorithm');
    if (m) {
      const mgf = readAlgorithm(raw, m, 'rsassaPss.maskGenAlgorithm');
      if (mgf.oid !== MGF1 || !mgf.params) throw new UnsupportedAlgorithmError(`RSA-PSS mask generation ${mgf.oid} is not supported`);
      mgfHash = hashOf(readAlgorithm(raw, mgf.params, 'rsassaPss.mgf1.hash'));
    }
    const s = inner(0xa2, 'saltLength');
    if (s) {
      if (s.tag !== TAG.INTEGER || s.end - s.valueStart > 2) throw new CrlError('rsassaPss.saltLength', 'expected a small INTEGER', s.start);
      saltLength = 0;
      for (let i = s.valueStart; i < s.end; i++) saltLength = saltLength * 256 + (raw[i] as number);
    }
    const trailer = inner(0xa3, 'trailerField');
    if (trailer && (trailer.end - trailer.valueStart !== 1 || raw[trailer.valueStart] !== 1)) throw new UnsupportedAlgorithmError('RSA-PSS trailerField other than 1');
    c.finish();
  }
  if (mgfHash !== hash) throw new UnsupportedAlgorithmError(`RSA-PSS with MGF1-${mgfHash} over ${hash} is not supported by WebCrypto`);
  return { hash, saltLength };
}

/** DER ECDSA-Sig-Value → fixed-width r||s as WebCrypto expects; null if malformed. */
function rawEcdsa(sig: Uint8Array, size: number): Uint8Array<ArrayBuffer> | null {
  try {
    const root = readAt(sig, 0, sig.length, 'ECDSA-Sig-Value', [TAG.SEQUENCE]);
    const c = new Cursor(sig, root, 'ECDSA-Sig-Value');
    const parts = [c.next('r', [TAG.INTEGER]), c.next('s', [TAG.INTEGER])];
    c.finish();
    if (root.end !== sig.length) return null;
    const out = new Uint8Array(size * 2);
    for (const [i, p] of parts.entries()) {
      let start = p.valueStart;
      if (p.end === start || ((sig[start] as number) & 0x80) !== 0) return null;
      while (start < p.end - 1 && sig[start] === 0) start++;
      if (p.end - start > size) return null;
      out.set(sig.subarray(start, p.end), (i + 1) * size - (p.end - start));
    }
    return out;
  } catch {
    return null;
  }
}

/** The signed key import + verify parameters for this CRL and key, or null if the key type does not fit. */
function plan(crl: ParsedCrl, spki: Spki, spkiDer: Uint8Array): { key: Uint8Array; imp: AlgorithmIdentifier | EcKeyImportParams | RsaHashedImportParams; alg: AlgorithmIdentifier | EcdsaParams | RsaPssParams; sig: Uint8Array | null } | null {
  const info = SIGNATURE_ALGORITHMS[crl.signatureAlgorithmOid];
  const keyOid = spki.alg.oid;
  switch (info?.kind) {
    case 'rsa-pkcs1':
      if (keyOid !== RSA_ENCRYPTION) return null;
      return { key: spkiDer, imp: { name: 'RSASSA-PKCS1-v1_5', hash: info.hash ?? 'SHA-256' }, alg: { name: 'RSASSA-PKCS1-v1_5' }, sig: crl.signature };
    case 'rsa-pss': {
      if (keyOid !== RSA_ENCRYPTION && keyOid !== RSASSA_PSS) return null;
      const { hash, saltLength } = pssParams(crl);
      // WebCrypto imports RSA keys labelled rsaEncryption; a PSS-labelled SPKI is re-wrapped.
      const rsaAlg = Uint8Array.of(0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00);
      const bits = spkiDer.subarray(spki.key.start, spki.key.end);
      const key = keyOid === RSA_ENCRYPTION ? spkiDer : encode(TAG.SEQUENCE, Uint8Array.of(...rsaAlg, ...bits));
      return { key, imp: { name: 'RSA-PSS', hash }, alg: { name: 'RSA-PSS', saltLength }, sig: crl.signature };
    }
    case 'ecdsa': {
      if (keyOid !== EC_PUBLIC_KEY) return null;
      const curve = CURVES[spki.curveOid ?? ''];
      if (!curve) throw new UnsupportedAlgorithmError(`EC curve ${spki.curveOid ?? '(not a named curve)'} is not supported (P-256, P-384, P-521 are)`);
      return { key: spkiDer, imp: { name: 'ECDSA', namedCurve: curve.name }, alg: { name: 'ECDSA', hash: info.hash ?? 'SHA-256' }, sig: rawEcdsa(crl.signature, curve.size) };
    }
    case 'ed25519':
      if (keyOid !== '1.3.101.112') return null;
      return { key: spkiDer, imp: { name: 'Ed25519' }, alg: { name: 'Ed25519' }, sig: crl.signature };
    default:
      throw new UnsupportedAlgorithmError(`signature algorithm ${info?.name ?? crl.signatureAlgorithmOid} is not supported`);
  }
}

/**
 * True when `issuerSpkiDer` (SubjectPublicKeyInfo DER of the CA) signed this CRL. False for
 * a wrong key, a key of another type, a tampered CRL or mismatched inner/outer algorithms;
 * throws UnsupportedAlgorithmError for algorithms WebCrypto cannot check, CrlError for a bad SPKI.
 */
export async function verifyCrlSignature(crl: ParsedCrl, issuerSpkiDer: Uint8Array): Promise<boolean> {
  const spki = readSpki(issuerSpkiDer);
  if (!crl.algorithmsMatch) return false;
  const p = plan(crl, spki, issuerSpkiDer);
  if (!p || !p.sig) return false;
  const subtle = globalThis.crypto.subtle;
  let key: CryptoKey;
  try {
    key = await subtle.importKey('spki', own(p.key), p.imp, false, ['verify']);
  } catch (err) {
    throw new CrlError('issuerSpki', `public key could not be imported (${err instanceof Error ? err.message : String(err)})`, 0);
  }
  return subtle.verify(p.alg, key, own(p.sig), own(crl.tbsDer));
}
