import { describe, expect, it } from 'vitest';
import { isInlineKeyMaterial, isSecretKey, maskValue } from './secret-keys';

describe('isSecretKey', () => {
  it.each([
    'SENTINEL_SECRET_KEY', 'SENTINEL_JWT_SECRET', 'SENTINEL_WORKLOAD_TOKEN', 'SENTINEL_WEBHOOK_HMAC_SECRET', 'SENTINEL_MONITORING_BEARER_TOKEN',
    'SENTINEL_DATABASE_PASSWORD', 'SENTINEL_SPLUNK_API_KEY', 'POSTGRES_PASSWORD',
  ])('%s holds a secret', (key) => expect(isSecretKey(key)).toBe(true));

  it.each([
    'SENTINEL_TOKEN_TTL_SECONDS', 'SENTINEL_JWT_SECRET_FILE', 'SENTINEL_REQUIRE_SIGNED_TOKEN', 'SENTINEL_PASSWORD_MIN_LENGTH',
    'SENTINEL_ALLOWED_ORIGINS', 'SENTINEL_BEARER_HEADER_NAME', 'SENTINEL_API_KEY_ID',
  ])('%s does not', (key) => expect(isSecretKey(key)).toBe(false));

  it('treats private key material as secret when inline or unknown, and not when it is a path', () => {
    const key = 'SENTINEL_TRUST_ASSERTION_PRIVATE_KEY';
    expect(isSecretKey(key)).toBe(true);
    expect(isSecretKey(key, '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI...\n-----END PRIVATE KEY-----')).toBe(true);
    expect(isSecretKey(key, 'MC4CAQAwBQYDK2VwBCIEIPz1Lq7mTQ9xYb3KcVn2WfRsHjAe8GuZoD')).toBe(true);
    expect(isSecretKey(key, '/etc/sentinel/keys/trust-assertion.pem')).toBe(false);
    expect(isSecretKey('SENTINEL_TRUST_ASSERTION_PUBLIC_KEY', 'MC4CAQAwBQYDK2VwBCIEIPz1Lq7mTQ9xYb3KcVn2WfRsHjAe8GuZoD')).toBe(false);
  });

  it('tells a key path from key material', () => {
    expect(isInlineKeyMaterial('keys/signing.pem')).toBe(false);
    expect(isInlineKeyMaterial('/etc/sentinel/keys/workload-assertion-signing-ed25519')).toBe(false);
    expect(isInlineKeyMaterial('-----BEGIN PRIVATE KEY-----')).toBe(true);
  });
});

describe('maskValue', () => {
  it('shows at most two real characters and the length', () => {
    const v = 'xln4NucQJVPOGAClnGReqdbEPhG_UwwpU5VlHNrN6vg';
    expect(maskValue(v)).toBe('xl… (43 chars)');
  });

  it.each(['dev', 'change-me', '0123456789abcdef'])('masks a short value %j completely', (v) => {
    expect(maskValue(v)).toBe(`•••• (${v.length} chars)`);
  });

  it('says when the value is empty', () => expect(maskValue('')).toBe('(empty)'));
});
