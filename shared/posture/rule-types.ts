import type { ChecklistGroup, EnvEntry, PathFacts, PostureProfile, ProxyMode, RuleSeverity, RuleStatus } from '../model/posture';
import { assertNever } from '../util/assert-never';

/** What a check concluded about one key (or the file); the audit turns it into a status by profile. */
export type Outcome =
  | 'ok'
  /** Violates the rule: fail or warn by the profile's severity. */
  | 'bad'
  /** Cannot be confirmed (not set, ambiguous spelling, mode unknown): warn unless the severity is info. */
  | 'doubt'
  /** Not even the right kind of value (a non-boolean): at least warn in every profile. */
  | 'malformed'
  | 'unchecked';

export interface Verdict {
  readonly key: string | null;
  readonly outcome: Outcome;
  /** Never contains a secret value. */
  readonly message: string;
  readonly fix?: string;
  readonly recommended?: string | 'generate' | null;
  /** For rules about arbitrary keys (unknown, duplicated): the group the key's name suggests. */
  readonly group?: ChecklistGroup;
}

export interface AuditFacts {
  readonly values: ReadonlyMap<string, string>;
  readonly entries: readonly EnvEntry[];
  readonly profile: PostureProfile;
  readonly proxyMode: ProxyMode;
  readonly paths: ReadonlyMap<string, PathFacts>;
}

export type AppliesTo =
  | { readonly kind: 'key'; readonly key: string }
  | {
      readonly kind: 'pattern';
      /** For people: e.g. "SENTINEL_*CRL*". */
      readonly describe: string;
      readonly matches: (key: string, value: string) => boolean;
      /** Also keys a named rule covers (a different concern about the same key). */
      readonly includeNamed?: boolean;
    }
  /** Judges the file as a whole (gets every key in file order). */
  | { readonly kind: 'file'; readonly describe: string }
  /** Gets the SENTINEL_* keys no other rule matched. */
  | { readonly kind: 'unclaimed'; readonly describe: string };

export interface Rule {
  readonly id: string;
  readonly group: ChecklistGroup;
  readonly appliesTo: AppliesTo;
  readonly severity: Readonly<Record<PostureProfile, RuleSeverity>>;
  /** One line: why the rule exists; inferred rules say so. */
  readonly reason: string;
  readonly fix: string;
  readonly inferred: boolean;
  readonly recommended: string | 'generate' | null;
  /** keys: a named rule gets its key (set or not); a pattern rule the matching keys in file order. */
  readonly check: (keys: readonly string[], facts: AuditFacts) => readonly Verdict[];
}

const RANK: Record<RuleStatus, number> = { pass: 0, unchecked: 0, warn: 1, fail: 2 };

function violationStatus(severity: RuleSeverity): RuleStatus {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'fail';
    case 'medium':
    case 'low':
      return 'warn';
    case 'info':
      return 'pass';
    default:
      return assertNever(severity, 'rule severity');
  }
}

/** critical/high violations fail, medium/low warn, info passes (noted in the message). */
export function statusFor(outcome: Outcome, severity: RuleSeverity): RuleStatus {
  switch (outcome) {
    case 'ok':
      return 'pass';
    case 'bad':
      return violationStatus(severity);
    case 'doubt':
      return severity === 'info' ? 'pass' : 'warn';
    case 'malformed': {
      const s = violationStatus(severity);
      return RANK[s] >= RANK.warn ? s : 'warn';
    }
    case 'unchecked':
      return 'unchecked';
    default:
      return assertNever(outcome, 'rule outcome');
  }
}
