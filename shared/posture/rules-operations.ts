import { boolRule, boolVerdict, sev } from './bool-rule';
import { guessGroup } from './group-guess';
import type { AuditFacts, Rule, Verdict } from './rule-types';

const DUAL_APPROVAL = /^SENTINEL_\w*(DUAL_APPROVAL|TWO_PERSON|APPROVAL_THRESHOLD|REQUIRED_APPROVALS)\w*$/;
const HEALTH_TOGGLE = /^SENTINEL_REQUIRE_\w+$/;

/** A switch must be true; a threshold (a bare number) must ask for at least two people. */
function dualApprovalVerdicts(keys: readonly string[], facts: AuditFacts): Verdict[] {
  if (keys.length === 0) {
    return [{ key: null, outcome: 'unchecked', message: 'No dual-approval setting found (SENTINEL_*DUAL_APPROVAL*, *APPROVAL_THRESHOLD*; names inferred)' }];
  }
  return keys.map((key): Verdict => {
    const value = (facts.values.get(key) ?? '').trim();
    if (!/^\d+$/.test(value)) return boolVerdict(key, value, true);
    const n = Number(value);
    return n >= 2
      ? { key, outcome: 'ok', message: `${key} asks for ${n} approvers` }
      : { key, outcome: 'bad', message: `${key} is ${n}: one person can approve alone`, recommended: '2' };
  });
}

function healthToggleVerdicts(keys: readonly string[], facts: AuditFacts): Verdict[] {
  if (keys.length === 0) {
    return [{ key: null, outcome: 'unchecked', message: 'No SENTINEL_REQUIRE_* health toggle found besides the named ones, so readiness fail-closed was not checked' }];
  }
  return keys.map((key) => ({
    ...boolVerdict(key, facts.values.get(key), true, ' (a SENTINEL_REQUIRE_* switch; its meaning is inferred from its name)'),
    group: guessGroup(key.replace(/^SENTINEL_REQUIRE_/, ''), 'background-services'),
  }));
}

export const OPERATIONS_RULES: readonly Rule[] = [
  boolRule({
    id: 'policy-direct-import',
    group: 'change-management',
    key: 'SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED',
    expected: false,
    severity: sev('medium', 'info'),
    reason: 'In higher-assurance environments template promotion should always go through reviewed import requests.',
    wrongNote: ': templates can be imported without a reviewed import request',
  }),
  {
    id: 'dual-approval',
    group: 'change-management',
    appliesTo: { kind: 'pattern', describe: 'SENTINEL_*DUAL_APPROVAL*, *TWO_PERSON*, *APPROVAL_THRESHOLD*, *REQUIRED_APPROVALS*', matches: (key) => DUAL_APPROVAL.test(key) },
    severity: sev('medium', 'info'),
    reason: 'Dual approval stays on for sensitive command, certificate, exception, recovery and campaign paths; the variable names are inferred.',
    fix: 'Set the dual-approval switch to true (or the threshold to 2 or more).',
    inferred: true,
    recommended: 'true',
    check: dualApprovalVerdicts,
  },
  {
    id: 'health-toggles',
    group: 'background-services',
    appliesTo: { kind: 'pattern', describe: 'SENTINEL_REQUIRE_* (besides the named ones)', matches: (key) => HEALTH_TOGGLE.test(key) && !DUAL_APPROVAL.test(key) },
    severity: sev('medium', 'info'),
    reason: 'SENTINEL_REQUIRE_* health toggles should be true for the workers you rely on so readiness fails closed; each toggle name here is inferred.',
    fix: 'Set the toggle to true if the service it names runs in this deployment.',
    inferred: true,
    recommended: 'true',
    check: healthToggleVerdicts,
  },
  boolRule({
    id: 'database-require-postgresql',
    group: 'database',
    key: 'SENTINEL_DATABASE_REQUIRE_POSTGRESQL',
    expected: true,
    severity: sev('high', 'info'),
    reason: 'Production runs on PostgreSQL; the platform should refuse to start on anything else.',
  }),
  boolRule({
    id: 'auto-create-schema',
    group: 'database',
    key: 'SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT',
    expected: false,
    severity: sev('high', 'info'),
    reason: 'Outside development the schema comes from Alembic migrations applied during deployment, not from creation on boot.',
    wrongNote: '; apply Alembic migrations during deployment instead',
  }),
];
