/**
 * Test-only: a seeded generator of hostile but plausible `.env` files and of edits, for the
 * property tests. A failure names its case and seed; ENV_PROPERTY_SEED=<seed> replays it.
 */
import type { EnvEdit } from '../model/posture';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const chars = (r: Rand, pool: readonly string[], max: number): string => Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(r, pool)).join('');

const KEYS = ['A', 'B', 'KEY_1', 'db.url', 'x-y', 'SENTINEL_SECRET_KEY', '9LEAD', 'export', 'Z'];
const PLAIN = [...'abcXYZ019_-./:@,+='];
const NASTY = [' ', '\t', "'", '"', '`', '#', '$', '\\', 'n', 'r', '{', '}', '=', ':', 'é', '日', '🙂', '\u00a0', '\u2028'];

/** A value an operator might type: mostly plain, often with quotes, newlines, #, $, backslashes, unicode. */
export function genValue(r: Rand): string {
  const k = r();
  if (k < 0.2) return chars(r, PLAIN, 12);
  if (k < 0.25) return chars(r, [...PLAIN, '-', '_'], 60);
  // Often beyond every quoting: all three quotes with a # or a line break.
  if (k < 0.32) return [..."'\"`", pick(r, ['#', '\n', ' ']), ...chars(r, PLAIN, 4)].sort(() => r() - 0.5).join('');
  return chars(r, [...PLAIN, ...PLAIN, ...NASTY, '\n', '\r'], 14);
}

function genQuotedContent(r: Rand, quote: string, eol: () => string): string {
  const pool = [...PLAIN, ...NASTY, 'EOL'].filter((c) => c !== quote);
  return Array.from({ length: Math.floor(r() * 12) }, () => {
    const c = pick(r, pool);
    return c === 'EOL' ? eol() : c;
  }).join('');
}

function genAssignment(r: Rand, eol: () => string): string {
  const indent = pick(r, ['', '', '', '  ', '\t']);
  const exp = pick(r, ['', '', '', 'export ', 'export  ']);
  const sep = pick(r, ['=', '=', '=', ' = ', '= ', ' =', ': ']);
  const q = pick(r, ['bare', 'bare', 'single', 'double', 'backtick', 'empty', 'unterminated']);
  let value: string;
  if (q === 'bare') value = chars(r, [...PLAIN, ' ', '"', "'", '$', '\\', 'n', 'é'], 10);
  else if (q === 'empty') value = '';
  else if (q === 'unterminated') value = pick(r, ['"', "'", '`']) + chars(r, PLAIN, 6);
  else {
    const quote = q === 'single' ? "'" : q === 'double' ? '"' : '`';
    value = quote + genQuotedContent(r, quote, eol) + quote;
  }
  const trail = pick(r, ['', '', '', '  ', ' # note', '#x', ' # "q" \'s']);
  return `${indent}${exp}${pick(r, KEYS)}${sep}${value}${trail}`;
}

/** A hostile but plausible `.env`: comments, blanks, export, every quoting, multi-line values, junk, LF/CRLF/CR/mixed EOLs, BOM, duplicates. */
export function genEnvFile(r: Rand): string {
  // Mixed means LF with CRLF: a lone CR beside a lone LF is ambiguous (dotenv reads CR LF as one break), so CR files are CR only.
  const mode = pick(r, ['\n', '\n', '\r\n', '\r', 'mixed'] as const);
  const eol = (): string => (mode === 'mixed' ? pick(r, ['\n', '\r\n']) : mode);
  const lines = Array.from({ length: Math.floor(r() * 12) }, () => {
    const k = r();
    if (k < 0.1) return pick(r, ['', '   ', '\t']);
    if (k < 0.22) return `${pick(r, ['', '  '])}#${chars(r, [...PLAIN, ...NASTY], 12)}`;
    if (k < 0.3) return pick(r, ['SPACE IN KEY=v', '=novalue', 'just words', 'DANGLING:', 'export', '"open', 'K:v', "A='x'y"]);
    return genAssignment(r, eol);
  });
  const body = lines.map((l) => l + eol()).join('');
  const cut = r() < 0.3 ? body.replace(/(?:\r\n|\r|\n)$/, '') : body;
  return (r() < 0.2 ? '\uFEFF' : '') + cut;
}

export function genEdits(r: Rand, present: readonly string[]): EnvEdit[] {
  return Array.from({ length: 1 + Math.floor(r() * 4) }, (): EnvEdit => {
    const key = present.length > 0 && r() < 0.6 ? pick(r, present) : pick(r, [...KEYS, 'NEW_KEY', 'new.one']);
    return r() < 0.2 ? { kind: 'remove', key } : { kind: 'set', key, value: genValue(r) };
  });
}
