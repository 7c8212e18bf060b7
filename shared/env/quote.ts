/**
 * How a value is written so that dotenv reads back exactly that value (research/security.md §5).
 * dotenv has no escapes except `\n`/`\r` inside double quotes, so each style can carry only
 * some strings; a value none can carry is refused rather than silently changed.
 */
import type { Eol, QuoteChar } from './document';
import { readDotenvValues } from './read';

export type QuoteStyle = 'bare' | 'single' | 'double' | 'backtick';

/** In the rules' order of preference: bare, then single quotes (which also stop `$` expansion by other tools). */
export const QUOTE_STYLES: readonly QuoteStyle[] = ['bare', 'single', 'double', 'backtick'];

const BARE = /^[A-Za-z0-9_./:@,+=-]*$/;

export function styleOf(quote: QuoteChar | null): QuoteStyle {
  switch (quote) {
    case null:
      return 'bare';
    case "'":
      return 'single';
    case '"':
      return 'double';
    case '`':
      return 'backtick';
  }
}

/**
 * The value written in one style, or null when that style cannot carry it. `eol` is used for
 * line breaks inside backticks (dotenv reads CRLF and CR as LF there too).
 */
export function quoteAs(style: QuoteStyle, value: string, eol: Eol): string | null {
  switch (style) {
    case 'bare':
      return BARE.test(value) ? value : null;
    case 'single':
      return /['\r\n]/.test(value) ? null : `'${value}'`;
    case 'double':
      // dotenv expands every backslash-n/r inside double quotes, so a literal one cannot survive.
      return /"|\\[nr]/.test(value) ? null : `"${value.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
    case 'backtick':
      // A raw CR would be read as LF; an LF is written as a real line break.
      return /[`\r]/.test(value) ? null : `\`${value.replace(/\n/g, eol)}\``;
  }
}

/**
 * Forms outside the rules that dotenv still reads back for some values: a quote inside
 * quotes when the line falls through to dotenv's unquoted branch (outer quotes are stripped
 * anyway), `\'` inside single quotes, or a bare value with spaces. Only ever a last resort,
 * and only when the form reads back exactly on its own.
 */
function lastResortForms(value: string, eol: Eol): string[] {
  const escaped = value.replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const raw = value.replace(/\n/g, eol);
  const forms = [`'${raw}'`, `"${escaped}"`, `\`${raw}\``, value];
  return forms.filter((form) => readDotenvValues(`K=${form}\n`).get('K') === value);
}

/** Every way to write the value, the preferred style first (the line's own, when it can carry the value). */
export function quoteCandidates(value: string, eol: Eol, prefer: QuoteStyle | null = null): string[] {
  const order = prefer === null ? QUOTE_STYLES : [prefer, ...QUOTE_STYLES.filter((s) => s !== prefer)];
  const ruled = order.map((s) => quoteAs(s, value, eol)).filter((t): t is string => t !== null);
  return [...new Set([...ruled, ...(ruled.length > 0 ? [] : lastResortForms(value, eol))])];
}

/** Why no dotenv quoting can carry the value, or null when one can. */
export function unrepresentableReason(value: string): string | null {
  if (quoteCandidates(value, '\n').length > 0) return null;
  const kinds = ["'", '"', '`'].filter((q) => value.includes(q)).join(' ');
  const also = [value.includes('#') ? '#' : '', /[\r\n]/.test(value) ? 'a line break' : '', /\\[nr]/.test(value) ? 'the text \\n or \\r' : '']
    .filter((x) => x !== '')
    .join(', ');
  return `dotenv cannot read this value back exactly: it has ${kinds || 'no quotes'}${also ? ` together with ${also}` : ''}, and dotenv has no escapes for these. Change the value (for example drop one kind of quote).`;
}
