import type { Certificate } from './cert';
import { equalBytes } from './asn1';
import { validDnsName } from './general-name';
import type { PeerName } from './types';

/**
 * Peer identity checks against subjectAltName only (RFC 6125 §6; no CN fallback): DNS names
 * with a whole-label leftmost wildcard, IP addresses byte for byte, email mailboxes.
 */

/** IPv4 dotted quad or IPv6 text → 4 or 16 bytes; null when not an address. */
export function parseIp(text: string): Uint8Array | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    return parts.every((p) => p <= 255) ? new Uint8Array(parts) : null;
  }
  if (!text.includes(':')) return null;
  let body = text;
  let tail: number[] = [];
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const bytes = parseIp(v4[2] as string);
    if (!bytes) return null;
    tail = [((bytes[0] as number) << 8) | (bytes[1] as number), ((bytes[2] as number) << 8) | (bytes[3] as number)];
    body = (v4[1] as string).endsWith('::') ? (v4[1] as string) : (v4[1] as string).slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0] as string);
  const rest = halves.length === 2 ? groups(halves[1] as string) : [];
  if (!head || !rest) return null;
  const fill = 8 - head.length - rest.length - tail.length;
  if ((halves.length === 2 && fill < 1) || (halves.length === 1 && fill !== 0)) return null;
  const all = [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

/** local@domain with the domain lower-cased (the local part is case-sensitive), or null. */
function mailbox(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}` : null;
}

function dnsMatches(pattern: string, reference: string): boolean {
  if (!validDnsName(pattern)) return false;
  const p = pattern.toLowerCase();
  if (!p.startsWith('*.')) return p === reference;
  const dot = reference.indexOf('.');
  return dot > 0 && reference.slice(dot) === p.slice(1);
}

/** Does the leaf's subjectAltName cover the expected peer name? */
export function peerNameMatches(leaf: Certificate, peer: PeerName): boolean {
  const sans = leaf.ext?.subjectAltName ?? [];
  switch (peer.kind) {
    case 'DNS': {
      const reference = peer.value.toLowerCase().replace(/\.$/, '');
      if (!validDnsName(reference) || reference.startsWith('*')) return false;
      return sans.some((n) => n.kind === 'dns' && dnsMatches(n.value, reference));
    }
    case 'IP': {
      const bytes = parseIp(peer.value);
      return bytes !== null && sans.some((n) => n.kind === 'ip' && equalBytes(n.bytes, bytes));
    }
    case 'RFC822': {
      const wanted = mailbox(peer.value);
      return wanted !== null && sans.some((n) => n.kind === 'email' && mailbox(n.value) === wanted);
    }
  }
}
