import { DerError, type Node, bits, bool, contextTag, kids, seq } from './asn1';
import { type GeneralName, parseGeneralNames } from './general-name';
import { type DistinguishedName, type Rdn, appendRdn, parseRdn } from './name';

/**
 * CRL distribution points (certificate side) and the issuingDistributionPoint (CRL side),
 * RFC 5280 §4.2.1.13 and §5.2.5: what decides whether a CRL covers a certificate.
 */

/** DistributionPointName: full GeneralNames, or one RDN relative to the CRL issuer. */
export type DistributionPointName = { readonly full: readonly GeneralName[] } | { readonly relative: Rdn };

/** Reason flags as a bit mask (bit n of ReasonFlags = 1 << n; bit 0 "unused" is dropped). */
export type ReasonMask = number;

/** keyCompromise … aACompromise (bits 1–8); bit 0 "unused" is not a reason. */
export const ALL_REASONS: ReasonMask = 0x1fe;

/** One entry of a certificate's cRLDistributionPoints. */
export interface DistributionPoint {
  readonly name: DistributionPointName | null;
  readonly reasons: ReasonMask | null;
  readonly crlIssuer: readonly GeneralName[] | null;
}

/** The CRL-side scope: which certificates and reasons a CRL covers. */
export interface IssuingDistributionPoint {
  readonly name: DistributionPointName | null;
  readonly onlyUserCerts: boolean;
  readonly onlyCaCerts: boolean;
  readonly onlySomeReasons: ReasonMask | null;
  readonly indirect: boolean;
  readonly onlyAttributeCerts: boolean;
}

function reasonMask(n: Node, what: string): ReasonMask {
  const has = bits(n, what, n.tlv.tag);
  let mask = 0;
  for (let i = 1; i <= 8; i++) if (has(i)) mask |= 1 << i;
  return mask;
}

function dpName(n: Node): DistributionPointName {
  const [choice, extra] = kids(n);
  if (!choice || extra) throw new DerError('distributionPoint must hold one name', n.tlv.start);
  if (choice.tlv.tag === 0xa0) return { full: parseGeneralNames(choice, 'fullName', 0xa0) };
  if (choice.tlv.tag === 0xa1) return { relative: parseRdn(choice) };
  throw new DerError('malformed DistributionPointName', choice.tlv.start);
}

/** CRLDistributionPoints / FreshestCRL ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint. */
export function parseDistributionPoints(n: Node): DistributionPoint[] {
  return seq(n, 'cRLDistributionPoints', 1).map((dp) => {
    let name: DistributionPointName | null = null;
    let reasons: ReasonMask | null = null;
    let crlIssuer: GeneralName[] | null = null;
    let last = -1;
    for (const part of seq(dp, 'DistributionPoint')) {
      const tag = contextTag(part);
      if (tag <= last) throw new DerError('unexpected element in DistributionPoint', part.tlv.start);
      last = tag;
      if (tag === 0 && part.tlv.constructed) name = dpName(part);
      else if (tag === 1 && !part.tlv.constructed) reasons = reasonMask(part, 'reasons');
      else if (tag === 2 && part.tlv.constructed) crlIssuer = parseGeneralNames(part, 'cRLIssuer', part.tlv.tag);
      else throw new DerError('unexpected element in DistributionPoint', part.tlv.start);
    }
    if (name === null && crlIssuer === null) throw new DerError('DistributionPoint needs a distributionPoint or cRLIssuer', dp.tlv.start);
    return { name, reasons, crlIssuer };
  });
}

/** IssuingDistributionPoint (RFC 5280 §5.2.5). */
export function parseIssuingDistributionPoint(n: Node): IssuingDistributionPoint {
  const out = { name: null as DistributionPointName | null, onlyUserCerts: false, onlyCaCerts: false, onlySomeReasons: null as ReasonMask | null, indirect: false, onlyAttributeCerts: false };
  let last = -1;
  for (const part of seq(n, 'issuingDistributionPoint')) {
    const tag = contextTag(part);
    if (tag <= last) throw new DerError('unexpected element in issuingDistributionPoint', part.tlv.start);
    last = tag;
    const flag = (): boolean => bool({ bytes: part.bytes, tlv: { ...part.tlv, tag: 0x01 } }, 'issuingDistributionPoint flag');
    if (tag === 0 && part.tlv.constructed) out.name = dpName(part);
    else if (tag === 1 && !part.tlv.constructed) out.onlyUserCerts = flag();
    else if (tag === 2 && !part.tlv.constructed) out.onlyCaCerts = flag();
    else if (tag === 3 && !part.tlv.constructed) out.onlySomeReasons = reasonMask(part, 'onlySomeReasons');
    else if (tag === 4 && !part.tlv.constructed) out.indirect = flag();
    else if (tag === 5 && !part.tlv.constructed) out.onlyAttributeCerts = flag();
    else throw new DerError('unexpected element in issuingDistributionPoint', part.tlv.start);
  }
  return out;
}

/** The GeneralNames a distribution point name stands for; relative names hang off `crlIssuer`. */
export function resolveDpName(name: DistributionPointName, crlIssuer: DistinguishedName): readonly GeneralName[] {
  return 'full' in name ? name.full : [{ kind: 'dn', name: appendRdn(crlIssuer, name.relative) }];
}
