import { type ParsedCrl, parseCrl } from '../crl';
import { TAG, equalBytes, hex, kids, parseDer, value } from './asn1';
import type { AlgorithmId } from './cert';
import { type IssuingDistributionPoint, parseIssuingDistributionPoint } from './distribution-point';
import { type DistinguishedName, namesEqual, parseName } from './name';
import type { Verifier, VerifyOutcome } from './signature';
import type { CrlInput } from './types';

/**
 * The one seam between path validation and CRL parsing. Today it adapts the fleet-scale parser
 * in shared/pki/crl (O(1) serial lookup); revocation.ts sees only RevocationList, so another
 * parser can be swapped in here without touching the RFC 5280 §6.3 logic.
 */

export interface RevokedStatus {
  /** CRLReason name (keyCompromise, removeFromCRL, …) or null when the entry has none. */
  readonly reason: string | null;
  readonly revocationDate: string;
}

/** What revocation.ts needs from a CRL, whatever parses it. */
export interface RevocationList {
  /** Position in the input, for messages and caches. */
  readonly index: number;
  readonly issuer: DistinguishedName;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  readonly crlNumber: bigint | null;
  /** BaseCRLNumber of a delta CRL; null for complete CRLs. */
  readonly deltaBase: bigint | null;
  readonly idp: IssuingDistributionPoint | null;
  /** Why the CRL may not be used at all (unknown critical extension), or null. */
  readonly unusable: string | null;
  verify(verifier: Verifier, spki: Uint8Array, keyAlg: AlgorithmId): Promise<VerifyOutcome>;
  /** The entry for serial `serial` (INTEGER content bytes) that applies to certificates of `certIssuer`, or null. */
  lookup(serial: Uint8Array, certIssuer: DistinguishedName): RevokedStatus | null;
}

const IDP_OID = '2.5.29.28';

function fromHex(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * The parser's index drops leading zero bytes, so +255 (00 ff) and -1 (ff) share a key. A hit
 * (rare: revoked certificates only) is confirmed against the exact INTEGER bytes.
 */
function listsExactSerial(crl: ParsedCrl, serial: Uint8Array): boolean {
  const fields = kids(parseDer(crl.tbsDer));
  const thisUpdate = fields.findIndex((n) => n.tlv.tag === TAG.UTC_TIME || n.tlv.tag === TAG.GENERALIZED_TIME);
  const list = fields.slice(thisUpdate + 1).find((n) => n.tlv.tag === TAG.SEQUENCE);
  return list !== undefined && kids(list).some((entry) => {
    const [first] = kids(entry);
    return first !== undefined && first.tlv.tag === TAG.INTEGER && equalBytes(value(first), serial);
  });
}

function adapt(crl: ParsedCrl, index: number): RevocationList {
  const issuer = parseName(parseDer(crl.issuerDer));
  const idpExt = crl.extensions.find((e) => e.oid === IDP_OID);
  const idp = idpExt ? parseIssuingDistributionPoint(parseDer(fromHex(idpExt.valueHex))) : null;
  const unknown = [...crl.unknownCriticalExtensions, ...crl.unknownCriticalEntryExtensions];
  const params = crl.signatureParams ? parseDer(crl.signatureParams) : null;
  const algorithm: AlgorithmId = { oid: crl.signatureAlgorithmOid, params, raw: new Uint8Array(0) };
  return {
    index,
    issuer,
    thisUpdate: new Date(crl.thisUpdate),
    nextUpdate: crl.nextUpdate ? new Date(crl.nextUpdate) : null,
    crlNumber: crl.crlNumber === null ? null : BigInt(crl.crlNumber),
    deltaBase: crl.deltaCrlIndicator === null ? null : BigInt(crl.deltaCrlIndicator),
    idp,
    unusable: unknown.length > 0 ? `it has critical extension ${unknown.join(', ')}, which is not supported` : null,
    verify: async (verifier, spki, keyAlg) =>
      crl.algorithmsMatch ? verifier.verify(crl.tbsDer, crl.signature, algorithm, spki, keyAlg) : 'invalid',
    lookup: (serial, certIssuer) => {
      // Direct CRLs: every entry is about the CRL issuer's certificates. Indirect CRLs name the
      // issuer per entry; hand the parser DER so it renders both sides in its own format.
      const serialHex = hex(serial);
      const entry = idp?.indirect ? crl.lookup(serialHex, namesEqual(certIssuer, issuer) ? crl.issuerDer : certIssuer.der) : crl.lookup(serialHex);
      if (!entry || !listsExactSerial(crl, serial)) return null;
      return { reason: entry.reason, revocationDate: entry.revocationDate };
    },
  };
}

/** Parsed CRLs plus one sentence per CRL that could not be parsed. */
export interface LoadedLists {
  readonly lists: readonly RevocationList[];
  /** One sentence per CRL that could not be parsed (it is then ignored). */
  readonly errors: readonly string[];
}

/** Parses every input CRL; malformed ones are reported and left out. */
export function loadRevocationLists(inputs: readonly CrlInput[]): LoadedLists {
  const lists: RevocationList[] = [];
  const errors: string[] = [];
  inputs.forEach((input, index) => {
    try {
      lists.push(adapt(parseCrl(input.der), index));
    } catch (err) {
      errors.push(`CRL #${index + 1} could not be parsed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { lists, errors };
}
