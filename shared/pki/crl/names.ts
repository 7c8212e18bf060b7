/**
 * Distinguished names and GeneralNames as text. Names follow @peculiar/x509's Name#toString
 * (RDNs in encoding order joined by ", ", short names CN/L/ST/O/OU/C/DC/E/G/I/SN/T, other
 * types dotted, non-string values as #hex of the whole TLV) so a CRL issuer compares equal to
 * the `issuer`/`subject` strings the rest of the console shows for certificates.
 */
import type { GeneralName } from '../../model/pki';
import { decodeOid, latin1, type Tlv, TAG } from '../der';
import { Cursor, CrlError, readOid, rethrow, tagName } from './reader';
import { hexOf } from '../hex';

const SHORT: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.4': 'SN',
  '2.5.4.12': 'T',
};

const utf8 = new TextDecoder('utf-8');

/** BMPString (UCS-2) and UniversalString (UCS-4), big-endian. */
function wide(bytes: Uint8Array, width: 2 | 4, field: string, offset: number): string {
  if (bytes.length % width !== 0) throw new CrlError(field, `string length ${bytes.length} is not a multiple of ${width}`, offset);
  let out = '';
  for (let i = 0; i < bytes.length; i += width) {
    let cp = 0;
    for (let k = 0; k < width; k++) cp = cp * 256 + (bytes[i + k] as number);
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}

/** RFC 4514 escaping as @peculiar/x509 does it (but every CR/LF/TAB, not just the first). */
function escapeValue(text: string): string {
  return text
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/([ ]$)/, '\\$1')
    .replace(/[\r\n\t]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

function attributeValue(bytes: Uint8Array, tlv: Tlv, field: string): string {
  const value = bytes.subarray(tlv.valueStart, tlv.end);
  switch (tlv.tag) {
    case TAG.UTF8_STRING:
      return escapeValue(utf8.decode(value));
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case 0x14: // TeletexString, read as Latin-1 like OpenSSL
      return escapeValue(latin1(value));
    case 0x1e: // BMPString
      return escapeValue(wide(value, 2, field, tlv.start));
    case 0x1c: // UniversalString
      return escapeValue(wide(value, 4, field, tlv.start));
    default:
      return `#${hexOf(bytes, tlv.start, tlv.end)}`;
  }
}

/** A Name (SEQUENCE OF RDN) as text; throws CrlError naming `field` if malformed. */
export function nameToString(bytes: Uint8Array, name: Tlv, field: string): string {
  if (name.tag !== TAG.SEQUENCE) throw new CrlError(field, 'expected a Name (SEQUENCE)', name.start);
  const rdns: string[] = [];
  const seq = new Cursor(bytes, name, field);
  for (let i = 0; !seq.done; i++) {
    const rdnField = `${field}.rdn[${i}]`;
    const set = new Cursor(bytes, seq.next(`rdn[${i}]`, [TAG.SET]), rdnField);
    if (set.done) throw new CrlError(rdnField, 'empty RDN', name.start);
    const parts: string[] = [];
    while (!set.done) {
      const atv = new Cursor(bytes, set.next('attribute', [TAG.SEQUENCE]), `${rdnField}.attribute`);
      const type = readOid(bytes, atv.next('type', [TAG.OID]), `${rdnField}.type`);
      const value = atv.next('value');
      atv.finish();
      parts.push(`${SHORT[type] ?? type}=${attributeValue(bytes, value, `${rdnField}.value`)}`);
    }
    rdns.push(parts.join('+'));
  }
  return rdns.join(', ');
}

function ipText(value: Uint8Array): string {
  if (value.length === 4) return Array.from(value).join('.');
  if (value.length !== 16) return hexOf(value);
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((value[i] as number) << 8) | (value[i + 1] as number)).toString(16));
  return groups.join(':');
}

/** GeneralNames (RFC 5280 §4.2.1.6) from a SEQUENCE or an implicitly tagged constructed value. */
export function generalNames(bytes: Uint8Array, tlv: Tlv, field: string): GeneralName[] {
  const seq = new Cursor(bytes, tlv, field);
  if (seq.done) throw new CrlError(field, 'empty GeneralNames', tlv.start);
  const out: GeneralName[] = [];
  for (let i = 0; !seq.done; i++) {
    const name = seq.next(`[${i}]`);
    const value = bytes.subarray(name.valueStart, name.end);
    switch (name.tag) {
      case 0x81:
        out.push({ type: 'email', value: latin1(value) });
        break;
      case 0x82:
        out.push({ type: 'dns', value: latin1(value) });
        break;
      case 0x86:
        out.push({ type: 'uri', value: latin1(value) });
        break;
      case 0x87:
        out.push({ type: 'ip', value: ipText(value) });
        break;
      case 0xa4: {
        const inner = new Cursor(bytes, name, `${field}[${i}]`);
        const dn = inner.next('directoryName', [TAG.SEQUENCE]);
        inner.finish();
        out.push({ type: 'dn', value: nameToString(bytes, dn, `${field}[${i}].directoryName`) });
        break;
      }
      case 0x88:
        try {
          out.push({ type: 'other', value: `RID:${decodeOid(value)}` });
        } catch (err) {
          rethrow(`${field}[${i}]`, err, name.valueStart);
        }
        break;
      case 0xa0: // otherName
      case 0xa3: // x400Address
      case 0xa5: // ediPartyName
        out.push({ type: 'other', value: `#${hexOf(bytes, name.start, name.end)}` });
        break;
      default:
        throw new CrlError(`${field}[${i}]`, `${tagName(name.tag)} is not a GeneralName`, name.start);
    }
  }
  return out;
}
