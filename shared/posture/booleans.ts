/**
 * How a `.env` boolean may be read by the platform. Sentinel Secure X is Python and how it parses
 * its flags is not published (sentinel-secure-x.md §7), so every value is judged under the two
 * readings Python code commonly uses:
 *  - strict: `value.lower() == "true"` (anything else is false) — the idiom shared/env/proxy-cross-check
 *    already assumes;
 *  - lenient: distutils `strtobool` / pydantic settings — y, yes, t, true, on, 1 and n, no, f, false,
 *    off, 0, any letter case; anything else raises.
 * A value passes a rule only when both readings satisfy it; `True`/`false` are canonical.
 */

const LENIENT_TRUE = new Set(['y', 'yes', 't', 'true', 'on', '1']);
const LENIENT_FALSE = new Set(['n', 'no', 'f', 'false', 'off', '0']);

export type BoolReading =
  | { readonly kind: 'missing' }
  | { readonly kind: 'empty' }
  /** Not a boolean under either reading. */
  | { readonly kind: 'invalid'; readonly raw: string }
  | { readonly kind: 'bool'; readonly strict: boolean; readonly lenient: boolean; readonly canonical: boolean; readonly raw: string };

export function readBool(value: string | undefined): BoolReading {
  if (value === undefined) return { kind: 'missing' };
  const raw = value.trim();
  if (raw === '') return { kind: 'empty' };
  const lower = raw.toLowerCase();
  const strict = lower === 'true';
  const canonical = lower === 'true' || lower === 'false';
  if (LENIENT_TRUE.has(lower)) return { kind: 'bool', strict, lenient: true, canonical, raw };
  if (LENIENT_FALSE.has(lower)) return { kind: 'bool', strict, lenient: false, canonical, raw };
  return { kind: 'invalid', raw };
}

/** What a boolean setting means against the value a rule expects. */
export type BoolJudgement =
  | 'ok'
  /** Both readings contradict the expectation. */
  | 'wrong'
  /** The operator's evident intent is right but a strict parser would read it otherwise. */
  | 'ambiguous'
  | 'missing'
  | 'invalid';

export function judgeBool(reading: BoolReading, expected: boolean): BoolJudgement {
  switch (reading.kind) {
    case 'missing':
    case 'empty':
      return 'missing';
    case 'invalid':
      return 'invalid';
    case 'bool':
      if (reading.strict === expected && reading.lenient === expected) return 'ok';
      // The lenient reading is what the operator meant by "yes"/"on"/"1".
      return reading.lenient === expected ? 'ambiguous' : 'wrong';
  }
}

/** Short quoted form for messages; booleans are never secrets, but cap the length anyway. */
export function quoted(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 37)}...` : raw);
}
