/**
 * parseCrl: a schema-guided walk over CertificateList (RFC 5280 §5.1) that touches each
 * revoked entry once to index its serial and decodes entries only when asked. Made for
 * fleet-scale CRLs (100k+ entries) that @peculiar/x509 refuses or parses slowly.
 * The result holds views into `der` (no copies), so keep the input unmodified.
 */
import type { ExtensionInfo } from '../../model/pki';
import { DEFAULT_LIMITS, type Tlv, TAG } from '../der';
import { entryAt, indexEntries, iterateEntries, type EntryIndex, type RevokedEntry } from './entries';
import { readCrlExtensions, type IssuingDistributionPoint } from './extensions';
import { nameToString } from './names';
import { SIGNATURE_ALGORITHMS } from './oids';
import { serialBytes } from './serial-index';
import { Cursor, CrlError, readAlgorithm, readAt, readTime, sameBytes } from './reader';

export type { RevokedEntry } from './entries';
export type { IssuingDistributionPoint } from './extensions';

/** Limits and strictness for parseCrl. */
export interface ParseCrlOptions {
  /** Refuse larger inputs (default 64 MiB, as der.ts DEFAULT_LIMITS). */
  readonly maxBytes?: number;
  /** Decode every entry during parsing, so damage inside an entry fails parseCrl rather than a later lookup. */
  readonly validateEntries?: boolean;
}

/** A parsed CRL; its summary fields use the same names and formats as the CrlObject model. */
export interface ParsedCrl {
  /** 2 when the version field says v2, 1 when it is absent. */
  readonly version: 1 | 2;
  /** RFC 4514-style text in @peculiar/x509 Name#toString format (encoding order, ", " separated). */
  readonly issuer: string;
  readonly issuerDer: Uint8Array;
  readonly thisUpdate: string;
  readonly nextUpdate: string | null;
  /** Decimal string, as OpenSSL prints it. */
  readonly crlNumber: string | null;
  readonly deltaCrlIndicator: string | null;
  /** AKI keyIdentifier, lowercase hex. */
  readonly authorityKeyId: string | null;
  readonly issuingDistributionPoint: IssuingDistributionPoint | null;
  readonly entryCount: number;
  readonly signatureAlgorithmOid: string;
  /** OpenSSL-style name (ecdsa-with-SHA256, sha256WithRSAEncryption, rsassaPss, ED25519) or the OID. */
  readonly signatureAlgorithm: string;
  /** Raw AlgorithmIdentifier parameters TLV (RSASSA-PSS params live here), or null. */
  readonly signatureParams: Uint8Array | null;
  /** tbsCertList.signature equals signatureAlgorithm (RFC 5280 requires it; verify fails otherwise). */
  readonly algorithmsMatch: boolean;
  /** The exact signed bytes (tbsCertList TLV). */
  readonly tbsDer: Uint8Array;
  /** signatureValue without the unused-bits octet. */
  readonly signature: Uint8Array;
  readonly der: Uint8Array;
  readonly extensions: readonly ExtensionInfo[];
  /** Critical CRL extensions this module does not process: RFC 5280 says do not use the CRL. */
  readonly unknownCriticalExtensions: readonly string[];
  /** Critical entry extensions not understood (same rule). */
  readonly unknownCriticalEntryExtensions: readonly string[];
  /** O(1): is this serial (hex, any case, leading zeros/colons/0x ignored) listed? */
  has(serial: string): boolean;
  /**
   * O(1) lookup, decoding only the matching entry. For indirect CRLs pass the certificate's
   * issuer, as its Name DER or as text in this module's format (see `issuer`), to pick the
   * entry whose effective certificateIssuer names it; without it the first match is returned.
   */
  lookup(serial: string, certificateIssuer?: string | Uint8Array): RevokedEntry | null;
  /** Every entry in order, decoded lazily. */
  entries(): IterableIterator<RevokedEntry>;
}

function readVersion(bytes: Uint8Array, tlv: Tlv | null): 1 | 2 {
  if (!tlv) return 1;
  const value = bytes[tlv.valueStart];
  if (tlv.end - tlv.valueStart !== 1 || (value !== 0 && value !== 1)) throw new CrlError('tbsCertList.version', 'unsupported CRL version (expected v2)', tlv.start);
  return value === 1 ? 2 : 1;
}

function lookupIn(der: Uint8Array, list: Tlv | null, index: EntryIndex, issuer: string, serial: string, issuerArg?: string | Uint8Array): RevokedEntry | null {
  if (!list) return null;
  const wanted = typeof issuerArg === 'object' ? nameToString(issuerArg, readAt(issuerArg, 0, issuerArg.length, 'certificateIssuer', [TAG.SEQUENCE]), 'certificateIssuer') : issuerArg;
  for (const offset of index.serials.find(serialBytes(serial))) {
    const entry = entryAt(der, list, index, offset);
    if (wanted === undefined) return entry;
    const names = entry.certificateIssuer;
    if (names ? names.some((n) => n.type === 'dn' && n.value === wanted) : wanted === issuer) return entry;
  }
  return null;
}

/** Parses a DER CertificateList; throws CrlError (field + byte offset) on malformed input. */
export function parseCrl(der: Uint8Array, opts: ParseCrlOptions = {}): ParsedCrl {
  const maxBytes = opts.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  // isView rather than instanceof, so bytes from another realm (iframe, vm context) are accepted.
  if (!ArrayBuffer.isView(der) || (der as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT !== 1) throw new CrlError('CertificateList', 'input is not a Uint8Array', 0);
  if (der.length === 0) throw new CrlError('CertificateList', 'empty input', 0);
  if (der.length > maxBytes) throw new CrlError('CertificateList', `input of ${der.length} bytes exceeds the ${maxBytes}-byte limit`, 0);
  const root = readAt(der, 0, der.length, 'CertificateList', [TAG.SEQUENCE]);
  if (root.end !== der.length) throw new CrlError('CertificateList', `${der.length - root.end} trailing bytes after the CRL`, root.end);
  const top = new Cursor(der, root, 'CertificateList');
  const tbs = top.next('tbsCertList', [TAG.SEQUENCE]);
  const outerAlg = top.next('signatureAlgorithm', [TAG.SEQUENCE]);
  const sigValue = top.next('signatureValue', [TAG.BIT_STRING]);
  top.finish();

  const t = new Cursor(der, tbs, 'tbsCertList');
  const version = readVersion(der, t.optional('version', TAG.INTEGER));
  const innerAlg = t.next('signature', [TAG.SEQUENCE]);
  const issuerTlv = t.next('issuer', [TAG.SEQUENCE]);
  const thisUpdate = readTime(der, t.next('thisUpdate', [TAG.UTC_TIME, TAG.GENERALIZED_TIME]), 'tbsCertList.thisUpdate');
  const peek = t.peekTag();
  const nextTlv = peek === TAG.UTC_TIME || peek === TAG.GENERALIZED_TIME ? t.next('nextUpdate') : null;
  const nextUpdate = nextTlv ? readTime(der, nextTlv, 'tbsCertList.nextUpdate') : null;
  const revoked = t.optional('revokedCertificates', TAG.SEQUENCE);
  const extWrapper = t.optional('crlExtensions', 0xa0);
  t.finish();

  const alg = readAlgorithm(der, outerAlg, 'signatureAlgorithm');
  readAlgorithm(der, innerAlg, 'tbsCertList.signature');
  const unused = der[sigValue.valueStart];
  if (sigValue.end - sigValue.valueStart < 2 || unused !== 0) {
    throw new CrlError('signatureValue', 'expected a non-empty BIT STRING with no unused bits', sigValue.start);
  }
  const issuer = nameToString(der, issuerTlv, 'tbsCertList.issuer');
  const ext = readCrlExtensions(der, extWrapper);
  const index = indexEntries(der, revoked);
  if (opts.validateEntries) for (const _entry of iterateEntries(der, revoked));

  return {
    version,
    issuer,
    issuerDer: der.subarray(issuerTlv.start, issuerTlv.end),
    thisUpdate: thisUpdate.toISOString(),
    nextUpdate: nextUpdate ? nextUpdate.toISOString() : null,
    crlNumber: ext.crlNumber,
    deltaCrlIndicator: ext.deltaCrlIndicator,
    authorityKeyId: ext.authorityKeyId,
    issuingDistributionPoint: ext.issuingDistributionPoint,
    entryCount: index.count,
    signatureAlgorithmOid: alg.oid,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[alg.oid]?.name ?? alg.oid,
    signatureParams: alg.params ? der.subarray(alg.params.start, alg.params.end) : null,
    algorithmsMatch: sameBytes(der.subarray(innerAlg.start, innerAlg.end), der.subarray(outerAlg.start, outerAlg.end)),
    tbsDer: der.subarray(tbs.start, tbs.end),
    signature: der.subarray(sigValue.valueStart + 1, sigValue.end),
    der,
    extensions: ext.list,
    unknownCriticalExtensions: ext.unknownCritical,
    unknownCriticalEntryExtensions: index.unknownCritical,
    has: (serial) => index.serials.find(serialBytes(serial)).length > 0,
    lookup: (serial, wanted) => lookupIn(der, revoked, index, issuer, serial, wanted),
    entries: () => iterateEntries(der, revoked),
  };
}
