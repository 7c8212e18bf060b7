import { DEFAULT_HEADER_NAMES, type ForwardedHeaderNames, type NginxRenderInput } from '../../shared/nginx/types';
import type { TestPki } from '../support/test-pki';

/** Render input wired to the generated test PKI; tests override one aspect at a time. */
export function pkiRenderInput(pki: TestPki, overrides: Partial<NginxRenderInput> = {}): NginxRenderInput {
  return {
    serverName: 'localhost',
    tlsCertPath: pki.server.fullchainPath,
    tlsKeyPath: pki.server.keyPath,
    clientCaPath: pki.caBundle.path,
    upstreamUrl: 'http://127.0.0.1:8000',
    envFilePath: null,
    listen: ['127.0.0.1:8443'],
    crlPath: pki.crlBundle.path,
    ocsp: { mode: 'off' },
    verifyDepth: 2,
    tlsVersions: ['TLSv1.2', 'TLSv1.3'],
    hsts: { maxAgeSeconds: 31_536_000, includeSubdomains: false },
    headerNames: DEFAULT_HEADER_NAMES,
    allowRemoteUpstream: false,
    ...overrides,
  };
}

/** Every role renamed, so no default name is in use. */
export const CUSTOM_HEADER_NAMES: ForwardedHeaderNames = {
  verify: 'X-Device-Verify',
  subjectDn: 'X-Device-Subject',
  issuerDn: 'X-Device-Issuer',
  serial: 'X-Device-Serial',
  fingerprint: 'X-Device-Fingerprint',
  validFrom: 'X-Device-Not-Before',
  validTo: 'X-Device-Not-After',
  cert: 'X-Device-Cert',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time as OpenSSL's ASN1_TIME_print writes it, which is what $ssl_client_v_start/_end hold. */
export function opensslTime(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${MONTHS[date.getUTCMonth()] ?? '?'} ${day} ${time} ${date.getUTCFullYear()} GMT`;
}
