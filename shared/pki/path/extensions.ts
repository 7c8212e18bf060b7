import { DerError, type Node, TAG, bits, bool, contextTag, kids, oid, parseDer, seq, smallUint, value } from './asn1';
import { type DistributionPoint, parseDistributionPoints } from './distribution-point';
import { type GeneralName, parseGeneralName, parseGeneralNames } from './general-name';

/**
 * Decoders for the certificate extensions path validation acts on. Each one is strict about
 * its ASN.1 (sizes, tags, trailing bytes) because a lenient decode of a constraint is a bypass.
 */

export const EXT = {
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  authorityKeyId: '2.5.29.35',
  policyConstraints: '2.5.29.36',
  extKeyUsage: '2.5.29.37',
  freshestCrl: '2.5.29.46',
  inhibitAnyPolicy: '2.5.29.54',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  subjectInfoAccess: '1.3.6.1.5.5.7.1.11',
} as const;

/** Extensions whose meaning the validator enforces, so they may be critical (RFC 5280 §6.1.4 (o)). */
export const PROCESSED_WHEN_CRITICAL: ReadonlySet<string> = new Set([
  EXT.basicConstraints,
  EXT.keyUsage,
  EXT.extKeyUsage,
  EXT.subjectAltName,
  EXT.nameConstraints,
  EXT.certificatePolicies,
  EXT.policyMappings,
  EXT.policyConstraints,
  EXT.inhibitAnyPolicy,
  EXT.crlDistributionPoints,
  EXT.subjectKeyId,
  EXT.authorityKeyId,
]);

const NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(EXT).map(([k, v]) => [v, k]));

/** A readable name for an extension OID (its OID when unknown). */
export function extensionName(oidText: string): string {
  return NAMES[oidText] ?? oidText;
}

/** A structural problem worth one operator sentence (not a byte offset). */
export class MalformedError extends Error {
  override readonly name = 'MalformedError';
}

/** KeyUsage bit numbers the validator checks. */
export const KU = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const;

/** An extension as it appears in the certificate, before decoding. */
export interface RawExtension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

/** One GeneralSubtree (minimum/maximum are required to be absent). */
export interface Subtree {
  readonly base: GeneralName;
}

/** Decoded nameConstraints: permitted and excluded subtrees. */
export interface NameConstraints {
  readonly permitted: readonly Subtree[];
  readonly excluded: readonly Subtree[];
}

/** One certificatePolicies entry (qualifiers are not kept). */
export interface PolicyInformation {
  readonly policy: string;
}

/** The decoded extensions validation acts on; null when absent. */
export interface CertExtensions {
  basicConstraints: { readonly ca: boolean; readonly pathLen: number | null } | null;
  keyUsage: ((bit: number) => boolean) | null;
  extKeyUsage: readonly string[] | null;
  subjectAltName: readonly GeneralName[] | null;
  nameConstraints: NameConstraints | null;
  policies: readonly PolicyInformation[] | null;
  policyMappings: ReadonlyArray<readonly [string, string]> | null;
  policyConstraints: { readonly requireExplicit: number | null; readonly inhibitMapping: number | null } | null;
  inhibitAnyPolicy: number | null;
  subjectKeyId: Uint8Array | null;
  authorityKeyId: { readonly keyId: Uint8Array | null; readonly hasIssuer: boolean; readonly hasSerial: boolean } | null;
  crlDistributionPoints: readonly DistributionPoint[] | null;
}

function basicConstraints(n: Node): CertExtensions['basicConstraints'] {
  let ca = false;
  let pathLen: number | null = null;
  for (const k of seq(n, 'basicConstraints')) {
    if (k.tlv.tag === TAG.BOOLEAN && pathLen === null) ca = bool(k, 'cA');
    else if (k.tlv.tag === TAG.INTEGER && pathLen === null) pathLen = smallUint(k, 'pathLenConstraint');
    else throw new DerError('unexpected element in basicConstraints', k.tlv.start);
  }
  return { ca, pathLen };
}

function subtrees(n: Node, what: string): Subtree[] {
  return seq(n, what, 1, n.tlv.tag).map((st) => {
    const [base, ...rest] = seq(st, 'GeneralSubtree', 1);
    for (const r of rest) {
      if (contextTag(r) === 0 && smallUint(r, 'minimum', r.tlv.tag) === 0) continue;
      throw new DerError('GeneralSubtree minimum/maximum must be absent (RFC 5280 §4.2.1.10)', r.tlv.start);
    }
    return { base: parseGeneralName(base as Node) };
  });
}

function nameConstraints(n: Node): NameConstraints {
  const parts = seq(n, 'nameConstraints');
  if (parts.length === 0) throw new DerError('nameConstraints must hold permittedSubtrees or excludedSubtrees', n.tlv.start);
  let permitted: Subtree[] = [];
  let excluded: Subtree[] = [];
  for (const p of parts) {
    if (p.tlv.tag === 0xa0 && permitted.length === 0 && excluded.length === 0) permitted = subtrees(p, 'permittedSubtrees');
    else if (p.tlv.tag === 0xa1 && excluded.length === 0) excluded = subtrees(p, 'excludedSubtrees');
    else throw new DerError('unexpected element in nameConstraints', p.tlv.start);
  }
  return { permitted, excluded };
}

function policies(n: Node): PolicyInformation[] {
  const seen = new Set<string>();
  return seq(n, 'certificatePolicies', 1).map((pi) => {
    const [id, qualifiers, extra] = seq(pi, 'PolicyInformation', 1);
    if (extra || (qualifiers && seq(qualifiers, 'policyQualifiers', 1).length === 0)) throw new DerError('malformed PolicyInformation', pi.tlv.start);
    const policy = oid(id as Node);
    if (seen.has(policy)) throw new DerError(`policy ${policy} appears twice`, pi.tlv.start);
    seen.add(policy);
    return { policy };
  });
}

function policyConstraints(n: Node): CertExtensions['policyConstraints'] {
  const parts = seq(n, 'policyConstraints', 1);
  let requireExplicit: number | null = null;
  let inhibitMapping: number | null = null;
  for (const p of parts) {
    if (p.tlv.tag === 0x80 && requireExplicit === null && inhibitMapping === null) requireExplicit = smallUint(p, 'requireExplicitPolicy', 0x80);
    else if (p.tlv.tag === 0x81 && inhibitMapping === null) inhibitMapping = smallUint(p, 'inhibitPolicyMapping', 0x81);
    else throw new DerError('unexpected element in policyConstraints', p.tlv.start);
  }
  return { requireExplicit, inhibitMapping };
}

function authorityKeyId(n: Node): CertExtensions['authorityKeyId'] {
  let keyId: Uint8Array | null = null;
  let hasIssuer = false;
  let hasSerial = false;
  let last = -1;
  for (const p of seq(n, 'authorityKeyIdentifier')) {
    const tag = contextTag(p);
    if (tag <= last) throw new DerError('unexpected element in authorityKeyIdentifier', p.tlv.start);
    last = tag;
    if (tag === 0 && !p.tlv.constructed) keyId = value(p);
    else if (tag === 1 && p.tlv.constructed) hasIssuer = parseGeneralNames(p, 'authorityCertIssuer', p.tlv.tag).length > 0;
    else if (tag === 2 && !p.tlv.constructed) hasSerial = true;
    else throw new DerError('unexpected element in authorityKeyIdentifier', p.tlv.start);
  }
  return { keyId, hasIssuer, hasSerial };
}

function accessDescriptions(n: Node): void {
  for (const ad of seq(n, 'AuthorityInfoAccessSyntax', 1)) {
    const [method, location, extra] = seq(ad, 'AccessDescription', 2);
    if (extra) throw new DerError('malformed AccessDescription', ad.tlv.start);
    oid(method as Node);
    parseGeneralName(location as Node);
  }
}

/** Decodes the processed extensions; throws DerError naming the first malformed one. */
export function decodeExtensions(list: readonly RawExtension[]): CertExtensions {
  const out: CertExtensions = {
    basicConstraints: null, keyUsage: null, extKeyUsage: null, subjectAltName: null, nameConstraints: null, policies: null,
    policyMappings: null, policyConstraints: null, inhibitAnyPolicy: null, subjectKeyId: null, authorityKeyId: null, crlDistributionPoints: null,
  };
  const known: ReadonlySet<string> = new Set(Object.values(EXT));
  for (const ext of list) {
    if (!known.has(ext.oid)) continue;
    try {
      const n = parseDer(ext.value);
      switch (ext.oid) {
        case EXT.basicConstraints: out.basicConstraints = basicConstraints(n); break;
        case EXT.keyUsage: out.keyUsage = bits(n, 'keyUsage'); break;
        case EXT.extKeyUsage: out.extKeyUsage = seq(n, 'extKeyUsage', 1).map((k) => oid(k)); break;
        case EXT.subjectAltName: out.subjectAltName = parseGeneralNames(n, 'subjectAltName'); break;
        case EXT.issuerAltName: parseGeneralNames(n, 'issuerAltName'); break;
        case EXT.nameConstraints: out.nameConstraints = nameConstraints(n); break;
        case EXT.certificatePolicies: out.policies = policies(n); break;
        case EXT.policyMappings:
          out.policyMappings = seq(n, 'policyMappings', 1).map((m) => {
            const [a, b, extra] = kids(m);
            if (!a || !b || extra) throw new DerError('malformed policy mapping', m.tlv.start);
            return [oid(a), oid(b)] as const;
          });
          break;
        case EXT.policyConstraints: out.policyConstraints = policyConstraints(n); break;
        case EXT.inhibitAnyPolicy: out.inhibitAnyPolicy = smallUint(n, 'inhibitAnyPolicy'); break;
        case EXT.subjectKeyId:
          if (n.tlv.tag !== TAG.OCTET_STRING) throw new DerError('subjectKeyIdentifier must be an OCTET STRING', 0);
          out.subjectKeyId = value(n);
          break;
        case EXT.authorityKeyId: out.authorityKeyId = authorityKeyId(n); break;
        case EXT.authorityInfoAccess:
        case EXT.subjectInfoAccess: accessDescriptions(n); break;
        case EXT.crlDistributionPoints: out.crlDistributionPoints = parseDistributionPoints(n); break;
        default: break;
      }
    } catch (err) {
      throw new MalformedError(`its ${extensionName(ext.oid)} extension is malformed (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return out;
}
