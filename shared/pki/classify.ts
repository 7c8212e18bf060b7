import { checkStructure, children, DerError, TAG, valueOf, type Tlv, oidOf } from './der';

/** What a DER value is, decided from its shape alone (no full parse). */
export type DerKind =
  | 'certificate'
  | 'crl'
  | 'csr'
  | 'pkcs7'
  | 'pkcs12'
  | 'pkcs8'
  | 'encrypted-pkcs8'
  | 'sec1'
  | 'pkcs1'
  | 'unknown';

const TIME_TAGS: ReadonlySet<number> = new Set([TAG.UTC_TIME, TAG.GENERALIZED_TIME]);
const PKCS7_SIGNED = '1.2.840.113549.1.7.2';
const PKCS7_DATA = '1.2.840.113549.1.7.1';

function oidAt(der: Uint8Array, tlv: Tlv | undefined): string | null {
  return tlv && tlv.tag === TAG.OID ? oidOf(der, tlv) : null;
}

function classifySigned(der: Uint8Array, tbs: Tlv): DerKind {
  const parts = children(der, tbs);
  const first = parts[0];
  const second = parts[1];
  const third = parts[2];
  const fourth = parts[3];
  if (first?.tag === 0xa0) return 'certificate';
  // TBSCertList: [version INTEGER] signature SEQ, issuer SEQ, thisUpdate TIME
  if (first?.tag === TAG.INTEGER && second?.tag === TAG.SEQUENCE && third?.tag === TAG.SEQUENCE && fourth && TIME_TAGS.has(fourth.tag)) return 'crl';
  if (first?.tag === TAG.SEQUENCE && second?.tag === TAG.SEQUENCE && third && TIME_TAGS.has(third.tag)) return 'crl';
  // CertificationRequestInfo: version INTEGER, subject SEQ, spki SEQ, [0] attributes
  if (first?.tag === TAG.INTEGER && second?.tag === TAG.SEQUENCE && third?.tag === TAG.SEQUENCE && fourth?.tag === 0xa0 && parts.length === 4) return 'csr';
  // v1 TBSCertificate: serial, signature, issuer, validity, subject, spki
  if (first?.tag === TAG.INTEGER && parts.length >= 6 && fourth?.tag === TAG.SEQUENCE) return 'certificate';
  return 'unknown';
}

/** Classifies one DER value; throws DerError when the bytes are not well-formed DER. */
export function classifyDer(der: Uint8Array): DerKind {
  const root = checkStructure(der);
  if (root.tag !== TAG.SEQUENCE) return 'unknown';
  const parts = children(der, root);
  const a = parts[0];
  const b = parts[1];
  const c = parts[2];
  if (!a) return 'unknown';
  if (a.tag === TAG.OID && oidAt(der, a) === PKCS7_SIGNED) return 'pkcs7';
  if (a.tag === TAG.INTEGER && b?.tag === TAG.SEQUENCE) {
    const version = valueOf(der, a);
    const inner = children(der, b)[0];
    const innerOid = oidAt(der, inner);
    if (version.length === 1 && version[0] === 3 && (innerOid === PKCS7_DATA || innerOid === PKCS7_SIGNED)) return 'pkcs12';
    if (c?.tag === TAG.OCTET_STRING && version.length === 1 && (version[0] === 0 || version[0] === 1)) return 'pkcs8';
  }
  if (a.tag === TAG.SEQUENCE && b?.tag === TAG.OCTET_STRING && parts.length === 2) return 'encrypted-pkcs8';
  if (a.tag === TAG.INTEGER && b?.tag === TAG.OCTET_STRING) return 'sec1';
  if (a.tag === TAG.INTEGER && parts.length === 9 && parts.every((p) => p.tag === TAG.INTEGER)) return 'pkcs1';
  if (a.tag === TAG.SEQUENCE && b?.tag === TAG.SEQUENCE && c?.tag === TAG.BIT_STRING && parts.length === 3) return classifySigned(der, a);
  return 'unknown';
}

/** The PEM labels each kind may legitimately carry, for the "label says X but content is Y" check. */
export function kindForLabel(label: string): DerKind | null {
  switch (label) {
    case 'CERTIFICATE':
    case 'X509 CERTIFICATE':
    case 'TRUSTED CERTIFICATE':
      return 'certificate';
    case 'X509 CRL':
    case 'CRL':
      return 'crl';
    case 'CERTIFICATE REQUEST':
    case 'NEW CERTIFICATE REQUEST':
      return 'csr';
    case 'PKCS7':
    case 'CMS':
      return 'pkcs7';
    case 'PRIVATE KEY':
      return 'pkcs8';
    case 'ENCRYPTED PRIVATE KEY':
      return 'encrypted-pkcs8';
    case 'EC PRIVATE KEY':
      return 'sec1';
    case 'RSA PRIVATE KEY':
      return 'pkcs1';
    default:
      return null;
  }
}

export { DerError };
