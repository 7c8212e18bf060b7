import type { Rule } from './rule-types';
import { FILE_RULES } from './rules-file';
import { IDENTITY_RULES } from './rules-identity';
import { NETWORK_RULES } from './rules-network';
import { OPERATIONS_RULES } from './rules-operations';
import { SECRET_RULES } from './rules-secrets';

/** Every rule, in checklist order within each group; results are sorted by group, then by this order. */
export const RULES: readonly Rule[] = [...NETWORK_RULES, ...SECRET_RULES, ...IDENTITY_RULES, ...OPERATIONS_RULES, ...FILE_RULES];

/** Keys a rule names exactly; pattern rules leave them alone unless they say otherwise. */
export const NAMED_KEYS: ReadonlySet<string> = new Set(RULES.flatMap((r) => (r.appliesTo.kind === 'key' ? [r.appliesTo.key] : [])));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
