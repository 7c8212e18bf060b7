import { describe, expect, it } from 'vitest';
import { readDotenvValues } from './read';
import { DOTENV_EXPECTED, DOTENV_FIXTURE } from './dotenv-fixtures/test-helpers';

const EXPECTED = DOTENV_EXPECTED;

describe('readDotenvValues', () => {
  it("reads dotenv's own fixture exactly as dotenv does", () => {
    const parsed = readDotenvValues(DOTENV_FIXTURE);
    expect(Object.fromEntries(parsed)).toEqual(EXPECTED);
    expect(parsed.has('COMMENTS')).toBe(false);
  });

  it('reads \\r, \\n and \\r\\n line endings alike (test-parse.js)', () => {
    const expected = { SERVER: 'localhost', PASSWORD: 'password', DB: 'tests' };
    for (const eol of ['\r', '\n', '\r\n']) {
      const text = `SERVER=localhost${eol}PASSWORD=password${eol}DB=tests${eol}`;
      expect(Object.fromEntries(readDotenvValues(text))).toEqual(expected);
    }
  });

  it('lets the last duplicate win', () => {
    expect(readDotenvValues('A=first\nA=second\n').get('A')).toBe('second');
  });

  it('keeps an unterminated quote, and a quote closed lines later swallows the lines between (multi-line values)', () => {
    expect(Object.fromEntries(readDotenvValues('UNTERMINATED="abc\nB=1\n'))).toEqual({ UNTERMINATED: '"abc', B: '1' });
    expect(Object.fromEntries(readDotenvValues('TRAILING=retained\'\nA="x\nB=1"\n'))).toEqual({ TRAILING: "retained'", A: 'x\nB=1' });
  });

  it('reads multi-line quoted values such as PEM blocks, and CRLF inside them becomes LF', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----';
    const text = `BEFORE=1\r\nKEY="${pem.replace(/\n/g, '\r\n')}"\r\nAFTER=2\r\n`;
    const parsed = readDotenvValues(text);
    expect(parsed.get('KEY')).toBe(pem);
    expect(parsed.get('AFTER')).toBe('2');
  });

  it('ignores lines that are not assignments, a leading BOM, and a Windows path in double quotes turns \\n into a newline', () => {
    const parsed = readDotenvValues('\uFEFFFIRST=1\nSPACE IN KEY=v\n=novalue\nPATH_D="C:\\temp\\new"\nPATH_S=\'C:\\temp\\new\'\n');
    expect([...parsed.keys()]).toEqual(['FIRST', 'PATH_D', 'PATH_S']);
    expect(parsed.get('PATH_D')).toBe('C:\\temp\new');
    expect(parsed.get('PATH_S')).toBe('C:\\temp\\new');
  });

  it('accepts the colon form and dotted or dashed keys', () => {
    const parsed = readDotenvValues('KEY: value\nsome.key-1=x\n');
    expect(parsed.get('KEY')).toBe('value');
    expect(parsed.get('some.key-1')).toBe('x');
  });
});
