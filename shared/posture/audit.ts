import { CHECKLIST_GROUPS, type AuditResult, type AuditSummary, type EnvEntry, type PathFacts, type PostureProfile, type ProxyMode, type RuleResult } from '../model/posture';
import { assertNever } from '../util/assert-never';
import { NAMED_KEYS, RULES } from './rule-table';
import { statusFor, type AuditFacts, type Rule, type Verdict } from './rule-types';
import { isRevocationKey } from './rules-identity';
import { isInlineKeyMaterial, isPrivateKeyMaterialKey, isSecretKey, maskValue } from './secret-keys';

export interface AuditInput {
  readonly file: string;
  readonly sha256: string;
  readonly values: ReadonlyMap<string, string>;
  readonly entries: readonly EnvEntry[];
  readonly profile: PostureProfile;
  readonly proxyMode: ProxyMode;
  /** Facts about the files pathKeys() named, keyed by the value as written. */
  readonly paths: ReadonlyMap<string, PathFacts>;
  /** Reserved for time-bound rules (CRL freshness); no rule reads the clock yet. */
  readonly now: Date;
}

const looksLikePath = (v: string): boolean => !v.includes('://') && (/^(\/|\.\.?\/)/.test(v) || /\.(pem|crl|der|key)$/i.test(v));

/** Keys whose values are files the main process must stat: private key material and CRL files. */
export function pathKeys(values: ReadonlyMap<string, string>): string[] {
  return [...values].filter(([key, value]) => {
    if (value.trim() === '') return false;
    if (isPrivateKeyMaterialKey(key)) return !isInlineKeyMaterial(value);
    return isRevocationKey(key) && looksLikePath(value);
  }).map(([key]) => key);
}

function keysFor(rule: Rule, keys: readonly string[], values: ReadonlyMap<string, string>, claimed: ReadonlySet<string>): readonly string[] {
  const a = rule.appliesTo;
  switch (a.kind) {
    case 'key':
      return [a.key];
    case 'pattern':
      return keys.filter((k) => (a.includeNamed === true || !NAMED_KEYS.has(k)) && a.matches(k, values.get(k) ?? ''));
    case 'file':
      return keys;
    case 'unclaimed':
      return keys.filter((k) => k.startsWith('SENTINEL_') && !claimed.has(k));
    default:
      return assertNever(a, 'rule scope');
  }
}

/** Which rules' keys were judged; an unknown SENTINEL_* key is one no named or pattern rule took. */
function claimedKeys(keys: readonly string[], values: ReadonlyMap<string, string>): Set<string> {
  const claimed = new Set<string>();
  for (const rule of RULES) {
    if (rule.appliesTo.kind !== 'key' && rule.appliesTo.kind !== 'pattern') continue;
    for (const k of keysFor(rule, keys, values, claimed)) claimed.add(k);
  }
  return claimed;
}

/** Belt and braces: whatever a rule wrote, a secret value never leaves in a message. */
function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => (s.length >= 6 ? t.split(s).join(maskValue(s)) : t), text);
}

function toResult(rule: Rule, v: Verdict, profile: PostureProfile, secrets: readonly string[]): RuleResult {
  const severity = v.outcome === 'unchecked' ? 'info' : rule.severity[profile];
  const status = statusFor(v.outcome, severity);
  let message = v.message;
  if (v.outcome !== 'ok' && v.outcome !== 'unchecked') message += `. ${rule.reason}`;
  if (v.outcome === 'bad' && status === 'pass') message += ` (accepted in the ${profile} profile)`;
  return {
    rule: rule.id,
    group: v.group ?? rule.group,
    key: v.key,
    status,
    severity,
    message: scrub(message, secrets),
    fix: scrub(v.fix ?? rule.fix, secrets),
    inferred: rule.inferred,
    recommended: v.recommended !== undefined ? v.recommended : rule.recommended,
  };
}

/** The `.env` judged against the production checklist: results by group, then rule, then key. */
export function auditEnv(input: AuditInput): AuditResult {
  const keys = [...input.values.keys()];
  const facts: AuditFacts = { values: input.values, entries: input.entries, profile: input.profile, proxyMode: input.proxyMode, paths: input.paths };
  const claimed = claimedKeys(keys, input.values);
  const secretKeys = keys.filter((k) => isSecretKey(k, input.values.get(k)));
  const secrets = secretKeys.map((k) => input.values.get(k) ?? '');
  const ordered: { g: number; r: number; i: number; result: RuleResult }[] = [];
  RULES.forEach((rule, r) => {
    rule.check(keysFor(rule, keys, input.values, claimed), facts).forEach((v, i) => {
      const result = toResult(rule, v, input.profile, secrets);
      ordered.push({ g: CHECKLIST_GROUPS.indexOf(result.group), r, i, result });
    });
  });
  ordered.sort((a, b) => a.g - b.g || a.r - b.r || a.i - b.i);
  const results = ordered.map((o) => o.result);
  return { file: input.file, sha256: input.sha256, profile: input.profile, proxyMode: input.proxyMode, summary: summarize(results), results, secretKeys };
}

export function summarize(results: readonly RuleResult[]): AuditSummary {
  const count = (s: RuleResult['status']): number => results.filter((r) => r.status === s).length;
  return { pass: count('pass'), warn: count('warn'), fail: count('fail'), unchecked: count('unchecked') };
}
