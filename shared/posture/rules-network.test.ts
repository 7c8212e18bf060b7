import { describe, expect, it } from 'vitest';
import type { ProxyMode, RuleStatus } from '../model/posture';
import { originProblems } from './origins';
import { audit, GOOD, resultOf, withValues } from './test-helpers';

const TRUST = 'SENTINEL_TRUST_PROXY_CERT_HEADERS';
const trust = (value: string | null, proxyMode: ProxyMode) => resultOf(audit(withValues(GOOD, { [TRUST]: value }), { proxyMode }), 'trust-proxy-cert-headers');

describe('SENTINEL_TRUST_PROXY_CERT_HEADERS against the proxy mode', () => {
  it.each<[string | null, ProxyMode, RuleStatus, string | null]>([
    ['true', 'nginx-mtls', 'pass', null],
    ['false', 'nginx-mtls', 'fail', 'true'],
    [null, 'nginx-mtls', 'warn', 'true'],
    ['false', 'direct', 'pass', null],
    ['true', 'direct', 'fail', 'false'],
    ['true', 'unknown', 'warn', null],
    ['false', 'unknown', 'warn', null],
  ])('%j with %s gives %s', (value, mode, status, recommended) => {
    const r = trust(value, mode);
    expect(r.status).toBe(status);
    if (status !== 'pass') expect(r.recommended).toBe(recommended);
  });

  it('explains why under each mode', () => {
    expect(trust('false', 'nginx-mtls').message).toContain('NGINX forwards the verified client certificate');
    expect(trust('true', 'direct').message).toContain('pose as a device');
    expect(trust('true', 'unknown').message).toContain('reachable solely through the trusted proxy');
    expect(trust('false', 'unknown').message).toContain('heartbeats then fail');
    expect(trust('true', 'unknown').fix).toContain('Choose the proxy mode');
  });
});

describe('SENTINEL_ALLOWED_ORIGINS', () => {
  it.each([
    ['https://console.example.com', []],
    ['https://console.example.com,https://[::1]:8443', []],
    ['*', ['allows every origin']],
    ['https://*.example.com', ['wildcard']],
    ['http://console.example.com', ['not https']],
    ['https://console.example.com/', ['trailing slash']],
    ['https://console.example.com/dashboard', ['path']],
    ['https://Console.Example.com', ['lower-case']],
    ['https://console.example.com:443', ['default port']],
    ['https://a.example.com,,https://b.example.com', ['empty entry']],
    ['console.example.com', ['not a URL']],
  ])('%j → %j', (value, expected) => {
    const problems = originProblems(value).map((p) => p.problem);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(problems[i]).toContain(e));
  });

  it('names each bad entry in the finding', () => {
    const r = resultOf(audit(withValues(GOOD, { SENTINEL_ALLOWED_ORIGINS: 'https://ok.example.com,http://bad.example.com' })), 'allowed-origins');
    expect(r.status).toBe('fail');
    expect(r.message).toContain('"http://bad.example.com" uses http, not https');
    expect(r.message).not.toContain('"https://ok.example.com"');
  });

  it('warns when it is not set: the baseline ships *', () => {
    expect(resultOf(audit(withValues(GOOD, { SENTINEL_ALLOWED_ORIGINS: null })), 'allowed-origins').status).toBe('warn');
  });
});

describe('debug switches', () => {
  it('fails FLASK_DEBUG=1 in production, passes an empty one', () => {
    expect(resultOf(audit(withValues(GOOD, { FLASK_DEBUG: '1' })), 'debug-off').status).toBe('fail');
    expect(resultOf(audit(withValues(GOOD, { SENTINEL_DEBUG_SQL: '' })), 'debug-off').status).toBe('pass');
  });
});
