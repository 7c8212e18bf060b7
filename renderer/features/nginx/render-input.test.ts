import { describe, expect, it } from 'vitest';
import { INITIAL_FORM } from './draft-store';
import { draftOf, formKeys, isPristine, placeErrors } from './render-input';

const filled = { ...INITIAL_FORM, serverName: 'proxy.example.com', tlsCertPath: '/c', tlsKeyPath: '/k', clientCaPath: '/ca' };

describe('draftOf', () => {
  it('sends empty optional paths as null and only the header names the operator changed', () => {
    const result = draftOf({ ...filled, headerNames: { serial: ' X-Serial ', verify: '  ' } });
    expect(result.ok && result.draft).toMatchObject({ envFilePath: null, crlPath: null, headerNames: { serial: 'X-Serial' } });
  });

  it('keeps TLS versions in protocol order whatever order they were ticked', () => {
    const result = draftOf({ ...filled, tlsVersions: ['TLSv1.3', 'TLSv1.2'] });
    expect(result.ok && result.draft.tlsVersions).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('names the fields that cannot be sent yet instead of sending them', () => {
    expect(draftOf({ ...filled, verifyDepth: '1.5', hstsMaxAge: '1e9', tlsVersions: [] })).toEqual({
      ok: false,
      errors: [
        { field: 'verifyDepth', message: 'Enter a whole number, e.g. 2.' },
        { field: 'hsts.maxAgeSeconds', message: 'Enter the max-age in whole seconds, e.g. 31536000.' },
        { field: 'tlsVersions', message: 'Pick at least one TLS version.' },
      ],
    });
    // A max-age that is switched off does not matter.
    expect(draftOf({ ...filled, hstsEnabled: false, hstsMaxAge: '' }).ok).toBe(true);
  });

  it('is pristine until one of the four required fields has text', () => {
    expect(isPristine(INITIAL_FORM)).toBe(true);
    expect(isPristine({ ...INITIAL_FORM, tlsKeyPath: '/k' })).toBe(false);
  });
});

describe('placeErrors', () => {
  it('puts an error on the nearest field the form shows, and keeps the rest for the top', () => {
    const keys = formKeys(filled);
    const placed = placeErrors(
      [
        { field: 'ocsp.mode', message: 'a' },
        { field: 'listen.0', message: 'b' },
        { field: 'hsts.includeSubdomains', message: 'c' },
        { field: 'somethingNew', message: 'd' },
      ],
      keys,
      filled,
      [],
    );
    expect([...placed.byField.entries()]).toEqual([
      ['ocsp', ['a']],
      ['listen.0', ['b']],
      ['hsts', ['c']],
    ]);
    expect(placed.unplaced).toEqual([{ field: 'somethingNew', message: 'd' }]);
  });
});
