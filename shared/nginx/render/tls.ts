import type { NginxRenderInput, OcspSetting } from '../types';
import { ZONES } from './names';

/** Mozilla "intermediate" TLS 1.2 suites with forward secrecy and AEAD; TLS 1.3 suites need no setting. */
const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

/** Server certificate, protocols and session handling. */
export function serverTlsLines(input: NginxRenderInput, i: string): string[] {
  return [
    `${i}ssl_certificate     ${input.tlsCertPath};`,
    `${i}ssl_certificate_key ${input.tlsKeyPath};`,
    `${i}ssl_protocols ${input.tlsVersions.join(' ')};`,
    ...(input.tlsVersions.includes('TLSv1.2') ? [`${i}ssl_ciphers ${TLS12_CIPHERS};`] : []),
    `${i}ssl_prefer_server_ciphers off;`,
    `${i}ssl_session_cache shared:${ZONES.sessions}:10m;`,
    // A resumed session is not verified again, so keep resumption short: a device revoked
    // since its handshake loses access within minutes of the CRL reload, not a day later.
    `${i}ssl_session_timeout 10m;`,
    // nginx keeps ticket keys until restart, which weakens forward secrecy; the cache resumes without them.
    `${i}ssl_session_tickets off;`,
  ];
}

function ocspLines(ocsp: OcspSetting, i: string): string[] {
  switch (ocsp.mode) {
    case 'off':
      return [];
    case 'on':
    case 'leaf':
      return [
        '',
        `${i}# OCSP fails closed: if the responder cannot be reached, every certificate-bearing request is refused.`,
        `${i}ssl_ocsp ${ocsp.mode};`,
        ...(ocsp.responderUrl ? [`${i}ssl_ocsp_responder ${ocsp.responderUrl};`] : []),
        `${i}ssl_ocsp_cache shared:${ZONES.ocsp}:1m;`,
        ...(ocsp.resolver ? [`${i}resolver ${ocsp.resolver};`, `${i}resolver_timeout 5s;`] : []),
      ];
  }
}

/** Device certificates: asked of every client, verified when given, required per location. */
export function clientVerifyLines(input: NginxRenderInput, i: string): string[] {
  return [
    `${i}# optional: browsers without a certificate still connect ($ssl_client_verify = NONE); an invalid`,
    `${i}# certificate ends in error 495 below. nginx 1.22 needs ssl_client_certificate, which also sends`,
    `${i}# the CA's name to clients so devices pick the right certificate.`,
    `${i}ssl_client_certificate ${input.clientCaPath};`,
    `${i}ssl_verify_client optional;`,
    `${i}ssl_verify_depth ${input.verifyDepth};`,
    ...(input.crlPath
      ? [
          `${i}# Must hold the CRL of every CA in the chain, and be refreshed before nextUpdate (then reload):`,
          `${i}# a missing or expired CRL rejects every device.`,
          `${i}ssl_crl ${input.crlPath};`,
        ]
      : []),
    ...ocspLines(input.ocsp, i),
  ];
}

/** HSTS on every response, errors included (`always`). */
export function hstsLines(input: NginxRenderInput, i: string): string[] {
  if (!input.hsts) return [];
  const value = `max-age=${input.hsts.maxAgeSeconds}${input.hsts.includeSubdomains ? '; includeSubDomains' : ''}`;
  return [
    `${i}# Locations below add no headers of their own, so this applies to all of them.`,
    `${i}add_header Strict-Transport-Security "${value}" always;`,
  ];
}
