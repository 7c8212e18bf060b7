import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { createProbeEngine } from '../../electron/services/probe/engine';
import { startRenderedProxy } from '../integration/live-proxy';
import { testProfile } from '../support/probe-proxy';
import { writeMatrixDir } from '../support/matrix-dir';
import { median } from './median';

const run = promisify(execFile);

/**
 * `npm run bench` case: the seed's smoke test and the full enforcement matrix against a local
 * nginx running the rendered config, through the CLI (a process, as an operator runs it),
 * against what they would run otherwise: the same four checks as curl invocations one after
 * another, and an sslscan of the port (which cannot tell whether certificates are enforced).
 */
export async function benchProbe(rounds: number, cli: string): Promise<string> {
  const proxy = await startRenderedProxy();
  const dir = await mkdtemp(join(tmpdir(), 'bench-probe-'));
  try {
    const { pki } = proxy;
    const port = proxy.nginx.port;
    const base = `https://localhost:${port}`;
    await writeMatrixDir(pki, join(dir, 'matrix'));
    const device = pki.devices.valid;
    const common = ['--base-url', base, '--ca-file', pki.root.certPath];
    const smokeArgs = [cli, 'probe', ...common, '--client-cert', device.chainPath, '--client-key', device.keyPath, '--device-id', device.deviceId, '--json'];
    const matrixArgs = [...smokeArgs, '--matrix', join(dir, 'matrix')];
    const resolve = ['--resolve', `localhost:${port}:127.0.0.1`, '--cacert', pki.root.certPath, '-s', '-o', '/dev/null', '-w', '%{http_code}'];
    const curlSequence = async (): Promise<void> => {
      await run('curl', [...resolve, `${base}/api/health/live`]);
      await run('curl', [...resolve, `${base}/api/health/ready`]);
      await run('curl', [...resolve, '-X', 'POST', '-d', '{}', `${base}/api/heartbeat`]);
      await run('curl', [...resolve, '-X', 'POST', '-d', '{}', '--cert', device.chainPath, '--key', device.keyPath, `${base}/api/heartbeat`]);
    };
    const probe = async (args: string[]): Promise<void> => {
      const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
      const report = JSON.parse(stdout) as { ok: boolean; summary: string };
      if (!report.ok) throw new Error(`the probe failed against the known-good proxy: ${report.summary}`);
    };
    await probe(matrixArgs);
    // What "Probe now" and the scheduler do: the engine inside the running app.
    const engine = createProbeEngine({ readFile: async (p) => new Uint8Array(await readFile(p)), clock: () => new Date() });
    const profile = testProfile(pki, port, { matrixDir: join(dir, 'matrix') });
    const inApp = await median(rounds, async () => {
      const report = await engine.run(profile, { matrix: false, tls: true });
      if (!report.ok) throw new Error(`in-app probe failed: ${report.summary}`);
    });
    const inAppMatrix = await median(rounds, async () => {
      const report = await engine.run(profile, { matrix: true, tls: true });
      if (!report.ok) throw new Error(`in-app matrix failed: ${report.summary}`);
    });
    const smoke = await median(rounds, () => probe(smokeArgs));
    const matrix = await median(rounds, () => probe(matrixArgs));
    const curl = await median(rounds, curlSequence);
    const sslscan = await median(Math.min(rounds, 3), () => run('sslscan', ['--no-colour', `127.0.0.1:${port}`], { timeout: 120_000 }));
    return [
      `proxy smoke test + TLS details in the running app (Probe now / scheduler): ${inApp.toFixed(1)} ms vs the same 4 curl calls in sequence ${curl.toFixed(1)} ms, ratio ${(inApp / curl).toFixed(2)}x`,
      `proxy smoke test (live, ready, anonymous + authenticated heartbeat, TLS details): sentinel-console probe ${smoke.toFixed(1)} ms vs the same 4 curl calls in sequence ${curl.toFixed(1)} ms, ratio ${(smoke / curl).toFixed(2)}x`,
      `proxy smoke test + full enforcement matrix in the running app (Run matrix): ${inAppMatrix.toFixed(1)} ms vs sslscan of the port ${sslscan.toFixed(1)} ms, ratio ${(inAppMatrix / sslscan).toFixed(2)}x`,
      `proxy smoke test + full enforcement matrix: sentinel-console probe --matrix ${matrix.toFixed(1)} ms vs sslscan of the port ${sslscan.toFixed(1)} ms, ratio ${(matrix / sslscan).toFixed(2)}x`,
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
    await proxy.stop();
  }
}
