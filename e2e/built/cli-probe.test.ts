import { join } from 'node:path';
import { runBuiltCli, type CliRun } from './run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { writeMatrixDir } from '../support/matrix-dir';
import { nginxAvailable } from '../support/nginx';
import { type LiveProxy, startRenderedProxy } from '../integration/live-proxy';

/** `sentinel-console probe` as built, against the rendered config on the real nginx. */


const run = (args: string[]): Promise<CliRun> => runBuiltCli(args, { timeoutMs: 60_000 });

interface ProbeJson {
  baseUrl: string;
  insecure: boolean;
  ok: boolean;
  tls: { version: string; cipher: string; chain: { subject: string; daysLeft: number }[]; hostnameVerified: boolean; requestsClientCert: boolean };
  steps: { id: string; status: number | null; error: string | null; ok: boolean; ms: number; reason: string }[];
  matrix: { id: string; expected: string; outcome: string; ok: boolean }[] | null;
}

describe.skipIf(!nginxAvailable())('sentinel-console probe (built)', () => {
  let proxy: LiveProxy | undefined;
  const live = (): LiveProxy => {
    if (!proxy) throw new Error('setup failed');
    return proxy;
  };
  beforeAll(async () => {
    proxy = await startRenderedProxy();
  });
  afterAll(async () => proxy?.stop());

  const base = (): string => `https://localhost:${live().nginx.port}`;
  const device = (): string[] => {
    const d = live().pki.devices.valid;
    return ['--client-cert', d.chainPath, '--client-key', d.keyPath, '--device-id', d.deviceId];
  };

  it('--json has the documented shape; all four steps pass against the enforcing config; exit 0', async () => {
    const { code, stdout } = await run(['probe', '--base-url', base(), '--ca-file', live().pki.root.certPath, ...device(), '--json']);
    const report = JSON.parse(stdout) as ProbeJson;
    expect(code, stdout).toBe(0);
    expect(report).toMatchObject({ baseUrl: base(), insecure: false, ok: true, matrix: null });
    expect(report.tls).toMatchObject({ version: 'TLSv1.3', hostnameVerified: true, requestsClientCert: true });
    expect(report.tls.chain.length).toBeGreaterThan(0);
    expect(report.steps.map((s) => [s.id, s.status, s.error, s.ok])).toEqual([
      ['live', 200, null, true],
      ['ready', 200, null, true],
      ['heartbeat-anonymous', 401, null, true],
      ['heartbeat-authenticated', 200, null, true],
    ]);
    for (const step of report.steps) expect(typeof step.ms === 'number' && step.reason.length > 0).toBe(true);
  });

  it('--matrix DIR runs every case with the expected outcome', async () => {
    const dir = await writeMatrixDir(live().pki, join(live().pki.dir, 'matrix'));
    const { code, stdout } = await run(['probe', '--base-url', base(), '--ca-file', live().pki.root.certPath, '--matrix', dir, '--json']);
    const report = JSON.parse(stdout) as ProbeJson;
    expect(code, stdout).toBe(0);
    expect(report.matrix?.filter((c) => c.outcome !== 'skipped').every((c) => c.ok)).toBe(true);
    expect(report.matrix?.find((c) => c.id === 'impostor-ca-name')).toMatchObject({ expected: 'reject', outcome: 'rejected' });
  });

  it('without the private CA the proxy is untrusted: exit 1, classified, every step says why; --insecure marks the run', async () => {
    const untrusted = await run(['probe', '--base-url', base(), '--json']);
    expect(untrusted.code).toBe(1);
    const report = JSON.parse(untrusted.stdout) as ProbeJson;
    expect(report.ok).toBe(false);
    expect(report.steps[0]?.error).toBe('unknown-ca');
    const insecure = await run(['probe', '--base-url', base(), '--insecure', '--json']);
    expect(insecure.code).toBe(0);
    expect(JSON.parse(insecure.stdout)).toMatchObject({ insecure: true, ok: true });
    expect((await run(['probe', '--base-url', base(), '--insecure'])).stdout).toContain('INSECURE');
  });

  it('a closed port: connection-refused, exit 1; a CN that is not the device id is never sent', async () => {
    const closed = await run(['probe', '--base-url', `https://127.0.0.1:${await freePort()}`, '--json']);
    expect(closed.code).toBe(1);
    expect((JSON.parse(closed.stdout) as ProbeJson).steps[0]?.error).toBe('connection-refused');
    const d = live().pki.devices.valid;
    const wrongId = await run(['probe', '--base-url', base(), '--ca-file', live().pki.root.certPath, '--client-cert', d.chainPath, '--client-key', d.keyPath, '--device-id', 'someone-else', '--json']);
    expect(wrongId.code).toBe(1);
    const step = (JSON.parse(wrongId.stdout) as ProbeJson).steps.find((s) => s.id === 'heartbeat-authenticated');
    expect(step).toMatchObject({ ok: false, status: null });
    expect(step?.reason).toContain('someone-else');
  });

  it('usage errors exit 2', async () => {
    expect((await run(['probe'])).code).toBe(2);
    expect((await run(['probe', '--base-url', 'https://x.example', '--client-cert', 'a.pem'])).code).toBe(2);
    expect((await run(['probe', '--base-url', 'http://127.0.0.1:1'])).code).toBe(2);
  });
});
