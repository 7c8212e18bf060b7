import { describe, expect, it } from 'vitest';
import { errorsOf, fieldsOf } from './test-helpers';

describe('server name', () => {
  it.each(['sentinel.example.com', '*.example.com', '_', 'localhost', 'a-b.c0', '192.0.2.10'])('accepts %s', (serverName) => {
    expect(fieldsOf({ serverName })).toEqual([]);
  });
  it.each([
    ['', /Enter the host name/],
    ['a..b', /Not a DNS host name/],
    ['-a.example.com', /Not a DNS host name/],
    ['a_b.example.com', /"_"/],
    ['foo.*.example.com', /wildcard/],
    ['*example.com', /wildcard/],
    ['example.com.', /trailing dot/],
    ['ümlaut.de', /punycode/],
    [`${'a'.repeat(64)}.com`, /63/],
    ['one.example two.example', /a space/],
  ])('refuses %j', (serverName, message) => {
    const errors = errorsOf({ serverName });
    expect(errors.map((e) => e.field)).toEqual(['serverName']);
    expect(errors[0]?.message).toMatch(message);
  });
});

describe('paths', () => {
  it('accepts absolute file paths, and none for the optional CRL and .env', () => {
    expect(fieldsOf({ tlsCertPath: '/etc/nginx/certs/server-fullchain.pem', crlPath: null, envFilePath: null })).toEqual([]);
    expect(fieldsOf({ crlPath: '/etc/nginx/crl/device-ca.crl', envFilePath: '/opt/sentinel-secure-x/.env' })).toEqual([]);
  });
  it.each([
    ['tlsCertPath', '', /Enter the absolute path of the server certificate/],
    ['tlsKeyPath', 'certs/server.key', /absolute path/],
    ['clientCaPath', '/etc/nginx/../../root/ca.pem', /"\.\."/],
    ['crlPath', '/etc/nginx/crl/', /directory/],
    ['envFilePath', 'relative.env', /absolute path/],
  ] as const)('refuses %s = %j', (field, value, message) => {
    const errors = errorsOf({ [field]: value });
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0]?.message).toMatch(message);
  });
  it('refuses a required path left out as null-like empty', () => {
    expect(fieldsOf({ clientCaPath: '' })).toEqual(['clientCaPath']);
  });
});

describe('numbers', () => {
  it.each([0, 1, 10])('accepts verify depth %i', (verifyDepth) => expect(fieldsOf({ verifyDepth })).toEqual([]));
  it.each([-1, 11, 100])('refuses verify depth %i', (verifyDepth) => {
    const errors = errorsOf({ verifyDepth });
    expect(errors.map((e) => e.field)).toEqual(['verifyDepth']);
    expect(errors[0]?.message).toMatch(/0 to 10/);
  });
  it.each([0, 63_072_000])('accepts HSTS max-age %i', (maxAgeSeconds) => expect(fieldsOf({ hsts: { maxAgeSeconds } })).toEqual([]));
  it.each([-1, 63_072_001])('refuses HSTS max-age %i', (maxAgeSeconds) => {
    expect(fieldsOf({ hsts: { maxAgeSeconds } })).toEqual(['hsts.maxAgeSeconds']);
  });
  it('accepts HSTS off and refuses an empty TLS version list', () => {
    expect(fieldsOf({ hsts: null })).toEqual([]);
    expect(errorsOf({ tlsVersions: [] })).toEqual([{ field: 'tlsVersions', message: 'Enable at least one TLS version.' }]);
  });
});
