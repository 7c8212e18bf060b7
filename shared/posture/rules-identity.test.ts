import { describe, expect, it } from 'vitest';
import { audit, CRL_PATH, GOOD, GOOD_PATHS, pathFacts, resultOf, withValues } from './test-helpers';

const VERIFY = 'SENTINEL_WORKLOAD_ASSERTION_VERIFICATION_PUBLIC_KEY_PATH';
const SIGNING = 'SENTINEL_WORKLOAD_ASSERTION_SIGNING_PRIVATE_KEY_PATH';

describe('enrollment and identity', () => {
  it('keeps the open-enrollment caveat with a false approval switch', () => {
    const r = resultOf(audit(withValues(GOOD, { SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL: 'false' })), 'new-device-approval');
    expect(r).toMatchObject({ status: 'warn', severity: 'medium' });
    expect(r.message).toContain('open enrollment window');
  });

  it('warns when no revocation input exists at all (names inferred)', () => {
    const r = resultOf(audit(withValues(GOOD, { SENTINEL_DEVICE_CRL_PATH: null })), 'revocation-inputs');
    expect(r).toMatchObject({ status: 'warn', key: null, inferred: true });
    expect(r.message).toContain('names inferred');
  });

  it('accepts OCSP alone ("and/or"), but not an OCSP timeout or a false switch', () => {
    expect(resultOf(audit(withValues(GOOD, { SENTINEL_DEVICE_CRL_PATH: '', SENTINEL_OCSP_ENABLED: 'true' })), 'revocation-inputs', 'SENTINEL_OCSP_ENABLED').status).toBe('pass');
    const off = audit(withValues(GOOD, { SENTINEL_DEVICE_CRL_PATH: '', SENTINEL_OCSP_ENABLED: 'false', SENTINEL_OCSP_TIMEOUT_SECONDS: '5' }));
    expect(resultOf(off, 'revocation-inputs').message).toContain('empty or off: SENTINEL_DEVICE_CRL_PATH, SENTINEL_OCSP_ENABLED, SENTINEL_OCSP_TIMEOUT_SECONDS');
  });

  it('fails a CRL path that does not exist', () => {
    const paths = new Map([...GOOD_PATHS, [CRL_PATH, pathFacts(CRL_PATH, { exists: false, mode: null })]]);
    const results = audit(GOOD, { paths }).results.filter((r) => r.rule === 'revocation-inputs');
    expect(results.map((r) => r.status)).toEqual(['pass', 'fail']);
    expect(results[1]?.message).toContain('does not exist');
  });
});

describe('workload trust', () => {
  it('fails a verification key without its signing key, naming the one set', () => {
    const r = resultOf(audit(withValues(GOOD, { [SIGNING]: '' })), 'workload-key-pair');
    expect(r).toMatchObject({ status: 'fail', key: VERIFY });
    expect(r.message).toContain('no signing key');
  });

  it('leaves the pairing unchecked when neither key exists', () => {
    const r = resultOf(audit(withValues(GOOD, { [SIGNING]: null, [VERIFY]: null })), 'workload-key-pair');
    expect(r).toMatchObject({ status: 'unchecked', key: null });
  });
});
