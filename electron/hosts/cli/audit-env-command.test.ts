import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRouterDeps } from '../../services/node-services';
import { createRouter } from '../../services/router';
import { runCli } from './run';

const SECRET = 'xln4NucQJVPOGAClnGReqdbEPhG_UwwpU5VlHNrN6vg';
const JWT = 'mcBcY5eRvLBZPj6nQYLxYmQ1ciRp_ETFOVav1dHGr8E';

let dir = '';
let keyPath = '';

/** Production-ready under the NGINX flow; `over` replaces or adds lines. */
function envText(over: Readonly<Record<string, string>> = {}): string {
  const values: Record<string, string> = {
    SENTINEL_TRUST_PROXY_CERT_HEADERS: 'true',
    SENTINEL_ALLOWED_ORIGINS: 'https://console.example.com',
    SENTINEL_REQUIRE_DEVICE_MTLS: 'true',
    SENTINEL_SECRET_KEY: SECRET,
    SENTINEL_JWT_SECRET: JWT,
    SENTINEL_WORKLOAD_ASSERTION_SIGNING_PRIVATE_KEY_PATH: keyPath,
    SENTINEL_WORKLOAD_ASSERTION_VERIFICATION_PUBLIC_KEY_PATH: '/etc/sentinel/keys/verify.pem',
    SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL: 'true',
    SENTINEL_REQUIRE_CERT_COMMON_NAME_MATCH: 'true',
    SENTINEL_OCSP_ENABLED: 'true',
    SENTINEL_WORKLOAD_ASSERTION_ONE_TIME_USE: 'true',
    SENTINEL_WORKLOAD_ASSERTION_BIND_SOURCE_IP: 'true',
    SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED: 'false',
    SENTINEL_COMMAND_DUAL_APPROVAL_ENABLED: 'true',
    SENTINEL_REQUIRE_DELIVERY_WORKER: 'true',
    SENTINEL_DATABASE_REQUIRE_POSTGRESQL: 'true',
    SENTINEL_AUTO_CREATE_SCHEMA_ON_BOOT: 'false',
    ...over,
  };
  return Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join('');
}

async function envFile(name: string, over: Readonly<Record<string, string>> = {}): Promise<string> {
  const path = join(dir, 'project', name);
  await writeFile(path, envText(over), { mode: 0o600 });
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-audit-env-'));
  await mkdir(join(dir, 'project'));
  await mkdir(join(dir, 'keys'));
  keyPath = join(dir, 'keys', 'signing.pem');
  await writeFile(keyPath, 'not really a key\n');
  await chmod(keyPath, 0o600);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const router = () =>
  createRouter(
    createNodeRouterDeps(
      { name: 'Sentinel Console', version: '1.0.0', host: 'cli', dataDir: join(dir, 'data'), platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } },
      { emit: () => undefined },
    ),
  );

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, router, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: join(dir, 'project') });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

interface CliJson {
  file: string;
  profile: string;
  summary: Record<string, number>;
  results: { rule: string; key: string | null; status: string; severity: string; message: string }[];
}

describe('sentinel-console audit env', () => {
  it('--json prints the documented shape, fields in order, and exits 0 on a production-ready file', async () => {
    const file = await envFile('good.env');
    const { code, stdout, stderr } = await cli('audit', 'env', file, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as CliJson;
    expect(Object.keys(json).slice(0, 4)).toEqual(['file', 'profile', 'summary', 'results']);
    expect(Object.keys(json.summary)).toEqual(['pass', 'warn', 'fail', 'unchecked']);
    expect(json).toMatchObject({ file, profile: 'production', summary: { fail: 0, warn: 0, unchecked: 0 } });
    for (const r of json.results) expect(Object.keys(r).slice(0, 5)).toEqual(['rule', 'key', 'status', 'severity', 'message']);
    expect(json.results.find((r) => r.rule === 'private-key-permissions')?.message).toContain('0600');
  });

  it('prints results grouped like the checklist and exits 1 on a failure, never printing a secret', async () => {
    const file = await envFile('bad.env', { SENTINEL_ALLOWED_ORIGINS: '*', SENTINEL_JWT_SECRET: SECRET, SENTINEL_FOO: 'bar' });
    const { code, stdout } = await cli('audit', 'env', 'bad.env');
    expect(code).toBe(1);
    const network = stdout.indexOf('Network boundary');
    expect(network).toBeGreaterThan(0);
    expect(stdout.indexOf('Secrets and signing material')).toBeGreaterThan(network);
    expect(stdout.indexOf('Database posture')).toBeGreaterThan(stdout.indexOf('Secrets and signing material'));
    expect(stdout).toMatch(/^ {2}FAIL {2}allowed-origins {2}SENTINEL_ALLOWED_ORIGINS: "\*" allows every origin/m);
    expect(stdout).toMatch(/FAIL {2}secrets-distinct \(inferred\) {2}SENTINEL_SECRET_KEY and SENTINEL_JWT_SECRET hold the same value/);
    expect(stdout).toMatch(/^ {2}---- {2}unknown-key {2}SENTINEL_FOO is not checked/m);
    expect(stdout).toContain(file);
    const json = await cli('audit', 'env', file, '--json');
    expect(json.code).toBe(1);
    for (const text of [stdout, json.stdout]) expect(text).not.toContain(SECRET);
  });

  it('honours --profile and --proxy-mode', async () => {
    const origins = await envFile('origins.env', { SENTINEL_ALLOWED_ORIGINS: '*' });
    expect((await cli('audit', 'env', origins)).code).toBe(1);
    const dev = await cli('audit', 'env', origins, '--profile', 'development', '--json');
    expect(dev.code).toBe(0);
    expect((JSON.parse(dev.stdout) as CliJson).profile).toBe('development');
    const direct = await cli('audit', 'env', await envFile('direct.env'), '--proxy-mode', 'direct', '--json');
    expect(direct.code).toBe(1);
    expect((JSON.parse(direct.stdout) as CliJson).results.find((r) => r.rule === 'trust-proxy-cert-headers')?.status).toBe('fail');
  });

  it.each([
    [['audit', 'env'], 'exactly one .env file'],
    [['audit', 'env', 'x.env', '--profile', 'staging'], '--profile must be production or development'],
    [['audit', 'env', 'x.env', '--proxy-mode', 'haproxy'], '--proxy-mode must be nginx-mtls, direct, unknown'],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 when the file cannot be read', async () => {
    const { code, stderr } = await cli('audit', 'env', join(dir, 'project', 'missing.env'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sentinel-console: .*\[(NOT_FOUND|UNREADABLE_FILE)\]/);
  });

  it('is listed in help', async () => {
    const { stdout } = await cli('audit', 'env', '--help');
    expect(stdout).toContain('sentinel-console audit env <file>');
  });
});
