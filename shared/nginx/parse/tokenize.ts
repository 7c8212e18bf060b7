import type { Token, TokenKind } from '../types';
import { beginsUnterminated } from './known-directives';
import { lex, type Lexeme } from './lex';

/** `$name`, `${name}` and regex captures `$1`, as nginx's script compiler reads them. */
const VARIABLE = /\$(?:\{[A-Za-z0-9_]+\}|[A-Za-z0-9_]+)/y;

interface Piece {
  readonly kind: TokenKind;
  readonly text: string;
}

/** A word's text cut into literal and variable pieces; backslash-escaped `$` stays literal. */
function splitVariables(raw: string, literal: TokenKind): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '\\') {
      i += 2;
      continue;
    }
    if (raw[i] === '$') {
      VARIABLE.lastIndex = i;
      const m = VARIABLE.exec(raw);
      if (m) {
        if (i > from) pieces.push({ kind: literal, text: raw.slice(from, i) });
        pieces.push({ kind: 'variable', text: m[0] });
        i += m[0].length;
        from = i;
        continue;
      }
    }
    i++;
  }
  if (from < raw.length) pieces.push({ kind: literal, text: raw.slice(from) });
  return pieces;
}

function piecesOf(lexeme: Lexeme, raw: string, firstInStatement: boolean): Piece[] {
  switch (lexeme.kind) {
    case 'space':
      return [{ kind: 'whitespace', text: raw }];
    case 'comment':
      return [{ kind: 'comment', text: raw }];
    case 'semicolon':
    case 'open':
    case 'close':
      return [{ kind: 'punctuation', text: raw }];
    case 'word':
      if (firstInStatement) return [{ kind: 'directive', text: raw }];
      return splitVariables(raw, lexeme.quote === null ? 'argument' : 'string');
  }
}

/**
 * Lossless tokens for highlighting: joining every token's text gives the input back exactly.
 * The first word of each statement is the directive (also where the parser assumes a
 * forgotten `;`); `$variables` inside arguments and
 * strings get their own tokens. Lines and columns are 1-based.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousWord: Lexeme | undefined;
  for (const lexeme of lex(text).lexemes) {
    let line = lexeme.line;
    let column = lexeme.column;
    const first = lexeme.kind === 'word' && (previousWord === undefined || beginsUnterminated(text, previousWord, lexeme));
    for (const piece of piecesOf(lexeme, text.slice(lexeme.start, lexeme.end), first)) {
      tokens.push({ kind: piece.kind, text: piece.text, line, column });
      for (const ch of piece.text) {
        if (ch === '\n') {
          line++;
          column = 1;
        } else column += ch.length;
      }
    }
    if (lexeme.kind === 'word') previousWord = lexeme;
    else if (lexeme.kind !== 'space' && lexeme.kind !== 'comment') previousWord = undefined;
  }
  return tokens;
}
