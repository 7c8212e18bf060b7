import type { NginxDirective, ParseError, SourcePos } from '../types';
import { ALWAYS_BLOCK, beginsUnterminated, NEVER_BLOCK } from './known-directives';
import { lex, type Lexeme } from './lex';

/** Real configs nest a handful of levels; past this the blocks are skipped, not recursed into. */
export const MAX_NESTING = 50;
/** Larger than any sane config (the console's own limit for pasted text is 4 MiB). */
export const MAX_CONFIG_CHARS = 8 * 1024 * 1024;

interface MutableDirective {
  readonly name: string;
  readonly args: readonly string[];
  readonly pos: SourcePos;
  readonly block: NginxDirective[] | null;
}

interface Frame {
  readonly children: NginxDirective[];
  /** The opening directive's position and name; null for the file itself. */
  readonly opener: { readonly pos: SourcePos; readonly name: string } | null;
  /** Blocks past MAX_NESTING or without a name: parsed for balance, contents dropped. */
  readonly discard: boolean;
}

/**
 * Cuts one statement where a forgotten `;` joined two: before an unquoted word that starts
 * a new line and names a known directive (`listen 443⏎ server_name a;`).
 */
function splitStatement(text: string, words: readonly Lexeme[]): Lexeme[][] {
  const groups: Lexeme[][] = [[]];
  words.forEach((word, k) => {
    if (beginsUnterminated(text, words[k - 1], word)) groups.push([]);
    (groups[groups.length - 1] as Lexeme[]).push(word);
  });
  return groups;
}

/**
 * Parses one file into directives with nginx's rules (quotes removed, escapes resolved).
 * Syntax errors are collected with their line and parsing carries on: a missing `;` is
 * repaired where the next directive begins, a missing `}` closes at end of file, a stray `}`
 * is skipped. Iterative, so no input can exhaust the stack.
 */
export function parseNginx(text: string, file: string): { directives: NginxDirective[]; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const at = (l: { line: number; column: number }): SourcePos => ({ file, line: l.line, column: l.column });
  if (text.length > MAX_CONFIG_CHARS) {
    const message = `the file has ${text.length} characters, more than the ${MAX_CONFIG_CHARS} this reader accepts; split it with include`;
    return { directives: [], errors: [{ pos: { file, line: 1, column: 1 }, message }] };
  }
  const { lexemes, errors: lexErrors } = lex(text);
  for (const e of lexErrors) errors.push({ pos: at(e), message: e.message });

  const root: Frame = { children: [], opener: null, discard: false };
  const stack: Frame[] = [root];
  let words: Lexeme[] = [];
  const top = (): Frame => stack[stack.length - 1] as Frame;

  const directive = (group: readonly Lexeme[], block: NginxDirective[] | null): MutableDirective => {
    const [first, ...rest] = group as [Lexeme, ...Lexeme[]];
    return { name: first.value, args: rest.map((w) => w.value), pos: at(first), block };
  };
  /** Emits all but the last group as `;`-less simple directives and returns the last. */
  const flushSplit = (): Lexeme[] => {
    const groups = splitStatement(text, words);
    words = [];
    for (let g = 0; g < groups.length - 1; g++) {
      const d = directive(groups[g] as Lexeme[], null);
      const next = (groups[g + 1] as Lexeme[])[0] as Lexeme;
      errors.push({ pos: d.pos, message: `"${d.name}" directive is not terminated by ";" (the next line starts a "${next.value}" directive)` });
      if (!top().discard) top().children.push(d);
    }
    return groups[groups.length - 1] as Lexeme[];
  };
  const emitSimple = (): void => {
    const d = directive(flushSplit(), null);
    if (ALWAYS_BLOCK.has(d.name)) errors.push({ pos: d.pos, message: `"${d.name}" directive has no opening "{"` });
    if (!top().discard) top().children.push(d);
  };

  for (const lexeme of lexemes) {
    switch (lexeme.kind) {
      case 'space':
      case 'comment':
        break;
      case 'word':
        words.push(lexeme);
        break;
      case 'semicolon':
        if (words.length === 0) errors.push({ pos: at(lexeme), message: 'unexpected ";": there is no directive before it' });
        else emitSimple();
        break;
      case 'open': {
        if (words.length === 0) {
          errors.push({ pos: at(lexeme), message: 'unexpected "{": a block needs a directive name before it' });
          stack.push({ children: [], opener: { pos: at(lexeme), name: '{' }, discard: true });
          break;
        }
        const children: NginxDirective[] = [];
        const d = directive(flushSplit(), children);
        if (NEVER_BLOCK.has(d.name)) errors.push({ pos: d.pos, message: `"${d.name}" directive is not terminated by ";" (it is followed by "{")` });
        const tooDeep = stack.length > MAX_NESTING;
        if (tooDeep) errors.push({ pos: d.pos, message: `blocks nest deeper than ${MAX_NESTING} levels; the contents of "${d.name}" are skipped` });
        if (!top().discard) top().children.push(d);
        stack.push({ children, opener: { pos: d.pos, name: d.name }, discard: top().discard || tooDeep });
        break;
      }
      case 'close':
        if (words.length > 0) {
          const name = (words[0] as Lexeme).value;
          errors.push({ pos: at(words[0] as Lexeme), message: `"${name}" directive is not terminated by ";" before "}"` });
          const d = directive(flushSplit(), null);
          if (!top().discard) top().children.push(d);
        }
        if (stack.length === 1) errors.push({ pos: at(lexeme), message: 'unexpected "}": no block is open here' });
        else stack.pop();
        break;
    }
  }
  if (words.length > 0) {
    // After an unterminated quote the lexer's error already says why the statement never ends.
    if (words[words.length - 1]?.terminated !== false) {
      errors.push({ pos: at(words[0] as Lexeme), message: `unexpected end of file: "${(words[0] as Lexeme).value}" directive is not terminated by ";"` });
    }
    const d = directive(flushSplit(), null);
    if (!top().discard) top().children.push(d);
  }
  for (let k = stack.length - 1; k > 0; k--) {
    const opener = (stack[k] as Frame).opener;
    if (opener) errors.push({ pos: opener.pos, message: `unexpected end of file: the "${opener.name}" block opened here is never closed with "}"` });
  }
  errors.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  return { directives: root.children, errors };
}
