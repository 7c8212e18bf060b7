import { describe, expect, it } from 'vitest';
import { judgeBool, readBool } from './booleans';
import { audit, GOOD, resultOf, withValues } from './test-helpers';

const MTLS = 'SENTINEL_REQUIRE_DEVICE_MTLS';
const IMPORT = 'SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED';
const mtls = (value: string | null) => resultOf(audit(withValues(GOOD, { [MTLS]: value })), 'require-device-mtls');
const directImport = (value: string) => resultOf(audit(withValues(GOOD, { [IMPORT]: value })), 'policy-direct-import');

describe('boolean spellings', () => {
  it.each(['true', 'True', 'TRUE', ' true '])('passes the canonical spelling %j', (v) => {
    expect(readBool(v)).toMatchObject({ kind: 'bool', canonical: true, strict: true, lenient: true });
    expect(mtls(v).status).toBe('pass');
  });

  it.each(['1', 'yes', 'on', 'Y', 't'])('warns on %j: strtobool reads true, a strict == "true" check does not', (v) => {
    expect(judgeBool(readBool(v), true)).toBe('ambiguous');
    const r = mtls(v);
    expect(r.status).toBe('warn');
    expect(r.message).toContain('strict "== true" check as false');
    expect(r.recommended).toBe('true');
  });

  it.each(['false', '0', 'no', 'off', 'False'])('fails %j where true is required: false under both readings', (v) => {
    expect(mtls(v).status).toBe('fail');
  });

  it.each(['false', 'FALSE', '0', 'no', 'off'])('passes %j where false is expected: no parser reads it as true', (v) => {
    expect(directImport(v).status).toBe('pass');
  });

  it.each(['1', 'yes', 'on'])('treats %j as true (the operator means on) where false is expected', (v) => {
    expect(directImport(v).status).toBe('warn');
    expect(directImport(v).message).toContain('not false');
  });

  it.each(['enabled', 'ture', 'maybe', '2'])('a non-boolean %j is its own finding, even in development', (v) => {
    const r = mtls(v);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('not a boolean');
    const dev = resultOf(audit(withValues(GOOD, { [IMPORT]: v }), { profile: 'development' }), 'policy-direct-import');
    expect(dev.status).toBe('warn');
    expect(dev.message).toContain('not a boolean');
  });

  it('a missing or empty switch is a warning asking for the explicit value, not a pass', () => {
    expect(mtls(null)).toMatchObject({ status: 'warn', recommended: 'true' });
    expect(mtls(null).message).toContain('not set');
    expect(mtls('').message).toContain('empty');
  });
});
