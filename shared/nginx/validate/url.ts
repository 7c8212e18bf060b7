import { classifyHost, type HostKind, parsePort } from './address';

/** An http(s) URL split the way nginx's proxy_pass / ssl_ocsp_responder need it. */
export interface HttpUrl {
  readonly scheme: 'http' | 'https';
  readonly kind: HostKind;
  /** Without brackets for IPv6. */
  readonly host: string;
  readonly port: number;
  /** True when the URL named the port itself. */
  readonly explicitPort: boolean;
  /** '' or starting with '/'. */
  readonly path: string;
}

export type ParsedUrl = { readonly ok: true; readonly url: HttpUrl } | { readonly ok: false; readonly message: string };

const fail = (message: string): ParsedUrl => ({ ok: false, message });

/**
 * Parses `scheme://host[:port][/path]`. Unsafe characters must be refused before this runs;
 * this only judges structure, with a message that says what to change.
 */
export function parseHttpUrl(text: string): ParsedUrl {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  if (!scheme) return fail('Start with http:// or https://, e.g. http://127.0.0.1:8000.');
  const name = (scheme[1] ?? '').toLowerCase();
  if (name !== 'http' && name !== 'https') return fail(`Use http:// or https:// (not ${name}://).`);
  const rest = text.slice(scheme[0].length);
  const end = rest.search(/[/?]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const tail = end < 0 ? '' : rest.slice(end);
  if (authority.includes('@')) return fail('Remove the "user@" part: nginx sends no credentials from this URL.');
  if (tail.includes('?')) return fail('Remove the query string ("?…").');

  const bracketed = /^(\[[^\]]*\])(?::(.*))?$/.exec(authority);
  const plain = /^([^:[\]]*)(?::(.*))?$/.exec(authority);
  const match = bracketed ?? plain;
  if (!match || match[1] === '') return fail('Give a host, e.g. http://127.0.0.1:8000.');
  const host = classifyHost(match[1] ?? '');
  if (!host) return fail(`"${match[1] ?? ''}" is not an IP address or DNS host name (IPv6 goes in brackets: [::1]).`);
  const portText = match[2];
  const port = portText === undefined ? (name === 'https' ? 443 : 80) : parsePort(portText);
  if (port === null) return fail(`"${portText ?? ''}" is not a port (1-65535).`);
  return { ok: true, url: { scheme: name, kind: host.kind, host: host.host, port, explicitPort: portText !== undefined, path: tail } };
}

/** `host:port` for an nginx `server` line or URL, with IPv6 in brackets. */
export function hostPort(url: HttpUrl): string {
  const host = url.kind === 'ipv6' ? `[${url.host}]` : url.host;
  return `${host}:${url.port}`;
}
