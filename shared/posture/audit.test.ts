import { describe, expect, it } from 'vitest';
import { CHECKLIST_GROUPS } from '../model/posture';
import { readDotenvValues } from '../env/read';
import { pathKeys } from './audit';
import { reportHtml } from './report-html';
import { reportJson } from './report-json';
import { reportMarkdown } from './report-markdown';
import { audit, GOOD, SECRETS, withValues } from './test-helpers';

/** Weak, reused and inline secrets: every secret rule has something to say about them. */
const LEAKY = withValues(GOOD, {
  SENTINEL_SECRET_KEY: 'change-me-in-production',
  SENTINEL_JWT_SECRET: 'change-me-in-production',
  SENTINEL_MONITORING_BEARER_TOKEN: 'hunter22',
  SENTINEL_WEBHOOK_HMAC_SECRET: SECRETS.hmac,
  SENTINEL_ROLLOUT_SIGNAL_TOKEN: SECRETS.hmac,
  SENTINEL_DATABASE_PASSWORD: 'Pa55word!',
  SENTINEL_BACKUP_MANIFEST_PRIVATE_KEY: 'MC4CAQAwBQYDK2VwBCIEIPz1Lq7mTQ9xYb3KcVn2WfRsHjAe8GuZoDc1',
});

describe('auditEnv', () => {
  it('passes every rule on a production-ready file, with nothing unchecked', () => {
    const a = audit(GOOD);
    expect(a.summary).toEqual({ pass: a.results.length, warn: 0, fail: 0, unchecked: 0 });
    expect(a).toMatchObject({ file: '/opt/sentinel-secure-x/.env', profile: 'production', proxyMode: 'nginx-mtls' });
  });

  it('orders results by checklist group, and counts them in the summary', () => {
    const a = audit(withValues(GOOD, { SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT: 'true', SENTINEL_ALLOWED_ORIGINS: '*', SENTINEL_FOO: 'x' }));
    const order = a.results.map((r) => CHECKLIST_GROUPS.indexOf(r.group));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    const count = (s: string) => a.results.filter((r) => r.status === s).length;
    expect(a.summary).toEqual({ pass: count('pass'), warn: count('warn'), fail: count('fail'), unchecked: count('unchecked') });
    expect(a.summary.fail).toBe(2);
  });

  it('lists unknown SENTINEL_* keys as not checked, never as passing, and ignores other keys', () => {
    const a = audit(withValues(GOOD, { SENTINEL_UPDATE_CAMPAIGN_BATCH_SIZE: '50', SENTINEL_LISTEN_PORT: '8000', PATH: '/usr/bin', FLASK_APP: 'server' }));
    const unknown = a.results.filter((r) => r.rule === 'unknown-key');
    expect(unknown.map((r) => [r.key, r.status, r.group])).toEqual([
      ['SENTINEL_LISTEN_PORT', 'unchecked', 'network-boundary'],
      ['SENTINEL_UPDATE_CAMPAIGN_BATCH_SIZE', 'unchecked', 'change-management'],
    ]);
    expect(unknown.every((r) => r.message.includes('not checked'))).toBe(true);
    expect(a.results.some((r) => r.key === 'PATH' || r.key === 'FLASK_APP')).toBe(false);
    expect(a.summary.unchecked).toBe(2);
  });

  it('never puts a secret value into a message, a fix or a report', () => {
    const a = audit(LEAKY);
    const values = readDotenvValues(LEAKY);
    const secrets = a.secretKeys.map((k) => values.get(k) ?? '');
    expect(a.secretKeys).toEqual(expect.arrayContaining(['SENTINEL_SECRET_KEY', 'SENTINEL_DATABASE_PASSWORD', 'SENTINEL_BACKUP_MANIFEST_PRIVATE_KEY']));
    expect(a.summary.fail).toBeGreaterThanOrEqual(5);
    const meta = { generatedAt: '2025-06-01T12:00:00Z' };
    const changes = [{ key: 'SENTINEL_JWT_SECRET', action: 'generated' as const, at: '2025-06-01T11:59:00Z' }];
    const texts = [
      ...a.results.flatMap((r) => [r.message, r.fix]),
      JSON.stringify(reportJson(a, changes, meta)),
      reportMarkdown(a, changes, meta),
      reportHtml(a, changes, meta),
    ];
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(8);
      for (const text of texts) expect(text).not.toContain(secret);
    }
  });
});

describe('pathKeys', () => {
  it('names private-key and CRL file settings, not inline keys, URLs, public keys or empty values', () => {
    const values = readDotenvValues(
      withValues(GOOD, {
        SENTINEL_TRUST_ASSERTION_PRIVATE_KEY_PATH: 'keys/trust.pem',
        SENTINEL_EVIDENCE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----',
        SENTINEL_OCSP_RESPONDER_URL: 'http://ocsp.example.com/',
        SENTINEL_BACKUP_SIGNING_KEY_FILE: '',
      }),
    );
    expect(pathKeys(values)).toEqual(['SENTINEL_WORKLOAD_ASSERTION_SIGNING_PRIVATE_KEY_PATH', 'SENTINEL_DEVICE_CRL_PATH', 'SENTINEL_TRUST_ASSERTION_PRIVATE_KEY_PATH']);
  });
});
