import { nameToRfc4514, readName } from '../name';
import { ATTRIBUTE_NAMES } from '../oids';
import { latin1 } from '../der';
import { DerError, type Node, TAG, hex, oid, raw, seq, value } from './asn1';

/**
 * Distinguished names, compared the RFC 5280 §7.1 way: string attributes are matched after
 * case folding and whitespace folding whatever their ASN.1 string type, so a CA that re-encodes
 * its name (PrintableString → UTF8String, different spacing or capitals) still chains.
 */

export interface DistinguishedName {
  /** One normalized key per RDN, in encoding order; equality and subtrees compare these. */
  readonly rdns: readonly string[];
  /** Display text in RFC 4514 order (`CN=Name,O=Org,C=US`). */
  readonly display: string;
  /** emailAddress attribute values (PKCS #9), which rfc822Name constraints also govern. */
  readonly emails: readonly string[];
  readonly der: Uint8Array;
}


const EMAIL_OID = '1.2.840.113549.1.9.1';
const utf8 = new TextDecoder('utf-8', { fatal: true });

function codeUnits(v: Uint8Array, width: 2 | 4): string {
  if (v.length % width !== 0) throw new DerError('string length is not a multiple of its character width', 0);
  let out = '';
  for (let i = 0; i < v.length; i += width) {
    const cp = width === 2 ? ((v[i] as number) << 8) | (v[i + 1] as number) : (((v[i] as number) << 24) >>> 0) + ((v[i + 1] as number) << 16) + ((v[i + 2] as number) << 8) + (v[i + 3] as number);
    out += width === 2 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  }
  return out;
}

/** The text of a directory string, or null when the value is not a string type. */
export function directoryString(node: Node): string | null {
  const v = value(node);
  switch (node.tlv.tag) {
    case TAG.UTF8_STRING:
      return utf8.decode(v);
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case 0x14: // TeletexString (treated as Latin-1, as most implementations do)
    case 0x1a: // VisibleString
      return latin1(v);
    case 0x1e: // BMPString
      return codeUnits(v, 2);
    case 0x1c: // UniversalString
      return codeUnits(v, 4);
    default:
      return null;
  }
}

/** RFC 4518-style folding: compatibility normalization, case folding, whitespace runs to one space. */
export function foldString(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

function escapeValue(s: string): string {
  return s
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/([ ]$)/, '\\$1')
    .replace(/[\r\n\t]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

/** One RelativeDistinguishedName: its normalized key, display text and any email values. */
export interface Rdn {
  readonly key: string;
  readonly display: string;
  readonly emails: readonly string[];
}

/** Decodes a RelativeDistinguishedName (SET SIZE (1..MAX) OF AttributeTypeAndValue; the SET tag may be implicit). */
export function parseRdn(rdn: Node): Rdn {
  const keys: string[] = [];
  const parts: string[] = [];
  const emails: string[] = [];
  for (const atv of seq(rdn, 'RelativeDistinguishedName', 1, rdn.tlv.tag)) {
    const [typeNode, valueNode, extra] = seq(atv, 'AttributeTypeAndValue', 2);
    if (!typeNode || !valueNode || extra) throw new DerError('AttributeTypeAndValue must have exactly two elements', atv.tlv.start);
    const type = oid(typeNode);
    const text = directoryString(valueNode);
    keys.push(text === null ? `${type}#${hex(raw(valueNode))}` : `${type}=${foldString(text)}`);
    parts.push(`${ATTRIBUTE_NAMES[type] ?? type}=${text === null ? `#${hex(raw(valueNode))}` : escapeValue(text)}`);
    if (type === EMAIL_OID && text !== null) emails.push(text);
  }
  keys.sort();
  return { key: JSON.stringify(keys), display: parts.join('+'), emails };
}

/** Decodes a Name (SEQUENCE OF RDN). Throws on anything malformed. */
export function parseName(node: Node): DistinguishedName {
  const rdns = seq(node, 'Name').map((n) => {
    if (n.tlv.tag !== TAG.SET) throw new DerError('RelativeDistinguishedName must be a SET', n.tlv.start);
    return parseRdn(n);
  });
  return {
    rdns: rdns.map((r) => r.key),
    // One format across the console: RFC 4514, as the certificate cards and `openssl -nameopt RFC2253` show it.
    display: nameToRfc4514(readName(raw(node))),
    emails: rdns.flatMap((r) => r.emails),
    der: raw(node),
  };
}

/** `base` with one more RDN (a distribution point named relative to its CRL issuer). */
export function appendRdn(base: DistinguishedName, rdn: Rdn): DistinguishedName {
  return { rdns: [...base.rdns, rdn.key], display: base.rdns.length === 0 ? rdn.display : `${rdn.display},${base.display}`, emails: [...base.emails, ...rdn.emails], der: new Uint8Array(0) };
}

/** RFC 5280 §7.1 name equality (normalized RDN by RDN). */
export function namesEqual(a: DistinguishedName, b: DistinguishedName): boolean {
  return a.rdns.length === b.rdns.length && a.rdns.every((r, i) => r === b.rdns[i]);
}

/** True when `name` lies in the directory subtree rooted at `base` (RDN-wise prefix). */
export function withinSubtree(name: DistinguishedName, base: DistinguishedName): boolean {
  return base.rdns.length <= name.rdns.length && base.rdns.every((r, i) => r === name.rdns[i]);
}

/** Stable key for maps keyed by name. */
export function nameKey(name: DistinguishedName): string {
  return name.rdns.join('/');
}

/** An empty DN renders as nothing; say so in messages. */
export function showName(name: DistinguishedName): string {
  return name.rdns.length === 0 ? '(empty name)' : name.display;
}
