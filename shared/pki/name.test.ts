import { describe, expect, it } from 'vitest';
import { escapeRfc4514, nameToRfc4514, type NameAttribute } from './name';

const attr = (type: string, value: string): NameAttribute => ({ oid: type, type, value });

describe('escapeRfc4514', () => {
  it.each([
    ['Example Root CA', 'Example Root CA'],
    ['Acme, Inc.', 'Acme\\, Inc.'],
    ['a+b=c', 'a\\+b\\=c'],
    ['"quoted" <x>;', '\\"quoted\\" \\<x\\>\\;'],
    ['back\\slash', 'back\\\\slash'],
    ['#hash', '\\#hash'],
    [' leading', '\\ leading'],
    ['trailing ', 'trailing\\ '],
    ['nul\0byte', 'nul\\00byte'],
    ['#04024869', '#04024869'], // a hex-encoded value stays as it is
    ['Zürich', 'Zürich'],
  ])('%j → %j', (value, escaped) => {
    expect(escapeRfc4514(value)).toBe(escaped);
  });
});

describe('nameToRfc4514', () => {
  it('puts the least significant RDN first and joins multi-valued RDNs with +', () => {
    const rdns = [[attr('C', 'DE')], [attr('O', 'Acme, Inc.')], [attr('OU', 'Ops'), attr('CN', 'proxy')]];
    expect(nameToRfc4514(rdns)).toBe('OU=Ops+CN=proxy,O=Acme\\, Inc.,C=DE');
  });

  it('keeps the separator of an empty RDN and gives an empty name as the empty string', () => {
    expect(nameToRfc4514([[attr('C', 'DE')], [], [attr('CN', 'x')]])).toBe('CN=x,,C=DE');
    expect(nameToRfc4514([])).toBe('');
  });
});
