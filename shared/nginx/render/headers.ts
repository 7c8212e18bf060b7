import { DEFAULT_HEADER_NAMES, type ForwardedHeaderNames, HEADER_ROLES, type HeaderRole } from '../types';

/**
 * The nginx variable behind each role, fixed: only the header names are configurable. Each is
 * a bare variable, so every header but verify is empty (and not sent) without a certificate.
 */
export function headerVariable(role: HeaderRole): string {
  switch (role) {
    case 'verify':
      return '$ssl_client_verify';
    case 'subjectDn':
      return '$ssl_client_s_dn';
    case 'issuerDn':
      return '$ssl_client_i_dn';
    case 'serial':
      return '$ssl_client_serial';
    case 'fingerprint':
      return '$ssl_client_fingerprint';
    case 'validFrom':
      return '$ssl_client_v_start';
    case 'validTo':
      return '$ssl_client_v_end';
    case 'cert':
      // URL-encoded PEM: one header line; $ssl_client_raw_cert spans lines and $ssl_client_cert is deprecated.
      return '$ssl_client_escaped_cert';
  }
}

/** One `proxy_set_header` name/value pair as rendered. */
export interface HeaderSetting {
  readonly name: string;
  readonly value: string;
}

/** Routing headers every proxying location sets; X-Forwarded-For is the peer only, never the client's list. */
const ROUTING: readonly HeaderSetting[] = [
  { name: 'Host', value: '$host' },
  { name: 'X-Real-IP', value: '$remote_addr' },
  { name: 'X-Forwarded-For', value: '$remote_addr' },
  { name: 'X-Forwarded-Proto', value: '$scheme' },
  { name: 'X-Forwarded-Host', value: '$host' },
  // RFC 7239 header: nobody sets it here, so a client's copy is dropped rather than trusted.
  { name: 'Forwarded', value: '""' },
  // Keep-alive to the upstream needs HTTP/1.1 without the client's Connection header.
  { name: 'Connection', value: '""' },
];

/** Every certificate header, then the default names that custom names replaced, cleared (`""` drops them). */
export function certificateHeaders(names: ForwardedHeaderNames): readonly HeaderSetting[] {
  const used = new Set(HEADER_ROLES.map((role) => names[role].toLowerCase()));
  const set = HEADER_ROLES.map((role) => ({ name: names[role], value: headerVariable(role) }));
  // The API's real header names are not public: a client must not get the well-known defaults through either.
  const cleared = HEADER_ROLES.map((role) => DEFAULT_HEADER_NAMES[role])
    .filter((name) => !used.has(name.toLowerCase()))
    .map((name) => ({ name, value: '""' }));
  return [...set, ...cleared];
}

/** All `proxy_set_header` lines a proxying location needs, aligned for reading. */
export function proxyHeaderLines(names: ForwardedHeaderNames, indent: string): string[] {
  const all = [...ROUTING, ...certificateHeaders(names)];
  const width = Math.max(...all.map((h) => h.name.length));
  return all.map((h) => `${indent}proxy_set_header ${h.name.padEnd(width)} ${h.value};`);
}
