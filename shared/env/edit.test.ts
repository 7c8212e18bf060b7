import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { applyEdits, verifyValues } from './edit';

const FILE = [
  '# Sentinel Secure X',
  'export SENTINEL_ALLOWED_ORIGINS = * # tighten me',
  'SENTINEL_SECRET_KEY=\'dev-secret\'',
  '',
  'SENTINEL_SECRET_KEY="dev-secret-2"',
  'PEM="-----BEGIN-----',
  'AAA',
  '-----END-----"',
  'LAST=1',
  '',
].join('\n');

describe('applyEdits', () => {
  it('setting a key rewrites only the value of its last assignment, keeping export, spacing, quoting and the inline comment', () => {
    const { text, refused } = applyEdits(FILE, [
      { kind: 'set', key: 'SENTINEL_ALLOWED_ORIGINS', value: 'https://console.example' },
      { kind: 'set', key: 'SENTINEL_SECRET_KEY', value: 'fresh' },
    ]);
    expect(refused).toEqual([]);
    const lines = text.split('\n');
    expect(lines[1]).toBe('export SENTINEL_ALLOWED_ORIGINS = https://console.example # tighten me');
    // The earlier duplicate stays: dotenv reads the last one, and the operator may want the history.
    expect(lines[2]).toBe("SENTINEL_SECRET_KEY='dev-secret'");
    expect(lines[4]).toBe('SENTINEL_SECRET_KEY="fresh"');
    expect(lines.filter((_, i) => i !== 1 && i !== 4)).toEqual(FILE.split('\n').filter((_, i) => i !== 1 && i !== 4));
    expect(dotenv.parse(text)).toMatchObject({ SENTINEL_ALLOWED_ORIGINS: 'https://console.example', SENTINEL_SECRET_KEY: 'fresh', LAST: '1' });
  });

  it('removing a key removes every assignment of it, multi-line values included', () => {
    const { text } = applyEdits(FILE, [
      { kind: 'remove', key: 'SENTINEL_SECRET_KEY' },
      { kind: 'remove', key: 'PEM' },
    ]);
    expect(text).toBe(['# Sentinel Secure X', 'export SENTINEL_ALLOWED_ORIGINS = * # tighten me', '', 'LAST=1', ''].join('\n'));
  });

  it('adds a key at the end with the file line ending, and keeps a missing final newline missing', () => {
    expect(applyEdits('A=1\r\nB=2\r\n', [{ kind: 'set', key: 'NEW', value: 'x y' }]).text).toBe("A=1\r\nB=2\r\nNEW='x y'\r\n");
    expect(applyEdits('A=1\nB=2', [{ kind: 'set', key: 'NEW', value: 'v' }]).text).toBe('A=1\nB=2\nNEW=v');
    expect(applyEdits('A=1\nB=2', [{ kind: 'remove', key: 'B' }]).text).toBe('A=1');
    expect(applyEdits('', [{ kind: 'set', key: 'NEW', value: 'v' }]).text).toBe('NEW=v\n');
  });

  it('keeps a BOM and CRLF endings through edits', () => {
    const { text } = applyEdits('\uFEFFA=1\r\nB="x"\r\n', [{ kind: 'set', key: 'B', value: 'two\nlines' }, { kind: 'set', key: 'C', value: '3' }]);
    expect(text).toBe('\uFEFFA=1\r\nB="two\\nlines"\r\nC=3\r\n');
    expect(dotenv.parse(text)).toEqual({ A: '1', B: 'two\nlines', C: '3' });
  });

  it('never expands values: $VAR, ${VAR} and $(cmd) are written and read literally', () => {
    const value = '$HOME ${USER} $(id)';
    const { text } = applyEdits('', [{ kind: 'set', key: 'K', value }]);
    expect(text).toBe("K='$HOME ${USER} $(id)'\n");
    expect(dotenv.parse(text).K).toBe(value);
  });

  it('refuses a value no quoting can carry and a key dotenv would drop, applying the rest', () => {
    const { text, refused } = applyEdits('A=1\n', [
      { kind: 'set', key: 'A', value: `'"\`#` },
      { kind: 'set', key: 'BAD KEY', value: 'x' },
      { kind: 'set', key: 'B', value: '2' },
    ]);
    expect(refused.map((r) => r.key)).toEqual(['A', 'BAD KEY']);
    expect(refused[0]?.message).toMatch(/dotenv cannot read this value back exactly/);
    expect(refused[1]?.message).toMatch(/not a key dotenv reads/);
    expect(text).toBe('A=1\nB=2\n');
  });

  it('leaves the text byte-identical for edits that change nothing', () => {
    const { text } = applyEdits(FILE, [{ kind: 'set', key: 'LAST', value: '1' }, { kind: 'remove', key: 'ABSENT' }]);
    expect(text).toBe(FILE);
  });

  it('picks another quoting when the plain one would close an unclosed quote above, and moves the key to the top as a last resort', () => {
    const open = 'A="open\nB=plain\n';
    const quoted = applyEdits(open, [{ kind: 'set', key: 'B', value: 'say "hi"' }]);
    expect(dotenv.parse(quoted.text)).toEqual({ A: '"open', B: 'say "hi"' });
    // Only backticks can carry this value, and written in place its `" #` would close A's quote.
    const value = `it's " # odd`;
    const moved = applyEdits(open, [{ kind: 'set', key: 'B', value }]);
    expect(moved.refused).toEqual([]);
    expect(moved.text).toBe(`B=\`${value}\`\nA="open\n`);
    expect(dotenv.parse(moved.text)).toEqual({ A: '"open', B: value });
  });

  it('adds above a trailing dangling "KEY:" that would swallow an appended line', () => {
    const { text } = applyEdits('A=1\nDANGLING:', [{ kind: 'set', key: 'NEW', value: 'v' }]);
    expect(dotenv.parse(text)).toEqual({ A: '1', NEW: 'v' });
    expect(text).toBe('A=1\nNEW=v\nDANGLING:');
  });
});

describe('verifyValues', () => {
  it('names keys that differ, are missing or are extra', () => {
    expect(verifyValues('A=1\nB=2\nC=3\n', new Map([['A', '1'], ['B', 'x'], ['D', '4']]))).toEqual(['B', 'C', 'D']);
  });
});
