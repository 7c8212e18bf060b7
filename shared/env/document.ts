/**
 * A lossless model of a `.env` file: the exact text split into physical lines (each with its
 * own line ending), plus every assignment dotenv reads, located in that text. Nothing is
 * re-serialised: edits splice the original string, so untouched bytes stay as they were.
 */
import type { EnvDocument, EnvEntry } from '../model/posture';
import { normalizeEol, scanDotenv } from './read';

export type Eol = '\n' | '\r\n' | '\r';
export type QuoteChar = "'" | '"' | '`';

export interface EnvLine {
  readonly text: string;
  /** '' only for the last segment (empty when the file ends with a line ending). */
  readonly eol: Eol | '';
}

export interface EnvAssignment {
  readonly key: string;
  readonly value: string;
  /** The quoting the value is written with, when it is a closed quote. */
  readonly quote: QuoteChar | null;
  /** 0-based physical lines of the key and of the end of the value as written. */
  readonly line: number;
  readonly endLine: number;
  /** Offsets into `body`: start of the statement on its key line, and the value as written (quotes included). */
  readonly statementStart: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly overridden: boolean;
}

export interface EnvModel {
  readonly text: string;
  readonly bom: boolean;
  /** The text without its BOM; every offset is into this. */
  readonly body: string;
  readonly lines: readonly EnvLine[];
  readonly lineStarts: readonly number[];
  readonly assignments: readonly EnvAssignment[];
  readonly entries: readonly EnvEntry[];
  /** What dotenv.parse returns: the last assignment of each key. */
  readonly values: ReadonlyMap<string, string>;
  readonly eol: EnvDocument['eol'];
  /** The line ending new lines get: the file's most frequent one. */
  readonly newline: Eol;
  /** The file ends with a line ending (an empty file counts as yes: new files get one). */
  readonly finalNewline: boolean;
}

const BOM = '\uFEFF';
const QUOTES: readonly string[] = ["'", '"', '`'];

function splitPhysicalLines(body: string): { lines: EnvLine[]; starts: number[] } {
  const lines: EnvLine[] = [];
  const starts: number[] = [];
  const breaks = /\r\n|\r|\n/g;
  let pos = 0;
  for (let m = breaks.exec(body); m !== null; m = breaks.exec(body)) {
    starts.push(pos);
    lines.push({ text: body.slice(pos, m.index), eol: m[0] as Eol });
    pos = m.index + m[0].length;
  }
  starts.push(pos);
  lines.push({ text: body.slice(pos), eol: '' });
  return { lines, starts };
}

function eolStyle(lines: readonly EnvLine[]): { eol: EnvDocument['eol']; newline: Eol } {
  const counts = new Map<Eol, number>([['\n', 0], ['\r\n', 0], ['\r', 0]]);
  for (const l of lines) if (l.eol !== '') counts.set(l.eol, (counts.get(l.eol) ?? 0) + 1);
  const [lf, crlf, cr] = [counts.get('\n') ?? 0, counts.get('\r\n') ?? 0, counts.get('\r') ?? 0];
  const eol = cr === 0 && crlf === 0 ? 'lf' : cr === 0 && lf === 0 ? 'crlf' : 'mixed';
  const newline: Eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { eol, newline };
}

/** Parses `text` into the lossless model; the assignments agree with dotenv.parse by construction (same scan). */
export function parseEnvDocument(text: string): EnvModel {
  const bom = text.startsWith(BOM);
  // dotenv's leading `\s*` swallows a BOM, so scanning the body alone reads the same.
  const body = bom ? text.slice(1) : text;
  const { lines, starts } = splitPhysicalLines(body);
  const normStarts: number[] = [];
  let n = 0;
  for (const l of lines) {
    normStarts.push(n);
    n += l.text.length + 1;
  }
  const lineOf = (p: number): number => {
    let lo = 0;
    let hi = normStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((normStarts[mid] ?? 0) <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // A normalised offset and its body offset differ only by the CRs dropped on earlier lines.
  const toBody = (p: number): number => {
    const i = lineOf(p);
    return (starts[i] ?? 0) + p - (normStarts[i] ?? 0);
  };
  const normalized = normalizeEol(body);
  const found = scanDotenv(normalized).map((m) => {
    const raw = normalized.slice(m.rawStart, m.rawEnd);
    const trimmed = raw.trim();
    const tokenStart = trimmed === '' ? m.rawStart : m.rawStart + raw.length - raw.trimStart().length;
    const tokenEnd = tokenStart + trimmed.length;
    const first = trimmed[0] ?? '';
    const quote = QUOTES.includes(first) && trimmed.length >= 2 && trimmed.endsWith(first) ? (first as QuoteChar) : null;
    const line = lineOf(m.keyStart);
    return {
      key: m.key,
      value: m.value,
      quote,
      line,
      endLine: lineOf(tokenEnd > tokenStart ? tokenEnd - 1 : tokenStart),
      statementStart: toBody(Math.max(m.start, normStarts[line] ?? 0)),
      tokenStart: toBody(tokenStart),
      tokenEnd: toBody(tokenEnd),
    };
  });
  const seen = new Set<string>();
  const assignments: EnvAssignment[] = [];
  for (let i = found.length - 1; i >= 0; i--) {
    const a = found[i] as Omit<EnvAssignment, 'overridden'>;
    assignments.push({ ...a, overridden: seen.has(a.key) });
    seen.add(a.key);
  }
  assignments.reverse();
  const values = new Map<string, string>();
  for (const a of assignments) values.set(a.key, a.value);
  const last = lines[lines.length - 1];
  return {
    text,
    bom,
    body,
    lines,
    lineStarts: starts,
    assignments,
    entries: assignments.map((a) => ({ key: a.key, value: a.value, line: a.line + 1, overridden: a.overridden })),
    values,
    ...eolStyle(lines),
    finalNewline: body === '' || (lines.length > 1 && last?.text === ''),
  };
}
