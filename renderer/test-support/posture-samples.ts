// Sample answers for the Posture area's tests: a production .env with typical findings.
import type { Input } from '../../shared/ipc/types';
import type {
  AuditResult,
  EnvConflict,
  EnvDocument,
  EnvEdit,
  EnvPreview,
  EnvSaved,
  RuleResult,
  RuleStatus,
} from '../../shared/model/posture';

export const ENV_PATH = '/opt/sentinel/.env';
export const SHA_OPENED = 'a1'.repeat(32);
export const SHA_SAVED = 'b2'.repeat(32);
export const SHA_CHANGED = 'c3'.repeat(32);

/** Values that must never show in the document unless revealed. */
export const SECRET_IN_FILE = 'dev-secret-do-not-use-in-production';
export const JWT_IN_FILE = 'short-jwt';
export const GENERATED_SECRET = 'Q2hhbmdlZC1ieS10aGUtZ2VuZXJhdG9yLXNlY3JldC12YWx1ZQ';

export const ENV_TEXT = [
  'SENTINEL_TRUST_PROXY_CERT_HEADERS=true',
  'SENTINEL_ALLOWED_ORIGINS=*',
  `SENTINEL_SECRET_KEY=${SECRET_IN_FILE}`,
  `SENTINEL_JWT_SECRET=${JWT_IN_FILE}`,
  'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL=false',
  'SENTINEL_DATABASE_REQUIRE_POSTGRESQL=true',
  'SENTINEL_FANCY_FLAG=on',
  '',
].join('\n');

export function envDoc(sha256 = SHA_OPENED, mode = 0o644): EnvDocument {
  const entries = ENV_TEXT.split('\n')
    .filter((line) => line.includes('='))
    .map((line, i) => {
      const [key = '', ...rest] = line.split('=');
      return { key, value: rest.join('='), line: i + 1, overridden: false };
    });
  return { path: ENV_PATH, text: ENV_TEXT, sha256, mode, entries, eol: 'lf', bom: false };
}

export const ENV_DOC = envDoc();

type Rule = Omit<RuleResult, 'status'> & { readonly status: RuleStatus };

function rule(partial: Partial<Rule> & Pick<Rule, 'rule' | 'group' | 'key' | 'status' | 'message'>): Rule {
  return { severity: 'high', fix: '', inferred: false, recommended: null, ...partial };
}

const setBy = (edits: readonly EnvEdit[], key: string): string | null => {
  const edit = edits.find((candidate) => candidate.key === key);
  return edit?.kind === 'set' ? edit.value : null;
};

/**
 * What posture.audit answers for an input: statuses follow the profile, the proxy mode and the
 * queued edits, like the real audit would, so tests see the checklist improve.
 */
export function sampleAudit(input: Input<'posture.audit'>, sha256 = SHA_OPENED): AuditResult {
  const edits = input.edits ?? [];
  const profile = input.profile ?? 'production';
  const proxyMode = input.proxyMode ?? 'nginx-mtls';
  const approval = setBy(edits, 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL') ?? 'false';
  const secret = setBy(edits, 'SENTINEL_SECRET_KEY');
  const origins = setBy(edits, 'SENTINEL_ALLOWED_ORIGINS') ?? '*';
  const results: RuleResult[] = [
    rule({
      rule: 'trust-proxy-cert-headers',
      group: 'network-boundary',
      key: 'SENTINEL_TRUST_PROXY_CERT_HEADERS',
      status: proxyMode === 'nginx-mtls' ? 'pass' : proxyMode === 'direct' ? 'fail' : 'warn',
      severity: 'critical',
      message: proxyMode === 'nginx-mtls' ? 'Trusts certificate headers from the NGINX proxy in front.' : 'Trusts client-certificate headers that anyone reaching the API can send.',
      fix: 'Set it to false unless the API is reachable only through the trusted proxy.',
      recommended: 'false',
    }),
    rule({
      rule: 'allowed-origins',
      group: 'network-boundary',
      key: 'SENTINEL_ALLOWED_ORIGINS',
      status: origins === '*' ? 'fail' : 'pass',
      message: origins === '*' ? 'Any origin may call the API from a browser.' : 'Only the named origins may call the API.',
      fix: 'Replace * with the exact dashboard origin(s), e.g. https://sentinel.example.com.',
    }),
    rule({
      rule: 'secret-strength',
      group: 'secrets-and-signing',
      key: 'SENTINEL_SECRET_KEY',
      status: secret === null ? 'fail' : 'pass',
      severity: 'critical',
      message: secret === null ? 'Looks like a development placeholder.' : 'Long and random enough.',
      fix: 'Replace it with a long random value.',
      recommended: 'generate',
    }),
    rule({
      rule: 'secret-strength',
      group: 'secrets-and-signing',
      key: 'SENTINEL_JWT_SECRET',
      status: setBy(edits, 'SENTINEL_JWT_SECRET') === null ? 'fail' : 'pass',
      severity: 'critical',
      message: 'Shorter than 32 characters.',
      fix: 'Replace it with a long random value.',
      recommended: 'generate',
    }),
    rule({
      rule: 'new-device-approval',
      group: 'enrollment-and-identity',
      key: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL',
      status: approval === 'true' ? 'pass' : profile === 'production' ? 'fail' : 'warn',
      message: approval === 'true' ? 'New devices wait for approval.' : 'New devices enroll without approval.',
      fix: 'Set it to true unless an open enrollment window is intended.',
      recommended: 'true',
    }),
    rule({
      rule: 'policy-direct-import',
      group: 'change-management',
      key: 'SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED',
      status: 'warn',
      severity: 'medium',
      message: 'Not set: direct import may be on by default.',
      fix: 'Consider false so promotion goes through reviewed import requests.',
      inferred: true,
      recommended: 'false',
    }),
    rule({
      rule: 'health-toggles',
      group: 'background-services',
      key: null,
      status: 'unchecked',
      severity: 'medium',
      message: 'Which workers this deployment relies on is not in the file.',
      fix: 'Set the SENTINEL_REQUIRE_* health toggles for the workers you run.',
    }),
    rule({
      rule: 'database-require-postgresql',
      group: 'database',
      key: 'SENTINEL_DATABASE_REQUIRE_POSTGRESQL',
      status: 'pass',
      message: 'PostgreSQL is required.',
      fix: 'Keep it true in production.',
      recommended: 'true',
    }),
  ];
  const count = (status: RuleStatus): number => results.filter((result) => result.status === status).length;
  return {
    file: ENV_PATH,
    sha256,
    profile,
    proxyMode,
    summary: { pass: count('pass'), warn: count('warn'), fail: count('fail'), unchecked: count('unchecked') },
    results,
    secretKeys: ['SENTINEL_SECRET_KEY', 'SENTINEL_JWT_SECRET'],
  };
}

/** What main answers for a preview of approval=true plus a generated secret: secret values already masked. */
export const PREVIEW: EnvPreview = {
  diff: {
    identical: false,
    added: 2,
    removed: 2,
    rows: [
      { kind: 'same', oldLine: 2, newLine: 2, oldText: 'SENTINEL_ALLOWED_ORIGINS=*', newText: 'SENTINEL_ALLOWED_ORIGINS=*' },
      { kind: 'changed', oldLine: 3, newLine: 3, oldText: 'SENTINEL_SECRET_KEY=de… (35 chars)', newText: 'SENTINEL_SECRET_KEY=Q2… (50 chars)' },
      { kind: 'same', oldLine: 4, newLine: 4, oldText: 'SENTINEL_JWT_SECRET=•••• (9 chars)', newText: 'SENTINEL_JWT_SECRET=•••• (9 chars)' },
      { kind: 'changed', oldLine: 5, newLine: 5, oldText: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL=false', newText: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL=true' },
    ],
  },
  verified: true,
  refused: [],
};

export const SAVED_AT = '2025-01-31T10:15:00.000Z';

export const SAVED: EnvSaved = {
  status: 'saved',
  path: ENV_PATH,
  sha256: SHA_SAVED,
  backupPath: '/opt/sentinel/.env.2025-01-31T10-15-00Z.bak',
  mode: 0o644,
  modeAdvice: 'The file holds secrets and its group and others can read it (0644).',
  savedAt: SAVED_AT,
};

export const CONFLICT: EnvConflict = {
  status: 'conflict',
  path: ENV_PATH,
  message: 'The file changed on disk since it was opened (its sha256 differs): nothing was written.',
  diff: {
    identical: false,
    added: 1,
    removed: 0,
    rows: [
      { kind: 'same', oldLine: 6, newLine: 6, oldText: 'SENTINEL_DATABASE_REQUIRE_POSTGRESQL=true', newText: 'SENTINEL_DATABASE_REQUIRE_POSTGRESQL=true' },
      { kind: 'added', oldLine: null, newLine: 7, oldText: null, newText: 'SENTINEL_MAINTENANCE_WINDOW=02:00' },
    ],
  },
};
