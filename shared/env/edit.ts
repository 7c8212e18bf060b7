/**
 * Applies queued edits to a `.env` text by splicing the original string, then proves the
 * result: dotenv must read every key of the new text exactly as intended (edited keys set,
 * removed keys gone, all others unchanged), or the edit is refused.
 *
 * Setting a key rewrites only the value of its last assignment (the one dotenv uses), keeping
 * the line's `export`, spacing, quoting style where the value allows, and inline comment;
 * earlier duplicates stay as they are, because last-wins makes them inert and the operator may
 * keep them on purpose. Removing a key removes every assignment of it. New keys go at the end.
 * Only when that would change how another line reads (an unclosed quote or a dangling `KEY:`
 * nearby) are other placements tried, the last being the key alone at the top of the file.
 */
import type { EnvEdit } from '../model/posture';
import { parseEnvDocument, type EnvAssignment, type EnvModel } from './document';
import { appendLines, applySplices, candidates, keepFinalNewline, lineSpan, search, withOp, type Splice } from './placement';
import { quoteCandidates, styleOf, unrepresentableReason } from './quote';
import { verifyValues } from './verify';

export { verifyValues };

export interface EnvRefusal {
  readonly key: string;
  readonly message: string;
}

export interface EditResult {
  readonly text: string;
  readonly refused: readonly EnvRefusal[];
  /** What dotenv must read from `text`: the original values with every applied edit. */
  readonly intended: ReadonlyMap<string, string>;
  /** dotenv reads `text` as `intended` (checked by parsing it again). */
  readonly verified: boolean;
}

type Op = EnvEdit;
const KEY = /^[\w.-]+$/;
const BOM = '\uFEFF';

function changes(model: EnvModel, op: Op): boolean {
  return op.kind === 'remove' ? model.values.has(op.key) : model.values.get(op.key) !== op.value;
}

/** All ops spliced into the original at once: the common case, one parse to verify. */
function applyAtOnce(model: EnvModel, ops: readonly Op[]): string | null {
  const splices: Splice[] = [];
  const appended: string[] = [];
  const byKey = new Map<string, EnvAssignment[]>();
  for (const a of model.assignments) {
    const list = byKey.get(a.key);
    if (list) list.push(a);
    else byKey.set(a.key, [a]);
  }
  for (const op of ops) {
    if (op.kind === 'remove') {
      for (const a of byKey.get(op.key) ?? []) splices.push(lineSpan(model, a));
      continue;
    }
    const last = byKey.get(op.key)?.at(-1);
    const token = quoteCandidates(op.value, model.newline, last ? styleOf(last.quote) : null)[0] as string;
    if (last) splices.push({ start: last.tokenStart, end: last.tokenEnd, text: token });
    else appended.push(`${op.key}=${token}`);
  }
  const body = applySplices(model.body, splices);
  return body === null ? null : (model.bom ? BOM : '') + keepFinalNewline(model, appendLines(body, appended, model.newline));
}

/** Applies `edits` in order; refused edits (bad key, unrepresentable value, no safe placement) are skipped and reported. */
export function applyEdits(source: EnvModel | string, edits: readonly EnvEdit[]): EditResult {
  const model = typeof source === 'string' ? parseEnvDocument(source) : source;
  const refused: EnvRefusal[] = [];
  // Edits to different keys commute and a later edit of a key overrides an earlier one, so one op per key suffices.
  const ops = new Map<string, Op>();
  for (const edit of edits) {
    if (!KEY.test(edit.key)) {
      refused.push({ key: edit.key, message: `"${edit.key}" is not a key dotenv reads: use letters, digits, _ . - only.` });
      continue;
    }
    const reason = edit.kind === 'set' ? unrepresentableReason(edit.value) : null;
    if (reason !== null) refused.push({ key: edit.key, message: reason });
    else ops.set(edit.key, edit);
  }
  const pending = [...ops.values()].filter((op) => changes(model, op));
  const intended = new Map(model.values);
  for (const op of pending) {
    if (op.kind === 'set') intended.set(op.key, op.value);
    else intended.delete(op.key);
  }
  const atOnce = applyAtOnce(model, pending);
  if (atOnce !== null && verifyValues(atOnce, intended).length === 0) return { text: atOnce, refused, intended, verified: true };

  // Something nearby reads differently after the plain splice (an unclosed quote that a new
  // quote would close): search op by op over every placement and quoting, removals first since
  // they take quotes away; keep whatever cannot be placed as a refusal.
  const ordered = [...pending.filter((op) => op.kind === 'remove'), ...pending.filter((op) => op.kind === 'set')];
  // Each step re-parses the whole text, so big files get fewer tries.
  const found = search(model, ordered, model, { left: Math.max(24, Math.min(400, Math.floor(2e7 / (model.body.length + 1)))) });
  if (found !== null) return { text: found, refused, intended, verified: true };
  let current = model;
  let reached: ReadonlyMap<string, string> = model.values;
  for (const op of ordered) {
    const expected = withOp(reached, op);
    const text = candidates(current, op, model).find((t) => verifyValues(t, expected).length === 0);
    if (text === undefined) refused.push({ key: op.key, message: contextRefusal(op.key) });
    else {
      current = parseEnvDocument(text);
      reached = expected;
    }
  }
  return { text: current.text, refused, intended: reached, verified: verifyValues(current.text, reached).length === 0 };
}

const contextRefusal = (key: string): string =>
  `Writing ${key} would change how dotenv reads other lines of this file (an unclosed quote or a dangling "KEY:" nearby), so it was not applied. Fix that line by hand first.`;

