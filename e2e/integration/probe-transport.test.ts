import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../electron/services/probe/engine';
import { renderNginxConfig } from '../../shared/nginx/render';
import { freePort } from '../support/free-port';
import { writeMatrixDir } from '../support/matrix-dir';
import { nginxAvailable } from '../support/nginx';
import { type ProbeProxy, startProbeProxy, testProfile } from '../support/probe-proxy';
import { generateTestPki, type TestPki } from '../support/test-pki';
import { pkiRenderInput } from './render-fixtures';

const engine = createProbeEngine({ readFile: async (p) => new Uint8Array(await readFile(p)), clock: () => new Date() });
/** Scheduling slack on a busy 2-core machine; the bounds themselves come from the profile. */
const SLACK_MS = 250;

let dir: string;
let pki: TestPki;
let matrixDir: string;
const servers: (TcpServer | TlsServer)[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-probe-transport-'));
  pki = await generateTestPki(dir);
  matrixDir = await writeMatrixDir(pki, join(dir, 'matrix'));
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await rm(dir, { recursive: true, force: true });
});

/** A loopback server that accepts and then never says anything. */
async function silent(server: TcpServer | TlsServer): Promise<number> {
  servers.push(server);
  server.on('connection', (s: Socket) => sockets.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return address.port;
}

describe.skipIf(!nginxAvailable())('probe: the upstream behind nginx is down', () => {
  let proxy: ProbeProxy | undefined;
  afterEach(async () => {
    await proxy?.stop();
  });

  it('ready fails with the 502 from nginx and says the API is unreachable; the gate still answers 401', async () => {
    proxy = await startProbeProxy((port, upstreamUrl) => renderNginxConfig(pkiRenderInput(pki, { listen: [`127.0.0.1:${port}`], upstreamUrl })));
    await proxy.echo.close();
    const report = await engine.run(testProfile(pki, proxy.port), { tls: false, matrix: false });
    const [live, ready, anonymous, authenticated] = report.steps;
    expect(ready).toMatchObject({ status: 502, ok: false, ran: true, error: null });
    expect(ready?.reason).toBe('GET /api/health/ready answered 502 Bad Gateway: the proxy is up but cannot reach the API upstream; is the API listener running?');
    expect(live).toMatchObject({ status: 502, ok: false });
    expect(anonymous).toMatchObject({ status: 401, ok: true });
    expect(authenticated?.reason).toMatch(/502 Bad Gateway: the proxy accepted the certificate, but the API behind it failed/);
    expect(report.ok).toBe(false);
  });
});

describe('probe: nothing usable at the address', () => {
  it('a closed port is "connection-refused" everywhere, quickly', async () => {
    const port = await freePort();
    const report = await engine.run(testProfile(pki, port, { matrixDir }), { tls: true, matrix: true });
    expect(report.steps[0]).toMatchObject({ error: 'connection-refused', ok: false, ran: true });
    expect(report.steps[0]?.reason).toMatch(/Nothing accepted the connection/);
    expect(report.steps.slice(1).every((s) => !s.ran && !s.ok)).toBe(true);
    expect(report.tls).toMatchObject({ version: null, chain: [], chainVerified: false, verifyError: 'connection-refused', requestsClientCert: null });
    expect(Object.values(report.tls?.protocols ?? {})).toEqual([false, false, false, false]);
    expect(report.matrix?.filter((c) => c.outcome !== 'skipped').every((c) => c.outcome === 'error' && c.error === 'connection-refused')).toBe(true);
    expect(report.ms).toBeLessThan(1000);
  });

  it('a port that accepts and never answers is a "timeout" within the connect bound, for the whole run', async () => {
    const port = await silent(createTcpServer(() => undefined));
    const timeouts = { connectMs: 400, totalMs: 1500 };
    const started = performance.now();
    const report = await engine.run(testProfile(pki, port, { matrixDir, timeouts }), { tls: true, matrix: true });
    const elapsed = performance.now() - started;
    expect(report.steps[0]).toMatchObject({ error: 'timeout', ok: false });
    expect(report.steps[0]?.reason).toMatch(/no TCP connection and TLS handshake within 400 ms/);
    expect(report.steps[0]?.ms).toBeGreaterThanOrEqual(390);
    expect(report.steps[0]?.ms).toBeLessThanOrEqual(timeouts.connectMs + SLACK_MS);
    expect(report.steps.slice(1).every((s) => !s.ran)).toBe(true);
    expect(report.tls?.verifyError).toBe('timeout');
    expect(report.matrix?.find((c) => c.id === 'no-cert')).toMatchObject({ outcome: 'error', error: 'timeout' });
    // Everything runs side by side, so one connect bound covers the whole run.
    expect(elapsed).toBeLessThanOrEqual(timeouts.connectMs + SLACK_MS);
  });

  it('a TLS server that never answers the request is a "timeout" within the total bound, per step', async () => {
    const port = await silent(createTlsServer({ cert: pki.server.fullchainPem, key: pki.server.keyPem }, () => undefined));
    const timeouts = { connectMs: 300, totalMs: 600 };
    const report = await engine.run(testProfile(pki, port, { device: null, timeouts }), { tls: false, matrix: false });
    const ran = report.steps.filter((s) => s.ran);
    expect(ran.map((s) => s.error)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(ran[0]?.reason).toMatch(/no complete answer within 600 ms/);
    for (const step of ran) {
      expect(step.ms).toBeGreaterThanOrEqual(590);
      expect(step.ms).toBeLessThanOrEqual(timeouts.totalMs + SLACK_MS);
    }
  });
});
