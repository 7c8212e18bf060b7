import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { quoteCandidates, unrepresentableReason } from './quote';

const readsBack = (token: string, value: string): boolean => dotenv.parse(`K=${token}\n`).K === value;

describe('quoteCandidates', () => {
  it.each([
    ['plain-value_1.2:3@x,y+z=/', 'plain-value_1.2:3@x,y+z=/'],
    ['', ''],
    ['with space', "'with space'"],
    ['$HOME and ${X} stay literal', "'$HOME and ${X} stay literal'"],
    ['C:\\temp\\new', "'C:\\temp\\new'"],
    ['a # not a comment', "'a # not a comment'"],
    ["it's", `"it's"`],
    ['line one\nline two', '"line one\\nline two"'],
    ['ends with a backslash \\', "'ends with a backslash \\'"],
    [`it's "quoted"`, `\`it's "quoted"\``],
    ["it's\nC:\\new", "`it's\nC:\\new`"],
    ['ünïcødé 🙂 \u2028', "'ünïcødé 🙂 \u2028'"],
  ])('writes %j as %s, which dotenv reads back exactly', (value, token) => {
    const [first] = quoteCandidates(value, '\n');
    expect(first).toBe(token);
    expect(readsBack(first as string, value)).toBe(true);
  });

  it('keeps the preferred style when the value allows it, and every candidate reads back', () => {
    expect(quoteCandidates('abc', '\n', 'double')[0]).toBe('"abc"');
    expect(quoteCandidates('abc', '\n', 'backtick')[0]).toBe('`abc`');
    expect(quoteCandidates("it's", '\n', 'single')[0]).toBe(`"it's"`);
    for (const value of ['x', 'a b', "it's", 'two\nlines', 'cr\rhere']) {
      for (const token of quoteCandidates(value, '\n')) expect(readsBack(token, value)).toBe(true);
    }
  });

  it('writes line breaks inside backticks with the file line ending (dotenv reads CRLF as LF)', () => {
    const [token] = quoteCandidates(`it's "x"\ny`, '\r\n');
    expect(token).toBe(`\`it's "x"\r\ny\``);
    expect(dotenv.parse(`K=${token}\r\n`).K).toBe(`it's "x"\ny`);
  });

  it('falls back to forms outside the rules only when dotenv still reads them back', () => {
    const value = `a'b"c\`d`;
    const tokens = quoteCandidates(value, '\n');
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(readsBack(token, value)).toBe(true);
  });
});

describe('unrepresentableReason', () => {
  it('refuses values no quoting can carry, and says why', () => {
    for (const value of [`'"\`#`, `'"\`\n#`, `x'y"z\`\r #`, `'"\`\\n and #`, `'"\`\\n\n`]) {
      expect(unrepresentableReason(value)).toMatch(/dotenv cannot read this value back exactly/);
      const escaped = `"${value.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
      for (const form of [value, `'${value}'`, `"${value}"`, escaped, `\`${value}\``]) expect(readsBack(form, value)).toBe(false);
    }
  });

  it('accepts everything a quoting can carry', () => {
    for (const value of ['', 'x', `it's "x"`, 'a\nb', '\\n literal', 'tab\there', '#hash']) expect(unrepresentableReason(value)).toBeNull();
  });
});
