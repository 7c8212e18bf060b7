/** Address grammar shared by listen, upstream, OCSP responder and resolver checks. */

export type HostKind = 'ipv4' | 'ipv6' | 'name';

/** Four octets, or null. Leading zeros are refused because some parsers read them as octal. */
export function parseIpv4(text: string): readonly number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    octets.push(value);
  }
  return octets;
}

function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return null;
      const [a = 0, b = 0, c = 0, d = 0] = v4;
      groups.push(a * 256 + b, c * 256 + d);
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return null;
      groups.push(parseInt(part, 16));
    }
  }
  return groups;
}

/** Eight 16-bit groups (`::` expanded, trailing dotted IPv4 allowed), or null. No zone ids. */
export function parseIpv6(text: string): readonly number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** One spelling per IPv6 address, so `[::1]` and `[0:0::1]` compare equal. */
export function canonicalIpv6(groups: readonly number[]): string {
  return groups.map((g) => g.toString(16)).join(':');
}

/** A DNS host name: LDH labels of 1..63, 253 in all, no trailing dot. */
export function isDnsName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  return text.split('.').every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/** 127.0.0.0/8, ::1, ::ffff:127.0.0.0/104, or the name `localhost`. */
export function isLoopbackHost(kind: HostKind, host: string): boolean {
  switch (kind) {
    case 'ipv4':
      return parseIpv4(host)?.[0] === 127;
    case 'ipv6': {
      const g = parseIpv6(host);
      if (!g) return false;
      const zeroHead = g.slice(0, 5).every((x) => x === 0);
      if (zeroHead && g[5] === 0 && g[6] === 0 && g[7] === 1) return true;
      return zeroHead && g[5] === 0xffff && (g[6] ?? 0) >> 8 === 127;
    }
    case 'name':
      return host.toLowerCase() === 'localhost';
  }
}

/** A decimal port 1..65535, or null. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/** Host as written in a URL or address: `[v6]`, dotted IPv4 or a DNS name. */
export function classifyHost(text: string): { readonly kind: HostKind; readonly host: string } | null {
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1);
    return parseIpv6(inner) ? { kind: 'ipv6', host: inner } : null;
  }
  if (parseIpv4(text)) return { kind: 'ipv4', host: text };
  if (/^[\d.]+$/.test(text)) return null;
  return isDnsName(text) ? { kind: 'name', host: text } : null;
}
