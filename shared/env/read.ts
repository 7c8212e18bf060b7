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

/** Every key dotenv would set from `text`, each with its last assignment's value. */
export function readDotenvValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  const lines = text.replace(/\r\n?/g, '\n');
  // A fresh RegExp per call: the global pattern carries lastIndex between exec() calls.
  const line = new RegExp(LINE.source, LINE.flags);
  for (let match = line.exec(lines); match !== null; match = line.exec(lines)) {
    const key = match[1] as string;
    let value = (match[2] ?? '').trim();
    const quote = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
    if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    values.set(key, value);
  }
  return values;
}
