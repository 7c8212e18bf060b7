import { describe, expect, it } from 'vitest';
import { PROBE_ERROR_CLASSES, type ProbeErrorClass } from '../model/probe';
import { classifyProbeError, describeProbeError, isConnectionLevel } from './classify';

describe('classifyProbeError: Node/OpenSSL codes to what the operator must fix', () => {
  const cases: readonly [string | undefined, string, ProbeErrorClass][] = [
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate', 'unknown-ca'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', 'unknown-ca'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', 'unknown-ca'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'self-signed'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'hostname-mismatch'],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'expired'],
    ['CERT_NOT_YET_VALID', 'certificate is not yet valid', 'not-yet-valid'],
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'tlsv1 alert protocol version', 'handshake-failure'],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'sslv3 alert handshake failure', 'handshake-failure'],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'tlsv13 alert certificate required', 'handshake-failure'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number', 'protocol-error'],
    ['EPROTO', 'routines:ssl3_get_record:wrong version number', 'protocol-error'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', 'connection-refused'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND proxy.invalid', 'dns-failure'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN proxy.example', 'dns-failure'],
    ['ETIMEDOUT', 'no answer', 'timeout'],
    ['ECONNRESET', 'socket hang up', 'connection-reset'],
    ['EPIPE', 'write EPIPE', 'connection-reset'],
    ['HPE_INVALID_CONSTANT', 'Parse Error: Expected HTTP/', 'protocol-error'],
    ['ENOENT', 'no such file', 'local-file'],
    [undefined, 'socket hang up', 'connection-reset'],
    [undefined, 'something odd', 'protocol-error'],
  ];
  for (const [code, message, expected] of cases) {
    it(`${code ?? '(no code)'} → ${expected}`, () => {
      expect(classifyProbeError(code, message)).toBe(expected);
    });
  }
});

describe('describeProbeError', () => {
  it('says each class in a sentence and keeps the raw text for support', () => {
    for (const cls of PROBE_ERROR_CLASSES) {
      const text = describeProbeError(cls, undefined, 'raw detail');
      expect(text).toMatch(/^[A-Z].+\(raw detail\)\.?$/);
    }
  });

  it('names a TLS-level certificate demand', () => {
    expect(describeProbeError('handshake-failure', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'x')).toMatch(/requires a client certificate/);
  });
});

describe('isConnectionLevel', () => {
  it('is true for failures every later request would repeat, false for request-specific ones', () => {
    expect(isConnectionLevel('connection-refused')).toBe(true);
    expect(isConnectionLevel('unknown-ca')).toBe(true);
    expect(isConnectionLevel('handshake-failure')).toBe(false);
    expect(isConnectionLevel('connection-reset')).toBe(false);
  });
});
