import { children, DerError, latin1, readTlv, TAG, valueOf, oidOf } from './der';
import { ATTRIBUTE_NAMES } from './oids';

/** One attribute of a distinguished name, in DER order (most significant RDN first). */
export interface NameAttribute {
  readonly oid: string;
  readonly type: string;
  readonly value: string;
}

// One decoder for every name: a non-streaming decode keeps no state, and constructing one per
// attribute was the largest single cost of describing a certificate.
const UTF8 = new TextDecoder('utf-8', { fatal: false });

function decodeString(tag: number, bytes: Uint8Array): string {
  switch (tag) {
    case 0x0c: // UTF8String
      return UTF8.decode(bytes);
    case 0x1e: {
      // BMPString: UTF-16BE
      let s = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
      return s;
    }
    case 0x1c: {
      // UniversalString: UTF-32BE
      let s = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) {
        const cp = (((bytes[i] as number) << 24) | ((bytes[i + 1] as number) << 16) | ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number)) >>> 0;
        s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return s;
    }
    default:
      // PrintableString, IA5String, TeletexString (read as Latin-1), VisibleString, NumericString
      return latin1(bytes);
  }
}

const STRING_TAGS = new Set([0x0c, 0x13, 0x14, 0x16, 0x1a, 0x12, 0x1e, 0x1c]);

/** Reads a Name (SEQUENCE OF RDN) from its DER; RDNs with several attributes keep them together. */
export function readName(der: Uint8Array): NameAttribute[][] {
  const root = readTlv(der, 0);
  if (root.tag !== TAG.SEQUENCE) throw new DerError('a Name must be a SEQUENCE', 0);
  return children(der, root).map((rdn) => {
    if (rdn.tag !== TAG.SET) throw new DerError('an RDN must be a SET', rdn.start);
    return children(der, rdn).map((atv) => {
      const pair = children(der, atv);
      const typeTlv = pair[0];
      const valueTlv = pair[1];
      if (!typeTlv || !valueTlv || typeTlv.tag !== TAG.OID) throw new DerError('malformed AttributeTypeAndValue', atv.start);
      const oid = oidOf(der, typeTlv);
      const raw = valueOf(der, valueTlv);
      const value = STRING_TAGS.has(valueTlv.tag)
        ? decodeString(valueTlv.tag, raw)
        : `#${Array.from(der.subarray(valueTlv.start, valueTlv.end), (b) => b.toString(16).padStart(2, '0')).join('')}`;
      return { oid, type: ATTRIBUTE_NAMES[oid] ?? oid, value };
    });
  });
}

/** Anything escapeRfc4514 would change: most values have none, and skip its replaces. */
const NEEDS_ESCAPE = /[\\,+"<>;=\0]|^[# ]| $/;

/** Escapes an attribute value as RFC 4514 §2.4 requires. */
export function escapeRfc4514(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  if (value.startsWith('#') && /^#[0-9a-f]+$/.test(value)) return value;
  let out = value.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/** RFC 4514 string: least significant RDN first, as `openssl -nameopt RFC2253` prints it. */
export function nameToRfc4514(rdns: readonly (readonly NameAttribute[])[]): string {
  let out = '';
  for (let i = rdns.length - 1; i >= 0; i--) {
    const rdn = rdns[i] as readonly NameAttribute[];
    if (i < rdns.length - 1) out += ',';
    for (let j = 0; j < rdn.length; j++) {
      const a = rdn[j] as NameAttribute;
      out += `${j > 0 ? '+' : ''}${a.type}=${escapeRfc4514(a.value)}`;
    }
  }
  return out;
}

/** The last CN of a name (the most specific), or null. */
export function commonNameOf(rdns: readonly (readonly NameAttribute[])[]): string | null {
  let cn: string | null = null;
  for (const rdn of rdns) for (const a of rdn) if (a.oid === '2.5.4.3') cn = a.value;
  return cn;
}
