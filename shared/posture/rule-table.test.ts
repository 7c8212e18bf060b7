import { describe, expect, it } from 'vitest';
import type { PathFacts, RuleStatus } from '../model/posture';
import { RULES } from './rule-table';
import { statusFor } from './rule-types';
import { audit, GOOD, GOOD_PATHS, pathFacts, resultOf, SECRETS, SIGNING_KEY_PATH, withValues } from './test-helpers';

const SIGNING = 'SENTINEL_WORKLOAD_ASSERTION_SIGNING_PRIVATE_KEY_PATH';
const pathsWith = (over: Partial<PathFacts>): ReadonlyMap<string, PathFacts> => new Map([...GOOD_PATHS, [SIGNING_KEY_PATH, pathFacts(SIGNING_KEY_PATH, over)]]);

interface Case {
  readonly rule: string;
  /** The key the result is about (null: the file as a whole). */
  readonly key: string | null;
  /** When the passing result is about something else (secrets-distinct: the file). */
  readonly passKey?: string | null;
  readonly pass: Readonly<Record<string, string | null>>;
  readonly fail: Readonly<Record<string, string | null>>;
  /** What the failing file gives in the production profile. */
  readonly status: RuleStatus;
  readonly failPaths?: ReadonlyMap<string, PathFacts>;
}

/** One passing and one failing `.env` per rule, each a small change to GOOD. */
const CASES: readonly Case[] = [
  { rule: 'trust-proxy-cert-headers', key: 'SENTINEL_TRUST_PROXY_CERT_HEADERS', pass: {}, fail: { SENTINEL_TRUST_PROXY_CERT_HEADERS: 'false' }, status: 'fail' },
  { rule: 'allowed-origins', key: 'SENTINEL_ALLOWED_ORIGINS', pass: {}, fail: { SENTINEL_ALLOWED_ORIGINS: '*' }, status: 'fail' },
  { rule: 'require-device-mtls', key: 'SENTINEL_REQUIRE_DEVICE_MTLS', pass: {}, fail: { SENTINEL_REQUIRE_DEVICE_MTLS: 'false' }, status: 'fail' },
  { rule: 'debug-off', key: 'SENTINEL_DEBUG', pass: { SENTINEL_DEBUG: 'false' }, fail: { SENTINEL_DEBUG: 'true' }, status: 'fail' },
  { rule: 'secret-key', key: 'SENTINEL_SECRET_KEY', pass: {}, fail: { SENTINEL_SECRET_KEY: 'change-me' }, status: 'fail' },
  { rule: 'jwt-secret', key: 'SENTINEL_JWT_SECRET', pass: {}, fail: { SENTINEL_JWT_SECRET: null }, status: 'fail' },
  { rule: 'secret-strength', key: 'SENTINEL_MONITORING_BEARER_TOKEN', pass: {}, fail: { SENTINEL_MONITORING_BEARER_TOKEN: 'monitoring-token-2024' }, status: 'fail' },
  { rule: 'secrets-distinct', key: 'SENTINEL_SECRET_KEY', passKey: null, pass: {}, fail: { SENTINEL_JWT_SECRET: SECRETS.secretKey }, status: 'fail' },
  { rule: 'private-key-location', key: SIGNING, pass: {}, fail: {}, failPaths: pathsWith({ insideProject: true }), status: 'fail' },
  { rule: 'private-key-permissions', key: SIGNING, pass: {}, fail: {}, failPaths: pathsWith({ mode: 0o640 }), status: 'fail' },
  { rule: 'new-device-approval', key: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL', pass: {}, fail: { SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL: 'false' }, status: 'warn' },
  { rule: 'cert-cn-match', key: 'SENTINEL_REQUIRE_CERT_COMMON_NAME_MATCH', pass: {}, fail: { SENTINEL_REQUIRE_CERT_COMMON_NAME_MATCH: 'false' }, status: 'fail' },
  { rule: 'revocation-inputs', key: 'SENTINEL_DEVICE_CRL_PATH', pass: {}, fail: { SENTINEL_DEVICE_CRL_PATH: '' }, status: 'fail' },
  { rule: 'workload-one-time-use', key: 'SENTINEL_WORKLOAD_ASSERTION_ONE_TIME_USE', pass: {}, fail: { SENTINEL_WORKLOAD_ASSERTION_ONE_TIME_USE: 'false' }, status: 'warn' },
  { rule: 'workload-bind-source-ip', key: 'SENTINEL_WORKLOAD_ASSERTION_BIND_SOURCE_IP', pass: {}, fail: { SENTINEL_WORKLOAD_ASSERTION_BIND_SOURCE_IP: 'false' }, status: 'warn' },
  { rule: 'workload-key-pair', key: SIGNING, pass: {}, fail: { SENTINEL_WORKLOAD_ASSERTION_VERIFICATION_PUBLIC_KEY_PATH: null }, status: 'fail' },
  { rule: 'policy-direct-import', key: 'SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED', pass: {}, fail: { SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED: 'true' }, status: 'warn' },
  { rule: 'dual-approval', key: 'SENTINEL_COMMAND_DUAL_APPROVAL_ENABLED', pass: {}, fail: { SENTINEL_COMMAND_DUAL_APPROVAL_ENABLED: 'false' }, status: 'warn' },
  { rule: 'health-toggles', key: 'SENTINEL_REQUIRE_DELIVERY_WORKER', pass: {}, fail: { SENTINEL_REQUIRE_DELIVERY_WORKER: 'false' }, status: 'warn' },
  { rule: 'database-require-postgresql', key: 'SENTINEL_DATABASE_REQUIRE_POSTGRESQL', pass: {}, fail: { SENTINEL_DATABASE_REQUIRE_POSTGRESQL: 'false' }, status: 'fail' },
  { rule: 'auto-create-schema', key: 'SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT', pass: {}, fail: { SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT: 'true' }, status: 'fail' },
];

/** Rules whose passing state is "no result": they speak only about something wrong or unknown. */
const NO_RESULT_WHEN_CLEAN: readonly Case[] = [
  { rule: 'duplicate-key', key: 'SENTINEL_REQUIRE_DEVICE_MTLS', pass: {}, fail: {}, status: 'warn' },
  { rule: 'unknown-key', key: 'SENTINEL_FROBNICATE', pass: {}, fail: { SENTINEL_FROBNICATE: '1' }, status: 'unchecked' },
];

const failing = (c: Case): string => (c.rule === 'duplicate-key' ? `${GOOD}SENTINEL_REQUIRE_DEVICE_MTLS=true\n` : withValues(GOOD, c.fail));

describe('the rule table', () => {
  it('has one passing and one failing case for every rule here (external-signer is informational, below)', () => {
    const covered = new Set([...CASES, ...NO_RESULT_WHEN_CLEAN].map((c) => c.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual(['external-signer']);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it.each(CASES)('$rule passes on its good file and gives $status on its bad one (production)', (c) => {
    expect(resultOf(audit(withValues(GOOD, c.pass)), c.rule, c.passKey === undefined ? c.key : c.passKey).status).toBe('pass');
    const bad = resultOf(audit(failing(c), { paths: c.failPaths ?? GOOD_PATHS }), c.rule, c.key);
    expect(bad.status).toBe(c.status);
    expect(bad.fix).not.toBe('');
  });

  it.each(NO_RESULT_WHEN_CLEAN)('$rule says nothing about a clean file and gives $status on its bad one', (c) => {
    expect(audit(GOOD).results.filter((r) => r.rule === c.rule)).toEqual([]);
    expect(resultOf(audit(failing(c)), c.rule, c.key).status).toBe(c.status);
  });

  it.each(CASES)('$rule in the development profile follows its development severity', (c) => {
    const rule = RULES.find((r) => r.id === c.rule);
    const bad = resultOf(audit(failing(c), { profile: 'development', paths: c.failPaths ?? GOOD_PATHS }), c.rule, c.key);
    expect(bad.severity).toBe(rule?.severity.development);
    expect(bad.status).toBe(statusFor('bad', rule?.severity.development ?? 'info'));
  });

  it('ALLOWED_ORIGINS=* fails in production and passes, noted, in development', () => {
    const text = withValues(GOOD, { SENTINEL_ALLOWED_ORIGINS: '*' });
    expect(resultOf(audit(text), 'allowed-origins')).toMatchObject({ status: 'fail', severity: 'high' });
    const dev = resultOf(audit(text, { profile: 'development' }), 'allowed-origins');
    expect(dev).toMatchObject({ status: 'pass', severity: 'info' });
    expect(dev.message).toContain('accepted in the development profile');
  });

  it('reports an external signer as information only', () => {
    const text = withValues(GOOD, { SENTINEL_BACKUP_MANIFEST_SIGNING_COMMAND: '/usr/local/bin/hsm-sign' });
    expect(resultOf(audit(text), 'external-signer')).toMatchObject({ status: 'pass', severity: 'info', inferred: true });
    expect(audit(GOOD).results.some((r) => r.rule === 'external-signer')).toBe(false);
  });

  it('marks the rules the seed names as documented and the pattern guesses as inferred, and says so in the reason', () => {
    const inferred = RULES.filter((r) => r.inferred).map((r) => r.id);
    expect(inferred).toEqual([
      'debug-off', 'secret-strength', 'secrets-distinct', 'private-key-location', 'private-key-permissions', 'external-signer',
      'revocation-inputs', 'workload-key-pair', 'dual-approval', 'health-toggles', 'duplicate-key',
    ]);
    for (const r of RULES.filter((x) => x.inferred)) expect(r.reason, r.id).toMatch(/inferred/i);
    for (const r of RULES.filter((x) => !x.inferred)) expect(r.appliesTo.kind, r.id).not.toBe('pattern');
  });

  it('carries the inferred flag and a one-click value into each result', () => {
    const a = audit(withValues(GOOD, { SENTINEL_SECRET_KEY: 'dev', SENTINEL_REQUIRE_DEVICE_MTLS: 'false', SENTINEL_DEVICE_CRL_PATH: '' }));
    expect(resultOf(a, 'secret-key')).toMatchObject({ inferred: false, recommended: 'generate' });
    expect(resultOf(a, 'require-device-mtls')).toMatchObject({ inferred: false, recommended: 'true' });
    expect(resultOf(a, 'revocation-inputs')).toMatchObject({ inferred: true, recommended: null });
  });
});
