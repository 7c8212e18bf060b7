import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli, type CliRun } from './run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../support/test-pki';

/** `inspect` and `verify` as scripts use them: JSON shape and exit codes of the built bin. */

let dir: string;
let pki: TestPki;

const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runBuiltCli(args, { env });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-cli-pki-'));
  pki = await generateTestPki(dir);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('sentinel-console inspect', () => {
  it('prints the documented JSON and exits 0 for a healthy device chain', async () => {
    const { code, stdout } = await cli(['inspect', pki.devices.valid.chainPath, '--role', 'device', '--device-id', pki.devices.valid.deviceId, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { objects: Array<Record<string, unknown>>; errors: unknown[] };
    expect(out.errors).toEqual([]);
    const leaf = out.objects[0] as { kind: string; source: { file: string; index: number }; subject: string; serialNumber: string; notAfter: string; fingerprints: { sha256: string; sha1: string }; findings: Array<{ id: string; severity: string }> };
    expect(leaf.kind).toBe('certificate');
    expect(leaf.source).toEqual({ file: pki.devices.valid.chainPath, index: 0 });
    expect(leaf.subject).toContain(`CN=${pki.devices.valid.deviceId}`);
    expect(leaf.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(leaf.fingerprints.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(leaf.fingerprints.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(Number.isNaN(Date.parse(leaf.notAfter))).toBe(false);
    expect(leaf.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('exits 1 when a finding of severity error exists, and says what and why', async () => {
    const { code, stdout } = await cli(['inspect', pki.devices.expired.certPath]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/ERROR cert\.expired: expired \d+ day\(s\) ago/);
    expect(stdout).toContain('fix: Issue a new certificate');
  });

  it('exits 2 for a missing file or a bad role, with one line on stderr', async () => {
    const missing = await cli(['inspect', join(dir, 'nope.pem')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^sentinel-console: Cannot read .*nope\.pem: no such file\. \[UNREADABLE_FILE\]\n$/);
    const role = await cli(['inspect', pki.root.certPath, '--role', 'server']);
    expect(role.code).toBe(2);
    expect(role.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a passphrase only from the named environment variable', async () => {
    const unset = await cli(['inspect', pki.devices.valid.keyPath, '--passphrase-env', 'SC_TEST_UNSET_VAR']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('SC_TEST_UNSET_VAR');
  });
});

describe('sentinel-console verify', () => {
  it('exits 0 with the path for a valid chain and 1 with the failing rule otherwise', async () => {
    const ok = await cli(['verify', pki.devices.valid.chainPath, '--trust', pki.root.certPath, '--role', 'device', '--json']);
    expect(ok.code).toBe(0);
    const valid = JSON.parse(ok.stdout) as { valid: boolean; path: Array<{ role: string }>; failure: unknown };
    expect(valid).toMatchObject({ valid: true, failure: null });
    expect(valid.path.map((s) => s.role)).toEqual(['leaf', 'intermediate', 'anchor']);
    const revoked = await cli(['verify', pki.devices.revoked.chainPath, '--trust', pki.root.certPath, '--crl', pki.crlBundle.path, '--json']);
    expect(revoked.code).toBe(1);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ valid: false, failure: { rule: 'revocation.revoked' } });
    const human = await cli(['verify', pki.devices.foreign.chainPath, '--trust', pki.root.certPath]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^INVALID: /);
    expect(human.stdout).toMatch(/rule: \S+/);
  });

  it('validates at a chosen time', async () => {
    const later = new Date(Date.now() + 5 * 365 * 86_400_000).toISOString();
    const r = await cli(['verify', pki.devices.valid.chainPath, '--trust', pki.root.certPath, '--at', later, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ failure: { rule: 'validity.expired' } });
  });
});
