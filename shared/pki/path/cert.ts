import { decodeTime, integerHex } from '../der';
import { sha256Hex } from '../bytes-port';
import { DerError, type Node, TAG, bool, equalBytes, kids, oid, parseDer, raw, seq, smallUint, value } from './asn1';
import { type CertExtensions, MalformedError, type RawExtension, decodeExtensions, extensionName } from './extensions';
import { type DistinguishedName, namesEqual, parseName } from './name';

/**
 * One parsed certificate with exactly what path validation needs: the signed bytes, names,
 * validity, key, and decoded extensions. Built on the bounded DER reader, not a lenient parser.
 */

export interface AlgorithmId {
  readonly oid: string;
  /** The parameters element, or null when absent. */
  readonly params: Node | null;
  readonly raw: Uint8Array;
}

/** A parsed certificate: everything validation needs, nothing it does not. */
export interface Certificate {
  readonly der: Uint8Array;
  readonly sha256: string;
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: AlgorithmId;
  /** Differs from `signatureAlgorithm.raw` only in a malformed certificate (RFC 5280 §4.1.1.2). */
  readonly tbsSignatureRaw: Uint8Array;
  /** Null when the signatureValue BIT STRING has unused bits: then no key can verify it. */
  readonly signature: Uint8Array | null;
  readonly version: number;
  readonly serial: Uint8Array;
  readonly serialHex: string;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly spki: Uint8Array;
  readonly spkiAlgorithm: AlgorithmId;
  readonly extensions: readonly RawExtension[];
  /** Decoded extensions; null when one is malformed (then `extError` says which). */
  readonly ext: CertExtensions | null;
  readonly extError: string | null;
  /** Subject and issuer are the same name (RFC 5280 §6.1: "self-issued"). */
  readonly selfIssued: boolean;
}

/** Decodes an AlgorithmIdentifier, keeping its raw bytes for the inner/outer comparison. */
export function algorithmId(n: Node): AlgorithmId {
  const [id, params, extra] = seq(n, 'AlgorithmIdentifier', 1);
  if (extra) throw new DerError('AlgorithmIdentifier has extra elements', n.tlv.start);
  return { oid: oid(id as Node), params: params ?? null, raw: raw(n) };
}

/** BIT STRING contents with no unused bits (signatures, keys). */
export function octetBits(n: Node, what: string): Uint8Array {
  const v = value(n);
  if (n.tlv.tag !== TAG.BIT_STRING || v.length === 0 || v[0] !== 0) throw new DerError(`${what}: malformed bit string`, n.tlv.start);
  return v.subarray(1);
}

function signatureBits(n: Node): Uint8Array | null {
  const v = value(n);
  if (n.tlv.tag !== TAG.BIT_STRING || v.length === 0 || (v[0] as number) > 7) throw new DerError('signatureValue: malformed bit string', n.tlv.start);
  return v[0] === 0 ? v.subarray(1) : null;
}

function time(n: Node): Date {
  if (n.tlv.tag !== TAG.UTC_TIME && n.tlv.tag !== TAG.GENERALIZED_TIME) throw new DerError('validity time must be UTCTime or GeneralizedTime', n.tlv.start);
  return decodeTime(n.bytes, n.tlv);
}

function readExtensions(n: Node): RawExtension[] {
  const [list, extra] = kids(n);
  if (!list || extra) throw new DerError('extensions wrapper must hold one SEQUENCE', n.tlv.start);
  return seq(list, 'Extensions', 1).map((e) => {
    const parts = seq(e, 'Extension', 2);
    const [id, second, third, fourth] = parts;
    if (fourth || (third && second?.tlv.tag !== TAG.BOOLEAN)) throw new DerError('malformed Extension', e.tlv.start);
    const critical = third ? bool(second as Node, 'critical') : false;
    const octets = (third ?? second) as Node;
    if (octets.tlv.tag !== TAG.OCTET_STRING) throw new DerError('extnValue must be an OCTET STRING', octets.tlv.start);
    return { oid: oid(id as Node), critical, value: value(octets) };
  });
}


/** Parses a DER certificate; throws MalformedError/DerError when its structure is unusable. */
export async function parseCertificate(der: Uint8Array): Promise<Certificate> {
  const root = parseDer(der);
  const [tbsNode, sigAlgNode, sigNode, extra] = seq(root, 'Certificate', 3);
  if (extra) throw new DerError('Certificate has extra elements', root.tlv.start);
  const tbsParts = seq(tbsNode as Node, 'TBSCertificate', 6);
  let i = 0;
  let version = 1;
  if (tbsParts[0]?.tlv.tag === 0xa0) {
    const [v, more] = kids(tbsParts[0]);
    if (!v || more) throw new DerError('malformed version', tbsParts[0].tlv.start);
    version = smallUint(v, 'version') + 1;
    if (version > 3) throw new MalformedError(`it declares unknown version ${version}`);
    i = 1;
  }
  const at = (k: number): Node => {
    const n = tbsParts[i + k];
    if (!n) throw new DerError('TBSCertificate is missing fields', (tbsNode as Node).tlv.start);
    return n;
  };
  const serialNode = at(0);
  if (serialNode.tlv.tag !== TAG.INTEGER || serialNode.tlv.end === serialNode.tlv.valueStart) throw new DerError('malformed serial number', serialNode.tlv.start);
  const tbsSig = algorithmId(at(1));
  const issuer = parseName(at(2));
  const [nb, na, moreTimes] = seq(at(3), 'Validity', 2);
  if (moreTimes) throw new DerError('Validity has extra elements', at(3).tlv.start);
  const subject = parseName(at(4));
  const [spkiAlgNode, keyNode, moreKey] = seq(at(5), 'SubjectPublicKeyInfo', 2);
  if (moreKey) throw new DerError('SubjectPublicKeyInfo has extra elements', at(5).tlv.start);
  octetBits(keyNode as Node, 'subjectPublicKey');
  let extensions: RawExtension[] = [];
  let last = 0;
  for (const opt of tbsParts.slice(i + 6)) {
    const tag = opt.tlv.tag === 0x81 ? 1 : opt.tlv.tag === 0x82 ? 2 : opt.tlv.tag === 0xa3 ? 3 : -1;
    if (tag <= last) throw new DerError('unexpected element after SubjectPublicKeyInfo', opt.tlv.start);
    last = tag;
    if (tag < 3 && version < 2) throw new MalformedError('a version 1 certificate carries unique identifiers');
    if (tag === 3) {
      if (version < 3) throw new MalformedError(`a version ${version} certificate carries extensions`);
      extensions = readExtensions(opt);
    }
  }
  const seen = new Set<string>();
  let extError: string | null = null;
  for (const e of extensions) {
    if (seen.has(e.oid)) extError ??= `its ${extensionName(e.oid)} extension appears more than once`;
    seen.add(e.oid);
  }
  let ext: CertExtensions | null = null;
  if (extError === null) {
    try {
      ext = decodeExtensions(extensions);
    } catch (err) {
      extError = err instanceof Error ? err.message : String(err);
    }
  }
  const serial = value(serialNode);
  return {
    der,
    sha256: await sha256Hex(der),
    tbs: raw(tbsNode as Node),
    signatureAlgorithm: algorithmId(sigAlgNode as Node),
    tbsSignatureRaw: tbsSig.raw,
    signature: signatureBits(sigNode as Node),
    version,
    serial,
    serialHex: integerHex(serial),
    issuer,
    subject,
    notBefore: time(nb as Node),
    notAfter: time(na as Node),
    spki: raw(at(5)),
    spkiAlgorithm: algorithmId(spkiAlgNode as Node),
    extensions,
    ext,
    extError,
    selfIssued: namesEqual(subject, issuer),
  };
}

/** The public-key bytes inside the SPKI (for SKI-style comparisons). */
export function sameKey(a: Certificate, b: Certificate): boolean {
  return equalBytes(a.spki, b.spki);
}
