import { readRawExtensions, type RawExtension } from './cert-extensions';
import { children, decodeTime, DerError, integerHex, rawOf, readTlv, TAG, valueOf, type Tlv, oidOf } from './der';

/** The fields of a certificate every check needs, read straight from the DER (no decoder state). */
export interface CertificateParts {
  readonly tbs: Uint8Array;
  readonly version: number;
  readonly serialHex: string;
  readonly signatureAlgorithmOid: string;
  readonly issuerDer: Uint8Array;
  readonly subjectDer: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly spki: Uint8Array;
  readonly signature: Uint8Array;
  readonly extensions: readonly RawExtension[];
}

/**
 * Splits a Certificate into its parts; the DER must already have passed checkStructure.
 * Indexes rather than destructures: array destructuring runs the iterator protocol, an
 * object per element, and this runs for every certificate of a bundle.
 */
export function certificateParts(der: Uint8Array): CertificateParts {
  const root = readTlv(der, 0);
  const top = children(der, root);
  const tbsTlv = top[0];
  const algTlv = top[1];
  const sigTlv = top[2];
  if (!tbsTlv || !algTlv || !sigTlv) throw new DerError('a Certificate needs tbsCertificate, signatureAlgorithm and signature', 0);
  const fields = children(der, tbsTlv);
  let i = 0;
  let version = 1;
  if (fields[0]?.tag === 0xa0) {
    const inner = children(der, fields[0])[0];
    version = inner ? Number(integerHex(valueOf(der, inner))) + 1 : 1;
    i = 1;
  }
  const serial = fields[i];
  const issuer = fields[i + 2];
  const validity = fields[i + 3];
  const subject = fields[i + 4];
  const spki = fields[i + 5];
  let extWrapper: Tlv | undefined;
  for (let k = i + 6; k < fields.length; k++) if ((fields[k] as Tlv).tag === 0xa3) extWrapper = extWrapper ?? fields[k];
  const extSeq = extWrapper ? children(der, extWrapper)[0] : undefined;
  if (!serial || !issuer || !validity || !subject || !spki || serial.tag !== TAG.INTEGER) {
    throw new DerError('tbsCertificate is missing required fields', tbsTlv.start);
  }
  const times = children(der, validity);
  const nb = times[0];
  const na = times[1];
  if (!nb || !na) throw new DerError('validity needs notBefore and notAfter', validity.start);
  const algOid = children(der, algTlv)[0];
  if (!algOid || algOid.tag !== TAG.OID) throw new DerError('signatureAlgorithm has no OID', algTlv.start);
  return {
    tbs: rawOf(der, tbsTlv),
    version,
    serialHex: integerHex(valueOf(der, serial)),
    signatureAlgorithmOid: oidOf(der, algOid),
    issuerDer: rawOf(der, issuer),
    subjectDer: rawOf(der, subject),
    notBefore: decodeTime(der, nb),
    notAfter: decodeTime(der, na),
    spki: rawOf(der, spki),
    signature: valueOf(der, sigTlv).subarray(1),
    extensions: extSeq ? readRawExtensions(der, extSeq) : [],
  };
}

/** The signatureAlgorithm OID of any SIGNED{} structure (certificate, CRL, CSR). */
export function signedAlgorithmOid(der: Uint8Array): string {
  const [, algTlv] = children(der, readTlv(der, 0));
  const oid = algTlv ? children(der, algTlv)[0] : undefined;
  if (!oid || oid.tag !== TAG.OID) throw new DerError('signatureAlgorithm has no OID', algTlv?.start ?? 0);
  return oidOf(der, oid);
}

/** The parts of a PKCS#10 request: subject, key and the requested extensions. */
export interface CsrParts {
  readonly subjectDer: Uint8Array;
  readonly spki: Uint8Array;
  readonly extensions: readonly RawExtension[];
}

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

export function csrParts(der: Uint8Array): CsrParts {
  const [info] = children(der, readTlv(der, 0));
  if (!info) throw new DerError('a CSR needs certificationRequestInfo', 0);
  const [, subject, spki, attrs] = children(der, info);
  if (!subject || !spki) throw new DerError('certificationRequestInfo is missing subject or key', info.start);
  let extensions: RawExtension[] = [];
  for (const attr of attrs && attrs.tag === 0xa0 ? children(der, attrs) : []) {
    const [oid, values] = children(der, attr);
    if (oid && values && oidOf(der, oid) === EXTENSION_REQUEST) {
      const seq = children(der, values)[0];
      if (seq) extensions = readRawExtensions(der, seq);
    }
  }
  return { subjectDer: rawOf(der, subject), spki: rawOf(der, spki), extensions };
}
