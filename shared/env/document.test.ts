import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { parseEnvDocument } from './document';
import { readDotenvValues } from './read';
import { DOTENV_EXPECTED, DOTENV_FIXTURE, MULTILINE_EXPECTED, MULTILINE_FIXTURE } from './dotenv-fixtures/test-helpers';

/** What the model says dotenv reads: the last assignment of each key. */
const modelValues = (text: string): Record<string, string> => Object.fromEntries(parseEnvDocument(text).values);
const lastWins = (text: string): Record<string, string> =>
  Object.fromEntries(parseEnvDocument(text).entries.filter((e) => !e.overridden).map((e) => [e.key, e.value]));

const SERVER = { SERVER: 'localhost', PASSWORD: 'password', DB: 'tests' };

/** dotenv's own fixtures (tests/.env, .env-multiline, .env.bom and every inline case of test-parse.js), each checked against dotenv.parse too. */
const FIXTURES: readonly [string, string, Readonly<Record<string, string>>][] = [
  ['tests/.env', DOTENV_FIXTURE, DOTENV_EXPECTED],
  ['tests/.env-multiline', MULTILINE_FIXTURE, MULTILINE_EXPECTED],
  ['tests/.env.bom', '\uFEFFBASIC=basic\n', { BASIC: 'basic' }],
  ['Buffer input', 'BUFFER=true', { BUFFER: 'true' }],
  ['\\r line endings', 'SERVER=localhost\rPASSWORD=password\rDB=tests\r', SERVER],
  ['\\n line endings', 'SERVER=localhost\nPASSWORD=password\nDB=tests\n', SERVER],
  ['\\r\\n line endings', 'SERVER=localhost\r\nPASSWORD=password\r\nDB=tests\r\n', SERVER],
  ['tests/.env as CRLF', DOTENV_FIXTURE.replace(/\n/g, '\r\n'), DOTENV_EXPECTED],
  ['tests/.env-multiline as CR', MULTILINE_FIXTURE.replace(/\n/g, '\r'), MULTILINE_EXPECTED],
  // test-parse.js's inline edge cases.
  ['last duplicate key wins', 'DUP=one\nDUP=two', { DUP: 'two' }],
  ['empty string', '', {}],
  ['comments only', '# this is a comment\n# another comment', {}],
  ['export prefix', 'export FOO=bar', { FOO: 'bar' }],
  ['keys with hyphens', 'my-key=value', { 'my-key': 'value' }],
  ['keys with dots', 'my.key=value', { 'my.key': 'value' }],
  ['unicode in values', 'GREETING=こんにちは', { GREETING: 'こんにちは' }],
  ['UTF-8 BOM at start of input', '\uFEFFBOM_KEY=bom_value', { BOM_KEY: 'bom_value' }],
  ['escaped carriage return in double quotes', 'CR="line1\\rline2"', { CR: 'line1\rline2' }],
  ['tabs around keys and values', '\tTABBED\t=\ttabbed_value', { TABBED: 'tabbed_value' }],
  ['duplicates across styles', 'A=first\nexport A="second"\nB=1\nA=\'third\' # c\n', { A: 'third', B: '1' }],
  ['export prefixes', 'export EXPORT_EXAMPLE = ignore export\nexport  X=`y`\n', { EXPORT_EXAMPLE: 'ignore export', X: 'y' }],
  ['unterminated quotes', 'RETAIN_LEADING_DQUOTE="retained\nRETAIN_TRAILING_SQUOTE=retained\'\n', { RETAIN_LEADING_DQUOTE: '"retained', RETAIN_TRAILING_SQUOTE: "retained'" }],
  ['ignored lines', 'SPACE IN KEY=v\n=novalue\n# COMMENTS=work\nOK=1', { OK: '1' }],
];

describe('parseEnvDocument against dotenv fixtures', () => {
  it.each(FIXTURES)('%s: the entries equal dotenv.parse and the fixture expectations', (_name, text, expected) => {
    expect(modelValues(text)).toEqual(dotenv.parse(text));
    expect(modelValues(text)).toEqual(expected);
    expect(lastWins(text)).toEqual(expected);
    expect(Object.fromEntries(readDotenvValues(text))).toEqual(expected);
    expect(modelValues(text)).not.toHaveProperty('COMMENTS');
  });
});

describe('parseEnvDocument keeps every byte', () => {
  const text = '\uFEFF# head\r\nexport A = "x" # keep\r\n\r\nPEM="-----BEGIN-----\nAAA\r\n-----END-----"\nA=2\rLAST=1';
  const model = parseEnvDocument(text);

  it('splits physical lines with their own endings and a BOM apart, and joins back to the exact text', () => {
    expect(model.bom).toBe(true);
    expect(model.lines.map((l) => l.eol)).toEqual(['\r\n', '\r\n', '\r\n', '\n', '\r\n', '\n', '\r', '']);
    expect('\uFEFF' + model.lines.map((l) => l.text + l.eol).join('')).toBe(text);
    expect(model.eol).toBe('mixed');
    expect(model.newline).toBe('\r\n');
    expect(model.finalNewline).toBe(false);
  });

  it('gives each entry its 1-based line, marks overridden duplicates, and locates the value as written', () => {
    expect(model.entries).toEqual([
      { key: 'A', value: 'x', line: 2, overridden: true },
      { key: 'PEM', value: '-----BEGIN-----\nAAA\n-----END-----', line: 4, overridden: false },
      { key: 'A', value: '2', line: 7, overridden: false },
      { key: 'LAST', value: '1', line: 8, overridden: false },
    ]);
    const pem = model.assignments[1];
    expect(pem && model.body.slice(pem.tokenStart, pem.tokenEnd)).toBe('"-----BEGIN-----\nAAA\r\n-----END-----"');
    expect(pem?.endLine).toBe(5);
    const first = model.assignments[0];
    expect(first && model.body.slice(first.statementStart, first.tokenEnd)).toBe('export A = "x"');
    expect(first?.quote).toBe('"');
  });

  it('reports LF and CRLF files as such, and an empty file as LF with a final newline to come', () => {
    expect(parseEnvDocument('A=1\nB=2\n').eol).toBe('lf');
    expect(parseEnvDocument('A=1\r\nB=2\r\n').eol).toBe('crlf');
    expect(parseEnvDocument('A=1\rB=2\r').eol).toBe('mixed');
    const empty = parseEnvDocument('');
    expect([empty.eol, empty.newline, empty.finalNewline, empty.entries]).toEqual(['lf', '\n', true, []]);
  });
});
