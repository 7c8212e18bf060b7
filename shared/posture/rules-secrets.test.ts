import { describe, expect, it } from 'vitest';
import { audit, GOOD, GOOD_PATHS, pathFacts, resultOf, SECRETS, SIGNING_KEY_PATH, withValues } from './test-helpers';

const SIGNING = 'SENTINEL_WORKLOAD_ASSERTION_SIGNING_PRIVATE_KEY_PATH';

describe('secret rules', () => {
  it.each(['change-me', 'changeme', 'secret', 'dev', 'example', 'test', 'password', 'x'.repeat(40), 'abcdefghijklmnopqrstuvwxyz0123456789'])(
    'fails the placeholder-like SENTINEL_JWT_SECRET %j',
    (value) => {
      const r = resultOf(audit(withValues(GOOD, { SENTINEL_JWT_SECRET: value })), 'jwt-secret');
      expect(r).toMatchObject({ status: 'fail', severity: 'critical', recommended: 'generate' });
    },
  );

  it('reports equal secrets by key names only', () => {
    const a = audit(withValues(GOOD, { SENTINEL_JWT_SECRET: SECRETS.secretKey, SENTINEL_WEBHOOK_HMAC_SECRET: SECRETS.secretKey }));
    const r = resultOf(a, 'secrets-distinct');
    expect(r.message).toMatch(/^SENTINEL_SECRET_KEY and SENTINEL_JWT_SECRET and SENTINEL_WEBHOOK_HMAC_SECRET hold the same value/);
    expect(r.message).not.toContain(SECRETS.secretKey);
    expect(r.message).not.toContain(SECRETS.secretKey.slice(0, 8));
  });

  it('applies the strength rule to every secret-named key, not to lifetimes or switches', () => {
    const a = audit(withValues(GOOD, { SENTINEL_ROLLOUT_WORKLOAD_TOKEN: 'short', SENTINEL_TOKEN_TTL_SECONDS: '3600', SENTINEL_REQUIRE_SIGNED_TOKEN: 'true' }));
    expect(resultOf(a, 'secret-strength', 'SENTINEL_ROLLOUT_WORKLOAD_TOKEN').status).toBe('fail');
    expect(a.results.filter((r) => r.rule === 'secret-strength' && r.key === 'SENTINEL_TOKEN_TTL_SECONDS')).toEqual([]);
    expect(resultOf(a, 'unknown-key', 'SENTINEL_TOKEN_TTL_SECONDS').status).toBe('unchecked');
  });

  it('warns on an empty token (feature perhaps unused) and fails an empty named secret', () => {
    const a = audit(withValues(GOOD, { SENTINEL_MONITORING_BEARER_TOKEN: '', SENTINEL_SECRET_KEY: '' }));
    expect(resultOf(a, 'secret-strength', 'SENTINEL_MONITORING_BEARER_TOKEN').status).toBe('warn');
    expect(resultOf(a, 'secret-key').status).toBe('fail');
  });
});

describe('private key files', () => {
  const withFacts = (over: Parameters<typeof pathFacts>[1]) => new Map([...GOOD_PATHS, [SIGNING_KEY_PATH, pathFacts(SIGNING_KEY_PATH, over)]]);

  it('fails a missing key file and says which', () => {
    const r = resultOf(audit(GOOD, { paths: withFacts({ exists: false, mode: null }) }), 'private-key-location', SIGNING);
    expect(r.status).toBe('fail');
    expect(r.message).toContain(`${SIGNING_KEY_PATH}, which does not exist`);
    expect(audit(GOOD, { paths: withFacts({ exists: false, mode: null }) }).results.some((x) => x.rule === 'private-key-permissions')).toBe(false);
  });

  it.each([0o644, 0o640, 0o604, 0o660])('fails mode %o (group or other bits)', (mode) => {
    const r = resultOf(audit(GOOD, { paths: withFacts({ mode }) }), 'private-key-permissions', SIGNING);
    expect(r.status).toBe('fail');
    expect(r.message).toContain(`0${mode.toString(8)}`);
  });

  it.each([0o600, 0o400])('passes mode %o', (mode) => {
    expect(resultOf(audit(GOOD, { paths: withFacts({ mode }) }), 'private-key-permissions', SIGNING).status).toBe('pass');
  });

  it('fails a key written inline into the .env without quoting it', () => {
    const inline = 'MC4CAQAwBQYDK2VwBCIEIPz1Lq7mTQ9xYb3KcVn2WfRsHjAe8GuZoDc1';
    const a = audit(withValues(GOOD, { SENTINEL_EVIDENCE_EXPORT_PRIVATE_KEY: inline }));
    const r = resultOf(a, 'private-key-location', 'SENTINEL_EVIDENCE_EXPORT_PRIVATE_KEY');
    expect(r.status).toBe('fail');
    expect(r.message).not.toContain(inline);
    expect(a.secretKeys).toContain('SENTINEL_EVIDENCE_EXPORT_PRIVATE_KEY');
    expect(a.secretKeys).not.toContain(SIGNING);
  });

  it('leaves a key file unchecked when no file facts exist (pasted text)', () => {
    const r = resultOf(audit(GOOD, { paths: new Map() }), 'private-key-location', SIGNING);
    expect(r.status).toBe('unchecked');
  });
});
