import { createPrivateKey, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaInfo, IssueResult } from '../../shared/model/ca';
import { renderNginxConfig } from '../../shared/nginx/render';
import { DEFAULT_HEADER_NAMES } from '../../shared/nginx/types';
import { type EchoUpstream, startEchoUpstream } from '../support/echo-upstream';
import { freePort } from '../support/free-port';
import { request } from '../support/https-client';
import { nginxAvailable, type RunningNginx, startNginx } from '../support/nginx';

import { caThroughDispatch, KEY_PASSPHRASE, PASSPHRASE } from './ca-router';

/**
 * The console's CA in front of a real nginx, configured only from what ca.export writes
 * (ssl_client_certificate = ca-bundle.pem, ssl_crl = ca-crl.pem) and the rendered config.
 */
describe.skipIf(!nginxAvailable())('nginx trusts the exported CA bundle and enforces the published CRLs', () => {
  let ca: Awaited<ReturnType<typeof caThroughDispatch>>;
  let echo: EchoUpstream | undefined;
  let nginx: RunningNginx | undefined;
  let root: CaInfo;
  const devices: Record<'direct' | 'inter' | 'revoked' | 'rotated', IssueResult | undefined> = { direct: undefined, inter: undefined, revoked: undefined, rotated: undefined };
  let rootPem = '';
  let dir = '';
  const key = { passphrase: KEY_PASSPHRASE, formats: ['pkcs8' as const] };

  /** The decrypted key stays in memory (Node's TLS client gets it), as a device would hold it. */
  async function clearKey(r: IssueResult): Promise<string> {
    const pem = await readFile(r.files.find((f) => f.endsWith('.key')) as string);
    return createPrivateKey({ key: pem, passphrase: KEY_PASSPHRASE }).export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  async function probe(device: keyof typeof devices): Promise<{ status: number; body: string; proxied: boolean }> {
    if (!nginx || !echo) throw new Error('setup failed');
    const r = devices[device];
    if (!r) throw new Error(`no ${device} device`);
    const id = randomUUID();
    const res = await request({
      port: nginx.port,
      path: '/api/heartbeat',
      method: 'POST',
      ca: rootPem,
      cert: await readFile(r.files[1] as string, 'utf8'),
      key: await clearKey(r),
      headers: { 'x-probe-id': id },
      body: '{}',
    });
    return { status: res.status, body: res.body, proxied: echo.requests.some((q) => q.headers['x-probe-id'] === id) };
  }

  beforeAll(async () => {
    ca = await caThroughDispatch();
    dir = ca.dataDir;
    root = await ca.ok('ca.init', { subject: 'CN=Nginx Interop Root, O=Sentinel Test', passphrase: PASSPHRASE });
    devices.direct = await ca.ok('ca.issueDevice', { deviceId: 'device-direct', outDir: join(dir, 'dev'), key });
    await ca.ok('ca.createIntermediate', { parentId: root.id, subject: 'CN=Nginx Interop Issuing, O=Sentinel Test', keyAlgorithm: 'ec-p384' });
    devices.inter = await ca.ok('ca.issueDevice', { deviceId: 'device-inter', outDir: join(dir, 'dev'), key });
    const revoked = await ca.ok('ca.issueDevice', { deviceId: 'device-revoked', outDir: join(dir, 'dev'), key });
    devices.revoked = revoked;
    const server = await ca.ok('ca.issueServer', { commonName: 'localhost', ipAddresses: ['127.0.0.1'], outDir: join(dir, 'server'), key });
    await ca.ok('ca.revoke', { serialNumber: revoked.certificate.serialNumber, reason: 'keyCompromise' });
    await ca.ok('ca.export', { outDir: join(dir, 'proxy') });
    rootPem = (await readFile(join(dir, 'proxy/ca-bundle.pem'), 'utf8')).split(/(?<=-----END CERTIFICATE-----\n)/)[0] ?? '';
    // nginx reads the server key in clear (or via ssl_password_file); a test-only copy, 0600.
    const serverKey = join(dir, 'server/localhost.clear.key');
    await writeFile(serverKey, await clearKey(server), { mode: 0o600 });
    echo = await startEchoUpstream();
    const port = await freePort();
    const text = renderNginxConfig({
      serverName: 'localhost',
      tlsCertPath: server.files[1] as string,
      tlsKeyPath: serverKey,
      clientCaPath: join(dir, 'proxy/ca-bundle.pem'),
      upstreamUrl: echo.url,
      envFilePath: null,
      listen: [`127.0.0.1:${port}`],
      crlPath: join(dir, 'proxy/ca-crl.pem'),
      ocsp: { mode: 'off' },
      verifyDepth: 2,
      tlsVersions: ['TLSv1.2', 'TLSv1.3'],
      hsts: { maxAgeSeconds: 31_536_000, includeSubdomains: false },
      headerNames: DEFAULT_HEADER_NAMES,
      allowRemoteUpstream: false,
    });
    nginx = await startNginx({ port, serverBlocks: text });
  }, 60_000);

  afterAll(async () => {
    await nginx?.stop();
    await echo?.close();
    await ca?.cleanup();
  });

  it('accepts a valid device issued through the intermediate, and one issued by the root', async () => {
    expect(await probe('inter')).toMatchObject({ status: 200, proxied: true });
    expect(await probe('direct')).toMatchObject({ status: 200, proxied: true });
  });

  it('rejects the revoked device (CRL published by ca.revoke, shipped by ca.export)', async () => {
    const r = await probe('revoked');
    expect(r).toMatchObject({ status: 401, proxied: false });
    expect(JSON.parse(r.body)).toMatchObject({ error: 'client_certificate_invalid', verify: expect.stringContaining('certificate revoked') });
  });

  it('M-8: with only the root CRL in ssl_crl every intermediate-issued device would be rejected; the export covers the chain', async () => {
    if (!nginx) throw new Error('setup failed');
    const crlFile = join(dir, 'proxy/ca-crl.pem');
    const combined = await readFile(crlFile, 'utf8');
    const rootOnly = combined.split(/(?<=-----END X509 CRL-----\n)/)[0] ?? '';
    await writeFile(crlFile, rootOnly);
    await nginx.reload();
    const r = await probe('inter');
    expect(JSON.parse(r.body)).toMatchObject({ verify: expect.stringContaining('unable to get certificate CRL') });
    await writeFile(crlFile, combined);
    await nginx.reload();
    expect(await probe('inter')).toMatchObject({ status: 200 });
  });

  it('rotation overlap: after ca.rotate and a new export, devices of the old and the new root are both accepted', async () => {
    if (!nginx) throw new Error('setup failed');
    await ca.ok('ca.rotate', { subject: 'CN=Nginx Interop Root 2, O=Sentinel Test', overlapDays: 30 });
    devices.rotated = await ca.ok('ca.issueDevice', { deviceId: 'device-rotated', outDir: join(dir, 'dev2'), key });
    await ca.ok('ca.export', { outDir: join(dir, 'proxy') });
    expect((await readFile(join(dir, 'proxy/ca-bundle.pem'), 'utf8')).match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    await nginx.reload();
    expect(await probe('rotated')).toMatchObject({ status: 200, proxied: true });
    expect(await probe('inter')).toMatchObject({ status: 200, proxied: true });
    expect(await probe('revoked')).toMatchObject({ status: 401 });
  });
});
