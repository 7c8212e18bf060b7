import { DerError, type Node, contextTag, hex, kids, raw, seq, value } from './asn1';
import { type DistinguishedName, parseName, showName } from './name';
import { latin1 } from '../der';

/**
 * GeneralName (RFC 5280 §4.2.1.6) decoding for SANs, name constraints, AKI and CRL
 * distribution points. IA5String forms must be ASCII: a dNSName with raw UTF-8 is malformed.
 */

export type GeneralName =
  | { readonly kind: 'dns'; readonly value: string }
  | { readonly kind: 'email'; readonly value: string }
  | { readonly kind: 'uri'; readonly value: string }
  | { readonly kind: 'ip'; readonly bytes: Uint8Array }
  | { readonly kind: 'dn'; readonly name: DistinguishedName }
  | { readonly kind: 'other'; readonly tag: number; readonly raw: Uint8Array };

/** The name forms the validator distinguishes. */
export type GeneralNameKind = GeneralName['kind'];

function ia5(node: Node, what: string): string {
  const v = value(node);
  for (const b of v) if (b > 0x7e || b < 0x20) throw new DerError(`${what} holds a non-ASCII or control character`, node.tlv.start);
  return latin1(v);
}

/** Decodes one GeneralName (context-tagged CHOICE). */
export function parseGeneralName(node: Node): GeneralName {
  const tag = contextTag(node);
  switch (tag) {
    case 1:
      if (node.tlv.constructed) break;
      return { kind: 'email', value: ia5(node, 'rfc822Name') };
    case 2:
      if (node.tlv.constructed) break;
      return { kind: 'dns', value: ia5(node, 'dNSName') };
    case 6:
      if (node.tlv.constructed) break;
      return { kind: 'uri', value: ia5(node, 'uniformResourceIdentifier') };
    case 7:
      if (node.tlv.constructed) break;
      return { kind: 'ip', bytes: value(node) };
    case 4: {
      if (!node.tlv.constructed) break;
      const [inner, extra] = kids(node);
      if (!inner || extra) throw new DerError('directoryName must hold exactly one Name', node.tlv.start);
      return { kind: 'dn', name: parseName(inner) };
    }
    case 0:
    case 3:
    case 5:
    case 8:
      return { kind: 'other', tag, raw: raw(node) };
    default:
      break;
  }
  throw new DerError(`malformed GeneralName (tag 0x${node.tlv.tag.toString(16)})`, node.tlv.start);
}

/** GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName. */
export function parseGeneralNames(node: Node, what: string, tag?: number): GeneralName[] {
  return seq(node, what, 1, tag).map(parseGeneralName);
}

/** Dotted or colon form of an IP address (no mask). */
export function showIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
    return groups.join(':');
  }
  return `0x${hex(bytes)}`;
}

/** One line per name, for messages. */
export function showGeneralName(name: GeneralName): string {
  switch (name.kind) {
    case 'dns':
      return `DNS:${name.value}`;
    case 'email':
      return `email:${name.value}`;
    case 'uri':
      return `URI:${name.value}`;
    case 'ip':
      return name.bytes.length === 8 || name.bytes.length === 32
        ? `IP:${showIp(name.bytes.subarray(0, name.bytes.length / 2))}/${showIp(name.bytes.subarray(name.bytes.length / 2))}`
        : `IP:${showIp(name.bytes)}`;
    case 'dn':
      return `DirName:${showName(name.name)}`;
    case 'other':
      return `name form [${name.tag}]`;
  }
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

/** A presented dNSName: LDH labels, optionally a leading "*" label; no empty labels. */
export function validDnsName(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.every((label, i) => (i === 0 && label === '*' && labels.length > 1) || LABEL.test(label));
}

/** A dNSName constraint: empty (everything), or LDH labels with an optional leading dot. */
export function validDnsConstraint(name: string): boolean {
  if (name === '') return true;
  const body = name.startsWith('.') ? name.slice(1) : name;
  return body.length > 0 && body.split('.').every((label) => LABEL.test(label));
}

/** An addr/mask constraint of 8 or 32 bytes whose mask is contiguous ones then zeros. */
export function validIpConstraint(bytes: Uint8Array): boolean {
  if (bytes.length !== 8 && bytes.length !== 32) return false;
  let zeroSeen = false;
  for (const b of bytes.subarray(bytes.length / 2)) {
    for (let bit = 7; bit >= 0; bit--) {
      const one = (b >> bit) & 1;
      if (one && zeroSeen) return false;
      if (!one) zeroSeen = true;
    }
  }
  return true;
}
