import type { AuditResult, EnvEntry, PathFacts, PostureProfile, ProxyMode, RuleResult } from '../model/posture';
import { readDotenvValues } from '../env/read';
import { auditEnv } from './audit';

export const SECRETS = {
  secretKey: 'xln4NucQJVPOGAClnGReqdbEPhG_UwwpU5VlHNrN6vg',
  jwt: 'mcBcY5eRvLBZPj6nQYLxYmQ1ciRp_ETFOVav1dHGr8E',
  bearer: 'YBuD_8vJ9q4f4Eljnf4625T2Y4L2g_MZBmEw8RW1XxQ',
  hmac: 'dzva5tGzdLN19f8CPz91nbJQspzdZb1izXVkNHTMtxk',
} as const;

export const SIGNING_KEY_PATH = '/etc/sentinel/keys/workload-signing.pem';
export const CRL_PATH = '/etc/sentinel/device-ca.crl';

/** A production-ready `.env` under the NGINX mTLS flow: every rule passes on it. */
export const GOOD = `# Sentinel Secure X control plane
SENTINEL_TRUST_PROXY_CERT_HEADERS=true
SENTINEL_ALLOWED_ORIGINS=https://console.example.com, https://ops.example.com:8443
SENTINEL_REQUIRE_DEVICE_MTLS=true
SENTINEL_SECRET_KEY=${SECRETS.secretKey}
SENTINEL_JWT_SECRET="${SECRETS.jwt}"
SENTINEL_MONITORING_BEARER_TOKEN=${SECRETS.bearer}
SENTINEL_WEBHOOK_HMAC_SECRET=${SECRETS.hmac}
SENTINEL_WORKLOAD_ASSERTION_SIGNING_PRIVATE_KEY_PATH=${SIGNING_KEY_PATH}
SENTINEL_WORKLOAD_ASSERTION_VERIFICATION_PUBLIC_KEY_PATH=/etc/sentinel/keys/workload-verify.pem
SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL=true
SENTINEL_REQUIRE_CERT_COMMON_NAME_MATCH=true
SENTINEL_DEVICE_CRL_PATH=${CRL_PATH}
SENTINEL_WORKLOAD_ASSERTION_ONE_TIME_USE=true
SENTINEL_WORKLOAD_ASSERTION_BIND_SOURCE_IP=true
SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED=false
SENTINEL_COMMAND_DUAL_APPROVAL_ENABLED=true
SENTINEL_REQUIRE_DELIVERY_WORKER=true
SENTINEL_DATABASE_REQUIRE_POSTGRESQL=true
SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT=false
`;

const facts = (path: string, over: Partial<PathFacts> = {}): PathFacts => ({ path, exists: true, mode: 0o600, ownedByCurrentUser: true, insideProject: false, ...over });

export const GOOD_PATHS: ReadonlyMap<string, PathFacts> = new Map([
  [SIGNING_KEY_PATH, facts(SIGNING_KEY_PATH)],
  [CRL_PATH, facts(CRL_PATH, { mode: 0o644 })],
]);

export { facts as pathFacts };

/** `text` with each key's line replaced (or dropped for null, or appended when absent). */
export function withValues(text: string, changes: Readonly<Record<string, string | null>>): string {
  let out = text;
  for (const [key, value] of Object.entries(changes)) {
    const line = new RegExp(`^${key}=.*$\\n?`, 'm');
    const next = value === null ? '' : `${key}=${value}\n`;
    out = line.test(out) ? out.replace(line, next) : `${out}${next}`;
  }
  return out;
}

/** Assignments by line, the last of each key winning (enough for these tests; shared/env has the full model). */
export function entriesOf(text: string): EnvEntry[] {
  const found = text.split('\n').flatMap((l, i) => {
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*=/.exec(l);
    return m ? [{ key: m[1] as string, line: i + 1 }] : [];
  });
  const values = readDotenvValues(text);
  return found.map((f, i) => ({ ...f, value: values.get(f.key) ?? '', overridden: found.slice(i + 1).some((g) => g.key === f.key) }));
}

export interface AuditOptions {
  readonly profile?: PostureProfile;
  readonly proxyMode?: ProxyMode;
  readonly paths?: ReadonlyMap<string, PathFacts>;
}

export function audit(text: string, options: AuditOptions = {}): AuditResult {
  return auditEnv({
    file: '/opt/sentinel-secure-x/.env',
    sha256: 'ab'.repeat(32),
    values: readDotenvValues(text),
    entries: entriesOf(text),
    profile: options.profile ?? 'production',
    proxyMode: options.proxyMode ?? 'nginx-mtls',
    paths: options.paths ?? GOOD_PATHS,
    now: new Date('2025-06-01T00:00:00Z'),
  });
}

/** The one result of `rule` (about `key` when given); throws when there is not exactly one. */
export function resultOf(a: AuditResult, rule: string, key?: string | null): RuleResult {
  const found = a.results.filter((r) => r.rule === rule && (key === undefined || r.key === key));
  if (found.length !== 1) throw new Error(`expected one ${rule} result${key ? ` for ${key}` : ''}, got ${found.length}: ${JSON.stringify(found)}`);
  return found[0] as RuleResult;
}
