import type { ProbeErrorClass } from '../model/probe';
import { assertNever } from '../util/assert-never';

/**
 * Node and OpenSSL error codes, grouped by what the operator has to do about them. Node puts
 * OpenSSL's X509 verify result in `code` (e.g. CERT_HAS_EXPIRED) and TLS alerts as ERR_SSL_*.
 */
const BY_CODE: Readonly<Record<string, ProbeErrorClass>> = {
  UNABLE_TO_GET_ISSUER_CERT: 'unknown-ca',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown-ca',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown-ca',
  SELF_SIGNED_CERT_IN_CHAIN: 'unknown-ca',
  CERT_UNTRUSTED: 'unknown-ca',
  CERT_REJECTED: 'unknown-ca',
  CERT_SIGNATURE_FAILURE: 'unknown-ca',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'unknown-ca',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'unknown-ca',
  INVALID_CA: 'unknown-ca',
  INVALID_PURPOSE: 'unknown-ca',
  CERT_CHAIN_TOO_LONG: 'unknown-ca',
  PATH_LENGTH_EXCEEDED: 'unknown-ca',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname-mismatch',
  CERT_HAS_EXPIRED: 'expired',
  ERROR_IN_CERT_NOT_AFTER_FIELD: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 'not-yet-valid',
  ECONNREFUSED: 'connection-refused',
  EHOSTUNREACH: 'connection-refused',
  ENETUNREACH: 'connection-refused',
  EADDRNOTAVAIL: 'connection-refused',
  ENOTFOUND: 'dns-failure',
  EAI_AGAIN: 'dns-failure',
  EAI_FAIL: 'dns-failure',
  EAI_NONAME: 'dns-failure',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ECONNRESET: 'connection-reset',
  ECONNABORTED: 'connection-reset',
  EPIPE: 'connection-reset',
  ERR_SSL_WRONG_VERSION_NUMBER: 'protocol-error',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'protocol-error',
  ERR_SSL_HTTP_REQUEST: 'protocol-error',
  ENOENT: 'local-file',
  EACCES: 'local-file',
  EPERM: 'local-file',
  EISDIR: 'local-file',
};

/**
 * Classifies an error from a probe connection. `code` is the error's `code` property (Node
 * errno name, OpenSSL verify code or ERR_* code); the message is a fallback for errors that
 * arrive without one (OpenSSL alert text, "socket hang up").
 */
export function classifyProbeError(code: string | undefined, message: string): ProbeErrorClass {
  const known = code === undefined ? undefined : BY_CODE[code];
  if (known) return known;
  if (code !== undefined) {
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') {
      return /wrong version number|packet length too long|http request/i.test(message) ? 'protocol-error' : 'handshake-failure';
    }
    if (code.startsWith('HPE_') || code.startsWith('ERR_HTTP_') || code === 'ERR_INVALID_HTTP_RESPONSE') return 'protocol-error';
    if (code.startsWith('ERR_OSSL_')) return 'local-file';
  }
  if (/socket hang up|reset/i.test(message)) return 'connection-reset';
  if (/alert|handshake|ssl|tls/i.test(message)) return 'handshake-failure';
  return 'protocol-error';
}

/** OpenSSL/Node alert codes that say why a TLS peer hung up, in words an operator knows. */
function alertHint(code: string | undefined): string {
  if (!code) return '';
  if (/CERTIFICATE_REQUIRED/.test(code)) return ': the proxy requires a client certificate at the TLS level';
  if (/ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA|ALERT_CERTIFICATE_UNKNOWN/.test(code)) return ': the proxy refused the client certificate at the TLS level';
  if (/ALERT_CERTIFICATE_EXPIRED/.test(code)) return ': the proxy refused an expired client certificate';
  if (/ALERT_CERTIFICATE_REVOKED/.test(code)) return ': the proxy refused a revoked client certificate';
  if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL/.test(code)) return ': no TLS version in common';
  if (/HANDSHAKE_FAILURE|NO_SHARED_CIPHER|NO_CIPHERS/.test(code)) return ': no cipher or parameters in common';
  return '';
}

/** One plain sentence for a classified failure; `detail` is the raw error text, kept for support. */
export function describeProbeError(error: ProbeErrorClass, code: string | undefined, detail: string): string {
  const raw = detail.split('\n')[0]?.trim() ?? '';
  const tail = raw === '' ? '' : ` (${raw.slice(0, 200)})`;
  switch (error) {
    case 'unknown-ca':
      return `The proxy's certificate is not trusted: it was not issued by a CA in the trust in use (set the CA file of the profile)${tail}.`;
    case 'self-signed':
      return `The proxy presents a self-signed certificate that is not in the trust in use${tail}.`;
    case 'hostname-mismatch':
      return `The proxy's certificate is not valid for this host name: its subjectAltName does not cover it${tail}.`;
    case 'expired':
      return `The proxy's certificate (or a CA above it) has expired${tail}.`;
    case 'not-yet-valid':
      return `The proxy's certificate is not valid yet: check its notBefore and this machine's clock${tail}.`;
    case 'handshake-failure':
      return `The TLS handshake failed${alertHint(code)}${tail}.`;
    case 'connection-refused':
      return `Nothing accepted the connection: the proxy is not listening on that address and port, or it cannot be reached${tail}.`;
    case 'dns-failure':
      return `The proxy's host name could not be resolved${tail}.`;
    case 'timeout':
      return `No answer in time${tail}.`;
    case 'connection-reset':
      return `The proxy closed the connection without an HTTP answer${tail}.`;
    case 'protocol-error':
      return `The proxy did not answer with valid TLS and HTTP: is this an HTTPS port?${tail}`;
    case 'local-file':
      return `A configured file could not be used${tail}.`;
    default:
      return assertNever(error, 'probe error class');
  }
}

/**
 * Failures that come from reaching or trusting the proxy, not from the request: every later
 * request to the same address fails the same way, so the smoke test stops after one.
 */
export function isConnectionLevel(error: ProbeErrorClass): boolean {
  switch (error) {
    case 'unknown-ca':
    case 'self-signed':
    case 'hostname-mismatch':
    case 'expired':
    case 'not-yet-valid':
    case 'connection-refused':
    case 'dns-failure':
    case 'protocol-error':
      return true;
    case 'handshake-failure':
    case 'timeout':
    case 'connection-reset':
    case 'local-file':
      return false;
    default:
      return assertNever(error, 'probe error class');
  }
}

/** The proxy's certificate was not trusted: the TLS handshake itself got as far as the certificate. */
export function isCertificateTrust(error: ProbeErrorClass): boolean {
  return error === 'unknown-ca' || error === 'self-signed' || error === 'expired' || error === 'not-yet-valid' || error === 'hostname-mismatch';
}
