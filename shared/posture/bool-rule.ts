import type { ChecklistGroup, PostureProfile, RuleSeverity } from '../model/posture';
import { assertNever } from '../util/assert-never';
import { judgeBool, quoted, readBool } from './booleans';
import type { Rule, Verdict } from './rule-types';

/** A verdict on one boolean setting that should read as `expected`. */
export function boolVerdict(key: string, value: string | undefined, expected: boolean, wrongNote = ''): Verdict {
  const reading = readBool(value);
  const want = String(expected);
  const judgement = judgeBool(reading, expected);
  const shown = reading.kind === 'bool' || reading.kind === 'invalid' ? quoted(reading.raw) : '';
  switch (judgement) {
    case 'ok':
      return { key, outcome: 'ok', message: `${key} is ${shown}` };
    case 'wrong':
      return { key, outcome: 'bad', message: `${key} is ${shown}, not ${want}${wrongNote}`, recommended: want };
    case 'ambiguous':
      return {
        key,
        outcome: 'doubt',
        message: `${key} is ${shown}: strtobool-style parsing reads it as ${want}, a strict "== true" check as ${String(!expected)}; write ${want}`,
        recommended: want,
      };
    case 'missing':
      return {
        key,
        outcome: 'doubt',
        message: `${key} is ${reading.kind === 'empty' ? 'empty' : 'not set'}; the platform's default is not documented, so write ${want} explicitly`,
        recommended: want,
      };
    case 'invalid':
      return { key, outcome: 'malformed', message: `${key} is ${shown}, which is not a boolean; the platform may refuse it or read it as false; write ${want}`, recommended: want };
    default:
      return assertNever(judgement, 'boolean judgement');
  }
}

export interface BoolRuleSpec {
  readonly id: string;
  readonly group: ChecklistGroup;
  readonly key: string;
  readonly expected: boolean;
  readonly severity: Readonly<Record<PostureProfile, RuleSeverity>>;
  readonly reason: string;
  readonly fix?: string;
  readonly inferred?: boolean;
  /** Appended to the message when the value is wrong (e.g. the open-enrollment caveat). */
  readonly wrongNote?: string;
}

/** A named boolean that must read as `expected` under both parsings (see booleans.ts). */
export function boolRule(spec: BoolRuleSpec): Rule {
  const want = String(spec.expected);
  return {
    id: spec.id,
    group: spec.group,
    appliesTo: { kind: 'key', key: spec.key },
    severity: spec.severity,
    reason: spec.reason,
    fix: spec.fix ?? `Set ${spec.key}=${want} and restart the API.`,
    inferred: spec.inferred ?? false,
    recommended: want,
    check: ([key = spec.key], facts) => [boolVerdict(key, facts.values.get(key), spec.expected, spec.wrongNote ?? '')],
  };
}

/** Severity pairs used across the tables. */
export const sev = (production: RuleSeverity, development: RuleSeverity): Readonly<Record<PostureProfile, RuleSeverity>> => ({ production, development });
