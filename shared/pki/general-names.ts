import type { GeneralName } from '../model/pki';
import { children, decodeOid, latin1, readTlv, valueOf, type Tlv, oidOf } from './der';
import { nameToRfc4514, readName } from './name';


function ipv6(bytes: Uint8Array): string {
  const groups = Array.from({ length: 8 }, (_, i) => (((bytes[2 * i] as number) << 8) | (bytes[2 * i + 1] as number)).toString(16));
  const text = groups.join(':');
  const runs = [...text.matchAll(/(^|:)0(:0)+(:|$)/g)].sort((a, b) => b[0].length - a[0].length);
  const best = runs[0];
  return best ? `${text.slice(0, best.index)}::${text.slice((best.index ?? 0) + best[0].length)}`.replace(/^:::/, '::').replace(/:::$/, '::') : text;
}

/** An IP SAN (4 or 16 bytes) or a name-constraint range (8 or 32 bytes: address then mask) as text. */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) return ipv6(bytes);
  if (bytes.length === 8 || bytes.length === 32) {
    const half = bytes.length / 2;
    const bits = Array.from(bytes.subarray(half)).reduce((n, b) => n + (b.toString(2).match(/1/g)?.length ?? 0), 0);
    return `${formatIp(bytes.subarray(0, half))}/${bits}`;
  }
  return `invalid IP (${bytes.length} bytes)`;
}

/** One GeneralName (RFC 5280 §4.2.1.6), context-tagged. */
export function readGeneralName(der: Uint8Array, tlv: Tlv): GeneralName {
  const value = valueOf(der, tlv);
  switch (tlv.tag) {
    case 0x81:
      return { type: 'email', value: latin1(value) };
    case 0x82:
      return { type: 'dns', value: latin1(value) };
    case 0x86:
      return { type: 'uri', value: latin1(value) };
    case 0x87:
      return { type: 'ip', value: formatIp(value) };
    case 0xa4: {
      const inner = children(der, tlv)[0];
      return { type: 'dn', value: inner ? nameToRfc4514(readName(der.subarray(inner.start, inner.end))) : '' };
    }
    case 0x88:
      return { type: 'other', value: `registeredID:${decodeOid(value)}` };
    case 0xa0: {
      const oid = children(der, tlv)[0];
      return { type: 'other', value: `otherName:${oid ? oidOf(der, oid) : '?'}` };
    }
    default:
      return { type: 'other', value: `tag 0x${tlv.tag.toString(16)}` };
  }
}

/** A GeneralNames SEQUENCE (or an implicitly tagged one) read from `der` at `tlv`. */
export function readGeneralNames(der: Uint8Array, tlv: Tlv): GeneralName[] {
  return children(der, tlv).map((t) => readGeneralName(der, t));
}

/** GeneralNames from an extension value (OCTET STRING contents). */
export function generalNamesOf(value: Uint8Array): GeneralName[] {
  return readGeneralNames(value, readTlv(value, 0));
}
