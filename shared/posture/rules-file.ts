import { sev } from './bool-rule';
import { guessGroup } from './group-guess';
import type { AuditFacts, Rule, Verdict } from './rule-types';

/** Every key assigned more than once, with its lines; dotenv and python-dotenv both keep the last. */
function duplicateVerdicts(facts: AuditFacts): Verdict[] {
  const lines = new Map<string, number[]>();
  for (const e of facts.entries) lines.set(e.key, [...(lines.get(e.key) ?? []), e.line]);
  return [...lines]
    .filter(([, at]) => at.length > 1)
    .map(([key, at]) => ({
      key,
      group: guessGroup(key),
      outcome: 'bad',
      message: `${key} is assigned ${at.length} times (lines ${at.join(', ')}); only line ${at[at.length - 1]} takes effect`,
    }));
}

export const FILE_RULES: readonly Rule[] = [
  {
    id: 'duplicate-key',
    group: 'network-boundary',
    appliesTo: { kind: 'file', describe: 'every key assigned more than once' },
    severity: sev('low', 'low'),
    reason: 'Inferred: with a key assigned twice, an edit to the earlier line silently has no effect.',
    fix: 'Delete the earlier assignments so each key appears once.',
    inferred: true,
    recommended: null,
    check: (_keys, facts) => duplicateVerdicts(facts),
  },
  {
    id: 'unknown-key',
    group: 'network-boundary',
    appliesTo: { kind: 'unclaimed', describe: 'SENTINEL_* keys no other rule covers' },
    severity: sev('info', 'info'),
    reason: "The platform's full variable list is not published; keys without a rule are listed as not checked, never as passing.",
    fix: "Check the setting against the platform's .env.example and documentation.",
    inferred: false,
    recommended: null,
    check: (keys) => keys.map((key) => ({ key, group: guessGroup(key), outcome: 'unchecked', message: `${key} is not checked: no rule covers it` })),
  },
];
