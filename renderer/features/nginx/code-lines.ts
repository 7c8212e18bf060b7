import { tokenize } from '../../../shared/nginx/parse/tokenize';
import type { Token, TokenKind } from '../../../shared/nginx/types';

/** One highlighted run of text inside a single line. */
export interface LinePiece {
  readonly kind: TokenKind;
  readonly text: string;
}

/** A pasted config can be megabytes; past this many lines the view stops and says so. */
export const MAX_VIEW_LINES = 5000;

/**
 * Tokens re-cut at newlines, so each line renders on its own (a comment or whitespace token
 * may span lines). Lossless: joining the pieces with '\n' gives back the text.
 */
export function splitLines(tokens: readonly Token[]): LinePiece[][] {
  const lines: LinePiece[][] = [[]];
  for (const token of tokens) {
    const parts = token.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      // Windows line ends would show as stray glyphs; the line break itself carries them.
      const text = i < parts.length - 1 && part.endsWith('\r') ? part.slice(0, -1) : part;
      if (text !== '') lines[lines.length - 1]?.push({ kind: token.kind, text });
    });
  }
  return lines;
}

export interface CodeLines {
  readonly lines: readonly (readonly LinePiece[])[];
  readonly totalLines: number;
}

/** The text as highlighted lines, at most MAX_VIEW_LINES of them. */
export function codeLines(text: string, maxLines = MAX_VIEW_LINES): CodeLines {
  let cut = -1;
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (count === maxLines && cut === -1) cut = i;
    count += 1;
  }
  const shown = cut === -1 ? text : text.slice(0, cut);
  const lines = splitLines(tokenize(shown));
  // A final newline ends the last line rather than starting an empty one.
  if (lines.length > 1 && lines[lines.length - 1]?.length === 0 && shown.endsWith('\n')) lines.pop();
  const totalLines = text.endsWith('\n') ? count - 1 : count;
  return { lines, totalLines: Math.max(totalLines, lines.length) };
}
