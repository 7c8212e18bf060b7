/**
 * Characters that would change the meaning of an nginx config if pasted into a directive.
 * Values are refused, never escaped: an escaped value is still a value the operator did not
 * mean, and nginx's quoting rules differ between directives.
 */

const NAMED: Readonly<Record<string, string>> = {
  ';': '";" (semicolon), which ends an nginx directive',
  '{': '"{" (brace), which opens an nginx block',
  '}': '"}" (brace), which closes an nginx block',
  '"': "'\"' (double quote), which starts an nginx quoted string",
  "'": `"'" (single quote), which starts an nginx quoted string`,
  '\\': '"\\" (backslash), which nginx reads as an escape',
  '#': '"#", which starts an nginx comment',
  $: '"$", which starts an nginx variable',
  ' ': 'a space, which separates nginx arguments',
  '\t': 'a tab, which separates nginx arguments',
  '\n': 'a line break, which ends the line in the config',
  '\r': 'a carriage return, which ends the line in the config',
};

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** C0/C1 controls, DEL, line/paragraph separators and bidi overrides that hide what a line says. */
function isInvisibleControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Describes the first character of `value` that could inject nginx syntax, or null when there is none. */
export function unsafeCharacter(value: string): string | null {
  for (const ch of value) {
    const named = NAMED[ch];
    if (named !== undefined) return named;
    const code = ch.codePointAt(0) ?? 0;
    if (isInvisibleControl(code)) return `the control character ${hex(code)}, which has no place in a config value`;
  }
  return null;
}

/** The field message for an unsafe character, naming what the user typed. */
export function unsafeMessage(label: string, description: string): string {
  return `${label} contains ${description}. Values are not escaped: remove it.`;
}
