/**
 * Is a secret "a long random value" (seed 003)? Problems are described without quoting the value
 * or any part of it: these strings end up in messages, reports and logs.
 *
 * Entropy estimate: length × log2(alphabet), where the alphabet is 10 for digits only, 16 for hex
 * only, else the sum of the classes present (26 lower, 26 upper, 10 digits, 33 symbols). That is the
 * ceiling a generator using that alphabet would reach; it overrates human-chosen strings, so a
 * value must also have ≥ 3 bits of Shannon entropy per character (its own letter frequencies) and
 * no placeholder words, runs, sequences or repeated units. 32 hex characters (`openssl rand -hex 16`)
 * are 128 bits and pass; `secrets.token_urlsafe(32)` (43 characters) is 258.
 */

export const MIN_SECRET_LENGTH = 32;
export const MIN_SECRET_BITS = 128;
const MIN_SHANNON_PER_CHAR = 3;

/** Matched anywhere: long enough not to occur in a random string by chance. */
const PLACEHOLDERS_ANYWHERE = ['changeme', 'change-me', 'change_me', 'replaceme', 'replace-me', 'replace_me', 'placeholder', 'example', 'password', 'secret', 'insecure', 'default', 'sample', 'dummy', 'fixme', 'letmein', 'qwerty', 'admin'];
/** Matched only between non-letters: short words that random strings contain now and then. */
const PLACEHOLDER_WORDS = ['dev', 'test', 'demo', 'todo', 'xxx', 'foo', 'bar', 'your', 'key', 'pass', 'local'];

export interface SecretAssessment {
  readonly length: number;
  readonly bits: number;
  readonly shannonPerChar: number;
  /** Each a short phrase, never containing the value. Empty when the value is strong. */
  readonly problems: readonly string[];
}

function alphabetSize(value: string): number {
  if (/^[0-9]+$/.test(value)) return 10;
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 16;
  let size = 0;
  if (/[a-z]/.test(value)) size += 26;
  if (/[A-Z]/.test(value)) size += 26;
  if (/[0-9]/.test(value)) size += 10;
  if (/[^a-zA-Z0-9]/.test(value)) size += 33;
  return size;
}

export function shannonPerChar(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function hasPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDERS_ANYWHERE.some((w) => lower.includes(w))) return true;
  return PLACEHOLDER_WORDS.some((w) => new RegExp(`(^|[^a-z])${w}([^a-z]|$)`).test(lower));
}

/** Six or more steps of +1 or -1 in character code (abcdef, 123456, 987654). */
function hasSequence(value: string): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= 6 || down >= 6) return true;
  }
  return false;
}

/** Six identical characters in a row, or the whole value is a unit of up to 8 characters repeated. */
function hasRepetition(value: string): boolean {
  if (/(.)\1{5}/s.test(value)) return true;
  for (let unit = 1; unit <= 8 && unit * 2 <= value.length; unit++) {
    if (value === value.slice(0, unit).repeat(Math.ceil(value.length / unit)).slice(0, value.length)) return true;
  }
  return false;
}

export function assessSecret(value: string): SecretAssessment {
  const length = [...value].length;
  const bits = Math.round(length * Math.log2(Math.max(alphabetSize(value), 1)));
  const shannon = shannonPerChar(value);
  const problems: string[] = [];
  if (length === 0) return { length, bits: 0, shannonPerChar: 0, problems: ['is empty'] };
  if (length < MIN_SECRET_LENGTH) problems.push(`is ${length} characters long (at least ${MIN_SECRET_LENGTH} needed)`);
  if (bits < MIN_SECRET_BITS) problems.push(`has at most about ${bits} bits of entropy (at least ${MIN_SECRET_BITS} needed)`);
  if (shannon < MIN_SHANNON_PER_CHAR) problems.push(`repeats too few distinct characters (${shannon.toFixed(1)} bits per character)`);
  if (hasPlaceholder(value)) problems.push('contains a placeholder word');
  if (hasSequence(value)) problems.push('contains a run of sequential characters');
  if (hasRepetition(value)) problems.push('contains repeated characters');
  return { length, bits, shannonPerChar: shannon, problems };
}
