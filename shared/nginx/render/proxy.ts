import type { NginxRenderInput } from '../types';
import { type HttpUrl, hostPort, parseHttpUrl } from '../validate/url';
import { proxyHeaderLines } from './headers';
import { SYSTEM_CA_BUNDLE, UPSTREAM_NAME } from './names';

/** The upstream URL as validated; render is only ever handed validated input. */
export function upstreamOf(input: NginxRenderInput): HttpUrl {
  const parsed = parseHttpUrl(input.upstreamUrl);
  if (!parsed.ok) throw new Error(`renderNginxConfig: upstreamUrl: ${parsed.message}`);
  return parsed.url;
}

/** The API as an `upstream` block, with idle connections kept for the next request. */
export function upstreamBlock(url: HttpUrl): string[] {
  return [`upstream ${UPSTREAM_NAME} {`, `    server ${hostPort(url)};`, '    keepalive 16;', '}'];
}

/**
 * Verifying an https upstream. The render has no field for the upstream's CA, so it trusts
 * Debian's public bundle, which nginx requires before `proxy_ssl_verify on`. A private or
 * self-signed upstream certificate needs its own CA file here, or nginx answers 502.
 */
export function upstreamTlsLines(url: HttpUrl, i: string): string[] {
  if (url.scheme === 'http') return [];
  return [
    `${i}# https upstream: verified, never trusted blindly. Replace the bundle with the CA that issued the`,
    `${i}# upstream's certificate if it is private. nginx checks proxy_ssl_name against the certificate's`,
    `${i}# DNS names (not IP addresses) and sends it as SNI unless it is an IP address.`,
    `${i}proxy_ssl_verify on;`,
    `${i}proxy_ssl_verify_depth 2;`,
    `${i}proxy_ssl_trusted_certificate ${SYSTEM_CA_BUNDLE};`,
    `${i}proxy_ssl_server_name on;`,
    `${i}proxy_ssl_name ${url.host};`,
  ];
}

/** Everything one proxying location needs, repeated in each so that none depends on inheritance. */
export function proxyLines(input: NginxRenderInput, url: HttpUrl, i: string): string[] {
  return [
    `${i}proxy_pass ${url.scheme}://${UPSTREAM_NAME};`,
    `${i}proxy_http_version 1.1;`,
    ...proxyHeaderLines(input.headerNames, i),
  ];
}
