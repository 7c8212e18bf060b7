import type { ChecklistGroup } from '../model/posture';

/**
 * The checklist group a key's name suggests, for keys no rule names (unknown or duplicated keys,
 * SENTINEL_REQUIRE_* switches): first match wins, so the more specific words come first.
 */
const GROUP_WORDS: readonly (readonly [RegExp, ChecklistGroup])[] = [
  [/DATABASE|POSTGRES|SQL|SCHEMA|MIGRATION|_DB_|_DB$/, 'database'],
  [/WORKLOAD|ASSERTION|ROLLOUT_SIGNAL/, 'workload-trust'],
  [/INCIDENT|POLICY|TEMPLATE|APPROVAL|APPROVER|CAMPAIGN|EXCEPTION|PROMOTION/, 'change-management'],
  [/WORKER|SCHEDULER|MAINTENANCE|DELIVERY|HEALTH|READINESS|SERVICE/, 'background-services'],
  [/DEVICE|ENROLL|IDENTITY|CERT|CRL|OCSP|REVOCATION|COMMON_NAME/, 'enrollment-and-identity'],
  [/SECRET|TOKEN|HMAC|BEARER|PASSWORD|KEY|SIGN|HSM|BACKUP|EVIDENCE/, 'secrets-and-signing'],
];

export function guessGroup(key: string, fallback: ChecklistGroup = 'network-boundary'): ChecklistGroup {
  const name = key.toUpperCase();
  return GROUP_WORDS.find(([words]) => words.test(name))?.[1] ?? fallback;
}
