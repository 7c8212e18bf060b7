import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EchoedRequest, type EchoUpstream, startEchoUpstream } from './echo-upstream';
import { freePort } from './free-port';
import { type ProbeResponse, request } from './https-client';
import { mtlsServerBlock } from './mtls-config';
import { nginxAvailable, pidAlive, type RunningNginx, startNginx } from './nginx';
import { type DeviceKind, generateTestPki, type TestPki } from './test-pki';

interface Probe {
  res: ProbeResponse;
  /** What the upstream received for this exact request, or undefined if nginx did not proxy it. */
  seen: EchoedRequest | undefined;
}

describe.skipIf(!nginxAvailable())('real nginx mTLS front (feasibility §5 config)', () => {
  let dir = '';
  let pki: TestPki;
  let echo: EchoUpstream | undefined;
  let nginx: RunningNginx | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentinel-pki-'));
    pki = await generateTestPki(dir);
    echo = await startEchoUpstream();
    const port = await freePort();
    nginx = await startNginx({ port, serverBlocks: mtlsServerBlock({ port, upstreamPort: echo.port, pki }) });
  });

  afterAll(async () => {
    await nginx?.stop();
    await echo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Sends one request tagged with a unique id, so "not proxied" is exact even with keepalive reuse. */
  async function probe(
    method: string,
    path: string,
    opts: { device?: DeviceKind; leafOnly?: boolean; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Probe> {
    if (!nginx || !echo) throw new Error('setup failed');
    const id = randomUUID();
    const device = opts.device ? pki.devices[opts.device] : undefined;
    const res = await request({
      port: nginx.port,
      path,
      method,
      ca: pki.root.certPem,
      cert: device ? (opts.leafOnly ? device.certPem : device.chainPem) : undefined,
      key: device?.keyPem,
      headers: { 'x-probe-id': id, ...opts.headers },
      body: opts.body,
    });
    return { res, seen: echo.requests.find((r) => r.headers['x-probe-id'] === id) };
  }

  it('passes anonymous traffic to open routes and tells the upstream there was no cert', async () => {
    const { res, seen } = await probe('GET', '/api/health/live');
    expect(res.status).toBe(200);
    expect(seen?.headers['x-ssl-client-verify']).toBe('NONE');
    expect(seen?.headers['x-ssl-client-s-dn']).toBeUndefined();
    expect(seen?.headers['x-ssl-client-cert']).toBeUndefined();
  });

  it('rejects /api/heartbeat without a cert and does not proxy it', async () => {
    const { res, seen } = await probe('POST', '/api/heartbeat', { body: '{}' });
    expect(res.status).toBe(401);
    expect(seen).toBeUndefined();
  });

  it('accepts the valid device (leaf + intermediate) and forwards its identity', async () => {
    const device = pki.devices.valid;
    const { res, seen } = await probe('POST', '/api/heartbeat', { device: 'valid', body: '{"ok":true}' });
    expect(res.status).toBe(200);
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe('{"ok":true}');
    expect(seen?.headers['x-ssl-client-verify']).toBe('SUCCESS');
    expect(seen?.headers['x-ssl-client-s-dn']).toContain('CN=device-valid-01');
    expect(seen?.headers['x-ssl-client-i-dn']).toContain('CN=Sentinel Test Device CA');
    expect(String(seen?.headers['x-ssl-client-serial']).toLowerCase()).toBe(device.cert.serialNumber.toLowerCase());
    expect(decodeURIComponent(String(seen?.headers['x-ssl-client-cert'])).trim()).toBe(device.certPem.trim());
  });

  it('accepts the valid leaf alone because the intermediate is in ssl_client_certificate', async () => {
    const { res, seen } = await probe('POST', '/api/heartbeat', { device: 'valid', leafOnly: true });
    expect(res.status).toBe(200);
    expect(seen?.headers['x-ssl-client-verify']).toBe('SUCCESS');
  });

  const rejected: [DeviceKind, RegExp][] = [
    ['revoked', /revoked/],
    ['expired', /expired/],
    ['notYetValid', /not yet valid/],
    ['noClientAuth', /purpose/],
    ['foreign', /FAILED:/],
  ];
  for (const [kind, reason] of rejected) {
    it(`rejects the ${kind} device with 401 JSON on every route, never proxied`, async () => {
      for (const [method, path] of [
        ['POST', '/api/heartbeat'],
        ['GET', '/api/health/live'],
      ] as const) {
        const { res, seen } = await probe(method, path, { device: kind });
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toBe('application/json');
        const body = JSON.parse(res.body) as { error: string; verify: string };
        expect(body.error).toBe('client_certificate_invalid');
        expect(body.verify).toMatch(reason);
        expect(seen).toBeUndefined();
      }
    });
  }

  it('ignores forged X-SSL-Client-* headers from a client without a cert', async () => {
    const forged = {
      'X-SSL-Client-Verify': 'SUCCESS',
      'X-SSL-Client-S-DN': 'CN=device-valid-01,O=Sentinel Test',
      'X-SSL-Client-Cert': 'forged',
    };
    const heartbeat = await probe('POST', '/api/heartbeat', { headers: forged, body: '{}' });
    expect(heartbeat.res.status).toBe(401);
    expect(heartbeat.seen).toBeUndefined();

    const live = await probe('GET', '/api/health/live', { headers: forged });
    expect(live.res.status).toBe(200);
    expect(live.seen?.headers['x-ssl-client-verify']).toBe('NONE');
    expect(live.seen?.headers['x-ssl-client-s-dn']).toBeUndefined();
    expect(live.seen?.headers['x-ssl-client-cert']).toBeUndefined();
  });

  it('proxies a request body larger than the in-memory buffer (worker can write PREFIX/tmp)', async () => {
    const body = 'x'.repeat(256 * 1024);
    const { res, seen } = await probe('POST', '/api/upload', { device: 'valid', body });
    expect(res.status).toBe(200);
    expect(seen?.body.length).toBe(body.length);
  });

  it('stops by PID and leaves no nginx process or prefix behind', async () => {
    if (!nginx) throw new Error('setup failed');
    const { pid, prefix } = nginx;
    const workers = nginx.workerPids();
    expect(workers.length).toBe(1);
    await nginx.stop();
    expect(pidAlive(pid)).toBe(false);
    for (const worker of workers) expect(pidAlive(worker)).toBe(false);
    expect(existsSync(prefix)).toBe(false);
  });
});
