/**
 * Reads a `.env` file the way the dotenv npm package's `parse()` does (v16 to v18, the
 * classic line regex), so the console reports the values the platform's own tooling reads.
 * The line pattern is dotenv's (BSD-2-Clause, motdotla/dotenv lib/main.js), kept verbatim:
 * its quirks are the semantics. Rules it implements:
 *  - `KEY=value`, optional `export ` prefix, `KEY: value`; keys are `[\w.-]+`; other lines are ignored;
 *  - single, double and backtick quotes keep inner whitespace and `#`; values may span lines inside quotes;
 *  - only double-quoted values turn `\n` and `\r` into line breaks; no other escapes exist;
 *  - `#` ends an unquoted value (no space needed); unquoted values are trimmed;
 *  - an unterminated quote keeps the quote character; CR and CRLF count as LF; the last duplicate wins;
 *  - `$VAR` is never expanded.
 */
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

/** One assignment dotenv reads, with offsets into the LF-normalised text (the editor maps them back). */
export interface DotenvMatch {
  readonly key: string;
  readonly value: string;
  /** Where the regex match starts; leading whitespace may reach back over blank lines. */
  readonly start: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** The raw value group, untrimmed; an empty range right after the separator when there is none. */
  readonly rawStart: number;
  readonly rawEnd: number;
}

/** dotenv turns CR and CRLF into LF before matching; every offset below is into this form. */
export function normalizeEol(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The value dotenv derives from the raw value group: trimmed, outer quotes removed, `\n` expanded in double quotes. */
function dotenvValue(raw: string): string {
  let value = raw.trim();
  const quote = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

/**
 * Without a value group the separator is as short as it can be (`=` or `:` plus one
 * whitespace character): the lazy quantifiers leave the rest to the trailing `\s*`.
 */
function separatorEnd(text: string, keyEnd: number): number {
  if (text[keyEnd] === ':') return keyEnd + 2;
  return text.indexOf('=', keyEnd) + 1;
}

/** Every assignment in `normalized` (see normalizeEol), in file order, duplicates included. */
export function scanDotenv(normalized: string): DotenvMatch[] {
  // A fresh RegExp per call (the global pattern carries lastIndex); `d` adds group offsets only.
  const line = new RegExp(LINE.source, `${LINE.flags}d`);
  const found: DotenvMatch[] = [];
  for (let match = line.exec(normalized); match !== null; match = line.exec(normalized)) {
    const key = match[1] as string;
    const [keyStart, keyEnd] = match.indices?.[1] ?? [match.index, match.index + key.length];
    const rawRange = match.indices?.[2];
    const rawStart = rawRange ? rawRange[0] : separatorEnd(normalized, keyEnd);
    const rawEnd = rawRange ? rawRange[1] : rawStart;
    found.push({ key, value: dotenvValue(match[2] ?? ''), start: match.index, keyStart, keyEnd, rawStart, rawEnd });
  }
  return found;
}

/** Every key dotenv would set from `text`, each with its last assignment's value. */
export function readDotenvValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of scanDotenv(normalizeEol(text))) values.set(match.key, match.value);
  return values;
}
