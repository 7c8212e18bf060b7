import { describe, expect, it } from 'vitest';
import { DIFF_LIMITS, diffLines, type ConfigDiff } from './line-diff';

/** Rebuilds both texts' lines from the rows: every row must account for its lines, in order. */
function sides(diff: ConfigDiff): { old: string[]; new: string[] } {
  const old: string[] = [];
  const neu: string[] = [];
  let misnumbered = 0;
  for (const row of diff.rows) {
    if (row.oldLine !== null) {
      if (row.oldLine !== old.length + 1) misnumbered++;
      old.push(row.oldText ?? '');
    }
    if (row.newLine !== null) {
      if (row.newLine !== neu.length + 1) misnumbered++;
      neu.push(row.newText ?? '');
    }
  }
  expect(misnumbered).toBe(0);
  return { old, new: neu };
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** Classic O(nm) LCS length, as an independent oracle for minimality on small inputs. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = [0];
    for (let j = 0; j < b.length; j++) cur.push(x === b[j] ? (prev[j] ?? 0) + 1 : Math.max(prev[j + 1] ?? 0, cur[j] ?? 0));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('diffLines', () => {
  it('reports identical text as identical, every row the same line on both sides', () => {
    const text = 'server {\n    listen 443 ssl;\n}\n';
    const diff = diffLines(text, text);
    expect(diff).toMatchObject({ identical: true, added: 0, removed: 0 });
    expect(diff.rows.map((r) => [r.kind, r.oldLine, r.newLine])).toEqual([
      ['same', 1, 1],
      ['same', 2, 2],
      ['same', 3, 3],
    ]);
  });

  it('shows a file that is not deployed yet as all additions', () => {
    const diff = diffLines('', 'a\nb\n');
    expect(diff).toMatchObject({ identical: false, added: 2, removed: 0 });
    expect(diff.rows).toEqual([
      { kind: 'added', oldLine: null, newLine: 1, oldText: null, newText: 'a' },
      { kind: 'added', oldLine: null, newLine: 2, oldText: null, newText: 'b' },
    ]);
    expect(diffLines('a\n', '')).toMatchObject({ added: 0, removed: 1, rows: [{ kind: 'removed', oldLine: 1, newLine: null }] });
  });

  it('pairs a replaced line as one changed row between unchanged neighbours', () => {
    const diff = diffLines('a\nssl_verify_depth 1;\nc\n', 'a\nssl_verify_depth 2;\nc\n');
    expect(diff).toMatchObject({ identical: false, added: 1, removed: 1 });
    expect(diff.rows[1]).toEqual({ kind: 'changed', oldLine: 2, newLine: 2, oldText: 'ssl_verify_depth 1;', newText: 'ssl_verify_depth 2;' });
    expect(diff.rows.map((r) => r.kind)).toEqual(['same', 'changed', 'same']);
  });

  it('pairs removed and added lines in order and leaves the surplus unpaired', () => {
    const diff = diffLines('keep\nr1\nr2\nr3\nend\n', 'keep\na1\na2\nend\n');
    expect(diff.rows.map((r) => [r.kind, r.oldText, r.newText])).toEqual([
      ['same', 'keep', 'keep'],
      ['changed', 'r1', 'a1'],
      ['changed', 'r2', 'a2'],
      ['removed', 'r3', null],
      ['same', 'end', 'end'],
    ]);
  });

  it('places an inserted block where it belongs, numbering both sides', () => {
    const diff = diffLines('a\nb\nc\n', 'a\nx\ny\nb\nc\n');
    expect(diff.rows.map((r) => [r.kind, r.oldLine, r.newLine])).toEqual([
      ['same', 1, 1],
      ['added', null, 2],
      ['added', null, 3],
      ['same', 2, 4],
      ['same', 3, 5],
    ]);
  });

  it('never calls texts identical when only the final newline or line endings differ', () => {
    const noFinal = diffLines('a\nb\n', 'a\nb');
    expect(noFinal.identical).toBe(false);
    expect(noFinal.rows.map((r) => r.kind)).toEqual(['same', 'changed']);
    expect(diffLines('a\nb\n', 'a\r\nb\r\n').identical).toBe(false);
  });

  it('finds a shortest edit script on random inputs (checked against LCS) and rebuilds both sides', () => {
    const rand = prng(7);
    for (let round = 0; round < 300; round++) {
      const make = (): string =>
        Array.from({ length: Math.floor(rand() * 30) }, () => 'abcde'[Math.floor(rand() * 5)] ?? 'a').join('\n') + (rand() < 0.5 ? '\n' : '');
      const a = make();
      const b = make();
      const diff = diffLines(a, b);
      const rebuilt = sides(diff);
      expect(rebuilt.old).toEqual(lines(a));
      expect(rebuilt.new).toEqual(lines(b));
      const same = diff.rows.filter((r) => r.kind === 'same').length;
      const lcs = lcsLength(lines(a), lines(b));
      // Minimal: as many unchanged lines as the LCS. A last line without "\n" only matches the other
      // text's last line without "\n", which can cost that one pair.
      expect(same).toBeLessThanOrEqual(lcs);
      expect(same).toBeGreaterThanOrEqual(a.endsWith('\n') && b.endsWith('\n') ? lcs : lcs - 1);
      expect(diff.removed).toBe(lines(a).length - same);
      expect(diff.added).toBe(lines(b).length - same);
      expect(diff.identical).toBe(a === b);
    }
  });

  it('stays exact on a large config with a few edits', () => {
    const base = Array.from({ length: 100_000 }, (_, i) => `line ${i};`);
    const edited = base.slice();
    edited[10] = 'changed 10;';
    edited.splice(50_000, 1);
    edited.splice(90_000, 0, 'inserted;');
    const diff = diffLines(base.join('\n') + '\n', edited.join('\n') + '\n');
    expect(diff).toMatchObject({ added: 2, removed: 2 });
    expect(diff.rows.filter((r) => r.kind !== 'same').map((r) => [r.kind, r.oldLine, r.newLine])).toEqual([
      ['changed', 11, 11],
      ['removed', 50_001, null],
      ['added', null, 90_001],
    ]);
  });

  it('falls back to one replaced block instead of blowing up when the texts share nothing', () => {
    const size = DIFF_LIMITS.maxEditDistance * 4;
    const a = Array.from({ length: size }, (_, i) => `old ${i}`).join('\n');
    const b = Array.from({ length: size }, (_, i) => `new ${i}`).join('\n');
    const started = performance.now();
    const diff = diffLines(`head\n${a}\ntail\n`, `head\n${b}\ntail\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(diff).toMatchObject({ identical: false, added: size, removed: size });
    expect(diff.rows[0]?.kind).toBe('same');
    expect(diff.rows.at(-1)?.kind).toBe('same');
    expect(diff.rows.slice(1, -1).every((r) => r.kind === 'changed')).toBe(true);
    const rebuilt = sides(diff);
    expect(rebuilt.old.length).toBe(size + 2);
    expect(rebuilt.new[1]).toBe('new 0');
  });

  it('handles a 200 000-line replacement within bounds', () => {
    const a = Array.from({ length: 200_000 }, (_, i) => `a${i % 7}`).join('\n');
    const b = Array.from({ length: 200_000 }, (_, i) => `a${i % 11}`).join('\n');
    const started = performance.now();
    const diff = diffLines(a, b);
    expect(performance.now() - started).toBeLessThan(10_000);
    const rebuilt = sides(diff);
    expect(rebuilt.old.length).toBe(200_000);
    expect(rebuilt.new.length).toBe(200_000);
  });
});
