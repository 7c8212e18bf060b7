/**
 * The one scanner behind both the highlighter (tokenize.ts) and the parser (parse.ts), so
 * what the operator sees coloured is exactly what the lint reasons about. It follows nginx's
 * ngx_conf_read_token (src/core/ngx_conf_file.c): `#` opens a comment only where a word could
 * start, quotes only count at the start of a word, `;` and `{` end an unquoted word but `}`
 * does not, `${` stays inside a word, and a backslash shields the next character.
 */

export type LexemeKind = 'space' | 'comment' | 'word' | 'semicolon' | 'open' | 'close';

export interface Lexeme {
  readonly kind: LexemeKind;
  /** Offsets into the text: text.slice(start, end) is the lexeme exactly. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  /** Words only: the opening quote, or null for an unquoted word. */
  readonly quote: '"' | "'" | null;
  /** Words only: the argument as nginx sees it (quotes removed, escapes resolved). */
  readonly value: string;
  /** False for a quoted word that runs to the end of the text without its closing quote. */
  readonly terminated: boolean;
}

export interface LexError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

/** nginx's escape rule: \" \' \\ become the character, \t \r \n control characters, anything else stays as typed. */
export function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    const next = raw[i + 1];
    if (ch === '\\' && next !== undefined) {
      const mapped = next === '"' || next === "'" || next === '\\' ? next : next === 't' ? '\t' : next === 'r' ? '\r' : next === 'n' ? '\n' : null;
      if (mapped !== null) {
        out += mapped;
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/** Splits the whole text into lexemes; never throws, and the lexemes cover the text without gaps. */
export function lex(text: string): { lexemes: Lexeme[]; errors: LexError[] } {
  const lexemes: Lexeme[] = [];
  const errors: LexError[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const push = (kind: LexemeKind, end: number, quote: '"' | "'" | null = null, value = '', terminated = true): void => {
    lexemes.push({ kind, start: i, end, line, column: i - lineStart + 1, quote, value, terminated });
    for (let j = i; j < end; j++) {
      if (text.charCodeAt(j) === 10) {
        line++;
        lineStart = j + 1;
      }
    }
    i = end;
  };

  while (i < text.length) {
    const ch = text[i] as string;
    if (isSpace(ch)) {
      let end = i + 1;
      while (end < text.length && isSpace(text[end])) end++;
      push('space', end);
    } else if (ch === '#') {
      const nl = text.indexOf('\n', i);
      push('comment', nl < 0 ? text.length : nl);
    } else if (ch === ';' || ch === '{' || ch === '}') {
      push(ch === ';' ? 'semicolon' : ch === '{' ? 'open' : 'close', i + 1);
    } else if (ch === '"' || ch === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== ch) end += text[end] === '\\' ? 2 : 1;
      const closed = end < text.length;
      const startLine = line;
      const startColumn = i - lineStart + 1;
      push('word', closed ? end + 1 : text.length, ch, unescape(text.slice(i + 1, Math.min(end, text.length))), closed);
      if (!closed) {
        errors.push({ line: startLine, column: startColumn, message: `unterminated ${ch === '"' ? 'double' : 'single'}-quoted string: the closing ${ch} is missing` });
      } else if (i < text.length && !isSpace(text[i]) && text[i] !== ';' && text[i] !== '{' && text[i] !== ')') {
        // nginx wants a separator after a closing quote; it refuses `"a"b` and `"a"}`.
        errors.push({ line, column: i - lineStart + 1, message: `unexpected "${text[i] as string}" right after a quoted string: put a space, ";" or "{" after the closing quote` });
      }
    } else {
      let end = i;
      let afterDollar = false;
      while (end < text.length) {
        const c = text[end] as string;
        if (c === '\\') {
          end += 2;
          afterDollar = false;
          continue;
        }
        if (isSpace(c) || c === ';' || (c === '{' && !afterDollar)) break;
        afterDollar = c === '$';
        end++;
      }
      end = Math.min(end, text.length);
      push('word', end, null, unescape(text.slice(i, end)));
    }
  }
  return { lexemes, errors };
}
