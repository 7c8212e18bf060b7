import { describe, expect, it } from 'vitest';
import { audit, GOOD, resultOf, withValues } from './test-helpers';

describe('change management, background services, database', () => {
  it('judges an approval threshold as a number of people', () => {
    const a = audit(withValues(GOOD, { SENTINEL_CERTIFICATE_APPROVAL_THRESHOLD: '1', SENTINEL_POLICY_EXCEPTION_REQUIRED_APPROVALS: '2' }));
    expect(resultOf(a, 'dual-approval', 'SENTINEL_CERTIFICATE_APPROVAL_THRESHOLD')).toMatchObject({ status: 'warn', recommended: '2' });
    expect(resultOf(a, 'dual-approval', 'SENTINEL_POLICY_EXCEPTION_REQUIRED_APPROVALS').status).toBe('pass');
  });

  it('leaves dual approval and health toggles unchecked when the file has none', () => {
    const a = audit(withValues(GOOD, { SENTINEL_COMMAND_DUAL_APPROVAL_ENABLED: null, SENTINEL_REQUIRE_DELIVERY_WORKER: null }));
    expect(resultOf(a, 'dual-approval').status).toBe('unchecked');
    expect(resultOf(a, 'health-toggles').status).toBe('unchecked');
  });

  it('judges every other SENTINEL_REQUIRE_* key as a toggle that must be true, saying it is inferred, in the group its name suggests', () => {
    const a = audit(withValues(GOOD, { SENTINEL_REQUIRE_MAINTENANCE_WORKER: 'false', SENTINEL_REQUIRE_SIGNED_WORKLOAD_REQUESTS: 'no' }));
    const worker = resultOf(a, 'health-toggles', 'SENTINEL_REQUIRE_MAINTENANCE_WORKER');
    expect(worker).toMatchObject({ status: 'warn', group: 'background-services', inferred: true });
    expect(worker.message).toContain('inferred from its name');
    expect(resultOf(a, 'health-toggles', 'SENTINEL_REQUIRE_SIGNED_WORKLOAD_REQUESTS').group).toBe('workload-trust');
    // The three named switches stay with their own rules.
    expect(a.results.filter((r) => r.rule === 'health-toggles').map((r) => r.key)).not.toContain('SENTINEL_REQUIRE_DEVICE_MTLS');
  });

  it('fails PostgreSQL not required and schema auto-creation in production, accepts both in development', () => {
    const text = withValues(GOOD, { SENTINEL_DATABASE_REQUIRE_POSTGRESQL: 'false', SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT: 'true' });
    const prod = audit(text);
    expect(resultOf(prod, 'database-require-postgresql').status).toBe('fail');
    expect(resultOf(prod, 'auto-create-schema').message).toContain('Alembic');
    const dev = audit(text, { profile: 'development' });
    expect(resultOf(dev, 'database-require-postgresql').status).toBe('pass');
    expect(resultOf(dev, 'auto-create-schema').status).toBe('pass');
  });

  it('warns on a key assigned twice, naming the line that wins', () => {
    const r = resultOf(audit(`${GOOD}SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT=true\n`), 'duplicate-key');
    expect(r).toMatchObject({ status: 'warn', key: 'SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT', group: 'database' });
    expect(r.message).toContain('lines 20, 21');
    expect(r.message).toContain('only line 21 takes effect');
  });
});
