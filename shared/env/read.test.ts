import { describe, expect, it } from 'vitest';
import { readDotenvValues } from './read';

/**
 * dotenv's conformance fixture (motdotla/dotenv tests/.env, BSD-2-Clause) with the
 * expectations of its tests/test-parse.js; research/security.md §5 names it as the peer suite.
 */
const DOTENV_FIXTURE = `BASIC=basic

# previous line intentionally left blank
AFTER_LINE=after_line
EMPTY=
EMPTY_SINGLE_QUOTES=''
EMPTY_DOUBLE_QUOTES=""
EMPTY_BACKTICKS=\`\`
SINGLE_QUOTES='single_quotes'
SINGLE_QUOTES_SPACED='    single quotes    '
DOUBLE_QUOTES="double_quotes"
DOUBLE_QUOTES_SPACED="    double quotes    "
DOUBLE_QUOTES_INSIDE_SINGLE='double "quotes" work inside single quotes'
DOUBLE_QUOTES_WITH_NO_SPACE_BRACKET="{ port: $MONGOLAB_PORT}"
SINGLE_QUOTES_INSIDE_DOUBLE="single 'quotes' work inside double quotes"
BACKTICKS_INSIDE_SINGLE='\`backticks\` work inside single quotes'
BACKTICKS_INSIDE_DOUBLE="\`backticks\` work inside double quotes"
BACKTICKS=\`backticks\`
BACKTICKS_SPACED=\`    backticks    \`
DOUBLE_QUOTES_INSIDE_BACKTICKS=\`double "quotes" work inside backticks\`
SINGLE_QUOTES_INSIDE_BACKTICKS=\`single 'quotes' work inside backticks\`
DOUBLE_AND_SINGLE_QUOTES_INSIDE_BACKTICKS=\`double "quotes" and single 'quotes' work inside backticks\`
EXPAND_NEWLINES="expand\\nnew\\nlines"
DONT_EXPAND_UNQUOTED=dontexpand\\nnewlines
DONT_EXPAND_SQUOTED='dontexpand\\nnewlines'
# COMMENTS=work
INLINE_COMMENTS=inline comments # work #very #well
INLINE_COMMENTS_SINGLE_QUOTES='inline comments outside of #singlequotes' # work
INLINE_COMMENTS_DOUBLE_QUOTES="inline comments outside of #doublequotes" # work
INLINE_COMMENTS_BACKTICKS=\`inline comments outside of #backticks\` # work
INLINE_COMMENTS_SPACE=inline comments start with a#number sign. no space required.
EQUAL_SIGNS=equals==
RETAIN_INNER_QUOTES={"foo": "bar"}
RETAIN_INNER_QUOTES_AS_STRING='{"foo": "bar"}'
RETAIN_INNER_QUOTES_AS_BACKTICKS=\`{"foo": "bar's"}\`
TRIM_SPACE_FROM_UNQUOTED=    some spaced out string
USERNAME=therealnerdybeast@example.tld
    SPACED_KEY = parsed
EDGE_CASE_INLINE_COMMENTS="VALUE1" # or "VALUE2" or "VALUE3"
export EXPORT_EXAMPLE = ignore export
`;

const EXPECTED: Record<string, string> = {
  BASIC: 'basic',
  AFTER_LINE: 'after_line',
  EMPTY: '',
  EMPTY_SINGLE_QUOTES: '',
  EMPTY_DOUBLE_QUOTES: '',
  EMPTY_BACKTICKS: '',
  SINGLE_QUOTES: 'single_quotes',
  SINGLE_QUOTES_SPACED: '    single quotes    ',
  DOUBLE_QUOTES: 'double_quotes',
  DOUBLE_QUOTES_SPACED: '    double quotes    ',
  DOUBLE_QUOTES_INSIDE_SINGLE: 'double "quotes" work inside single quotes',
  DOUBLE_QUOTES_WITH_NO_SPACE_BRACKET: '{ port: $MONGOLAB_PORT}',
  SINGLE_QUOTES_INSIDE_DOUBLE: "single 'quotes' work inside double quotes",
  BACKTICKS_INSIDE_SINGLE: '`backticks` work inside single quotes',
  BACKTICKS_INSIDE_DOUBLE: '`backticks` work inside double quotes',
  BACKTICKS: 'backticks',
  BACKTICKS_SPACED: '    backticks    ',
  DOUBLE_QUOTES_INSIDE_BACKTICKS: 'double "quotes" work inside backticks',
  SINGLE_QUOTES_INSIDE_BACKTICKS: "single 'quotes' work inside backticks",
  DOUBLE_AND_SINGLE_QUOTES_INSIDE_BACKTICKS: "double \"quotes\" and single 'quotes' work inside backticks",
  EXPAND_NEWLINES: 'expand\nnew\nlines',
  DONT_EXPAND_UNQUOTED: 'dontexpand\\nnewlines',
  DONT_EXPAND_SQUOTED: 'dontexpand\\nnewlines',
  INLINE_COMMENTS: 'inline comments',
  INLINE_COMMENTS_SINGLE_QUOTES: 'inline comments outside of #singlequotes',
  INLINE_COMMENTS_DOUBLE_QUOTES: 'inline comments outside of #doublequotes',
  INLINE_COMMENTS_BACKTICKS: 'inline comments outside of #backticks',
  INLINE_COMMENTS_SPACE: 'inline comments start with a',
  EQUAL_SIGNS: 'equals==',
  RETAIN_INNER_QUOTES: '{"foo": "bar"}',
  RETAIN_INNER_QUOTES_AS_STRING: '{"foo": "bar"}',
  RETAIN_INNER_QUOTES_AS_BACKTICKS: '{"foo": "bar\'s"}',
  TRIM_SPACE_FROM_UNQUOTED: 'some spaced out string',
  USERNAME: 'therealnerdybeast@example.tld',
  SPACED_KEY: 'parsed',
  EDGE_CASE_INLINE_COMMENTS: 'VALUE1',
  EXPORT_EXAMPLE: 'ignore export',
};

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
