/**
 * Where and how one edit can be written when the plain splice would change how another line
 * reads: every quoting, other places for a new key, the key moved to the top, a removal that
 * keeps the line. Each candidate is checked by the caller against dotenv's reading.
 */
import type { EnvEdit } from '../model/posture';
import { parseEnvDocument, type EnvAssignment, type EnvModel } from './document';
import { quoteCandidates, styleOf } from './quote';
import { verifyValues } from './verify';

const BOM = '\uFEFF';

export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The original file's line-ending conventions; kept through every intermediate text. */
export type Style = Pick<EnvModel, 'newline' | 'finalNewline'>;

/** The body with each splice applied; null when two overlap. */
export function applySplices(body: string, splices: readonly Splice[]): string | null {
  const sorted = [...splices].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) return null;
    out += body.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  return out + body.slice(pos);
}

export function appendLines(body: string, lines: readonly string[], eol: string): string {
  if (lines.length === 0) return body;
  const head = body === '' || /[\r\n]$/.test(body) ? body : body + eol;
  return head + lines.map((l) => l + eol).join('');
}

/** The file's convention for its last line ending survives deletions and appends. */
export function keepFinalNewline(style: Style, body: string): string {
  if (!style.finalNewline) return body.replace(/(?:\r\n|\r|\n)$/, '');
  return body === '' || /[\r\n]$/.test(body) ? body : body + style.newline;
}

const lastOf = (model: EnvModel, key: string): EnvAssignment | undefined => model.assignments.filter((a) => a.key === key).at(-1);

/** Whole lines of the assignment, its line ending included. */
export function lineSpan(model: EnvModel, a: EnvAssignment): Splice {
  return { start: model.lineStarts[a.line] ?? 0, end: model.lineStarts[a.endLine + 1] ?? model.body.length, text: '' };
}

/**
 * Every way to write one op into the model's text: each quoting; for a new key a blank line
 * before it or a place above the last line (a dangling `KEY:` there would swallow it), and the
 * top of the file; deleting only the statement rather than its lines; with and without the
 * final-newline convention.
 */
export function candidates(model: EnvModel, op: EnvEdit, style: Style): string[] {
  const bodies: string[] = [];
  if (op.kind === 'remove') {
    const all = model.assignments.filter((a) => a.key === op.key);
    const variants = [all.map((a) => lineSpan(model, a)), all.map((a) => ({ start: a.statementStart, end: a.tokenEnd, text: '' }))];
    for (const splices of variants) {
      const body = applySplices(model.body, splices);
      if (body !== null) bodies.push(body);
    }
  } else {
    const last = lastOf(model, op.key);
    const tokens = quoteCandidates(op.value, style.newline, last ? styleOf(last.quote) : null);
    const all = model.assignments.filter((a) => a.key === op.key);
    const without = applySplices(model.body, all.map((a) => lineSpan(model, a))) ?? model.body;
    for (const token of tokens) {
      const line = `${op.key}=${token}`;
      if (last) bodies.push(`${model.body.slice(0, last.tokenStart)}${token}${model.body.slice(last.tokenEnd)}`);
      else {
        // A trailing dangling "KEY:" or open quote would swallow an appended line: then just above that last line.
        const lastLine = model.lines.findLastIndex((l) => l.text.trim() !== '');
        const at = model.lineStarts[Math.max(lastLine, 0)] ?? 0;
        const above = `${model.body.slice(0, at)}${line}${style.newline}${model.body.slice(at)}`;
        bodies.push(appendLines(model.body, [line], style.newline), appendLines(model.body, ['', line], style.newline), above);
      }
    }
    // Last resort: the key moves to the top, where no unclosed quote or dangling "KEY:" above can swallow it.
    for (const token of tokens) bodies.push(`${op.key}=${token}${style.newline}${without}`);
  }
  const finished = bodies.flatMap((b) => [keepFinalNewline(style, b), b]);
  return [...new Set(finished)].map((b) => (model.bom ? BOM : '') + b);
}

export function withOp(values: ReadonlyMap<string, string>, op: EnvEdit): Map<string, string> {
  const next = new Map(values);
  if (op.kind === 'set') next.set(op.key, op.value);
  else next.delete(op.key);
  return next;
}

/** Depth-first over each op's candidates, every step verified against dotenv's reading; null when the budget runs out. */
export function search(model: EnvModel, ops: readonly EnvEdit[], style: Style, budget: { left: number }): string | null {
  const [op, ...rest] = ops;
  if (op === undefined) return model.text;
  const expected = withOp(model.values, op);
  for (const text of candidates(model, op, style)) {
    if (budget.left-- <= 0) return null;
    if (verifyValues(text, expected).length > 0) continue;
    const done = search(parseEnvDocument(text), rest, style, budget);
    if (done !== null) return done;
  }
  return null;
}
