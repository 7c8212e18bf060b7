import { describe, expect, it } from 'vitest';
import { errorsOf, fieldsOf } from './test-helpers';

describe('forwarded header names', () => {
  it('accepts RFC 7230 token names of the operator\'s choosing', () => {
    expect(fieldsOf({ headerNames: { verify: 'X-Device-Verify', serial: 'X.Device.Serial', cert: 'X-Cert!~' } })).toEqual([]);
  });

  it.each([
    ['', /Enter a header name \(default X-SSL-Client-Serial\)/],
    ['X_SSL_Client_Serial', /Waitress drops/],
    ['X:Serial', /token characters/],
    ['X-Serial/1', /token characters/],
    ['X-Séríal', /token characters/],
  ])('refuses %j with a field error', (serial, message) => {
    const errors = errorsOf({ headerNames: { serial } });
    expect(errors.map((e) => e.field)).toEqual(['headerNames.serial']);
    expect(errors[0]?.message).toMatch(message);
  });

  it.each(['Host', 'connection', 'Content-Length', 'TRANSFER-ENCODING', 'Upgrade', 'Keep-Alive', 'TE', 'X-Forwarded-For', 'X-Real-IP', 'Cookie', 'Authorization'])(
    'refuses the standard header %s',
    (name) => {
      const errors = errorsOf({ headerNames: { subjectDn: name } });
      expect(errors.map((e) => e.field)).toEqual(['headerNames.subjectDn']);
      expect(errors[0]?.message).toMatch(/standard header/);
    },
  );

  it('refuses a name two roles share, case-insensitively, on the later role', () => {
    const errors = errorsOf({ headerNames: { cert: 'x-ssl-client-VERIFY' } });
    expect(errors).toEqual([{ field: 'headerNames.cert', message: 'Same name as headerNames.verify (header names are case-insensitive).' }]);
    expect(fieldsOf({ headerNames: { verify: 'X-A', subjectDn: 'X-A', issuerDn: 'x-a' } })).toEqual(['headerNames.subjectDn', 'headerNames.issuerDn']);
  });

  it('allows swapping two default names between roles', () => {
    expect(fieldsOf({ headerNames: { serial: 'X-SSL-Client-Fingerprint', fingerprint: 'X-SSL-Client-Serial' } })).toEqual([]);
  });
});
