/**
 * The line diff of two `.env` texts as an operator may see it: every value of a secret setting
 * is replaced by its mask on both sides, while the rows still say which lines changed (the diff
 * runs on the real text, so regenerating a secret of the same length still shows as changed).
 */
import { diffLines, type ConfigDiff } from '../util/line-diff';
import { parseEnvDocument } from './document';
import { normalizeEol } from './read';

export interface Masking {
  readonly isSecret: (key: string, value: string) => boolean;
  readonly mask: (value: string) => string;
}

/** The text's lines (BOM dropped, CR/CRLF as LF) with each secret value swapped for its mask; line count unchanged. */
export function maskedLines(text: string, masking: Masking): string[] {
  const model = parseEnvDocument(text);
  let out = '';
  let pos = 0;
  for (const a of model.assignments) {
    if (!masking.isSecret(a.key, a.value)) continue;
    const token = model.body.slice(a.tokenStart, a.tokenEnd);
    // A multi-line secret (a PEM block) keeps its line count, so line numbers stay true.
    const breaks = token.match(/\r\n|\r|\n/g)?.length ?? 0;
    out += model.body.slice(pos, a.tokenStart) + masking.mask(a.value) + '\n'.repeat(breaks);
    pos = a.tokenEnd;
  }
  return normalizeEol(out + model.body.slice(pos)).split('\n');
}

export function maskedDiff(before: string, after: string, masking: Masking): ConfigDiff {
  const plain = (t: string): string => normalizeEol(t.replace(/^\uFEFF/, ''));
  const diff = diffLines(plain(before), plain(after));
  const oldLines = maskedLines(before, masking);
  const newLines = maskedLines(after, masking);
  return {
    ...diff,
    rows: diff.rows.map((row) => ({
      ...row,
      oldText: row.oldLine === null ? null : (oldLines[row.oldLine - 1] ?? ''),
      newText: row.newLine === null ? null : (newLines[row.newLine - 1] ?? ''),
    })),
  };
}
