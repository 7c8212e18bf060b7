import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../electron/services/probe/engine';
import { CommandFailure } from '../../shared/ipc/errors';
import { MATRIX_CASES, type MatrixCaseId, type ProxyProfile } from '../../shared/model/probe';
import { nameToRfc4514, readName } from '../../shared/pki/name';
import { certificateParts } from '../../shared/pki/tbs';
import { writeMatrixDir } from '../support/matrix-dir';
import { nginxAvailable } from '../support/nginx';
import { testProfile } from '../support/probe-proxy';
import { type LiveProxy, startRenderedProxy } from './live-proxy';

const AT = new Date('2026-05-04T03:02:01.000Z');
const engine = createProbeEngine({ readFile: async (p) => new Uint8Array(await readFile(p)), clock: () => AT });
const subjectOf = (der: ArrayBuffer): string => nameToRfc4514(readName(certificateParts(new Uint8Array(der)).subjectDer));

describe.skipIf(!nginxAvailable())('probe: the rendered config enforces device mTLS', () => {
  let proxy: LiveProxy | undefined;
  let profile: ProxyProfile;
  const live = (): LiveProxy => {
    if (!proxy) throw new Error('setup failed');
    return proxy;
  };

  beforeAll(async () => {
    proxy = await startRenderedProxy();
    const matrixDir = await writeMatrixDir(proxy.pki, join(proxy.pki.dir, 'matrix'));
    profile = testProfile(proxy.pki, proxy.nginx.port, { matrixDir });
  });
  afterAll(async () => {
    await proxy?.stop();
  });

  it('passes the seed smoke test: live, ready, 401 without a certificate, the device accepted', async () => {
    const report = await engine.run(profile, { tls: false, matrix: false });
    expect(report.steps.map((s) => [s.id, s.status, s.ok, s.ran])).toEqual([
      ['live', 200, true, true],
      ['ready', 200, true, true],
      ['heartbeat-anonymous', 401, true, true],
      ['heartbeat-authenticated', 200, true, true],
    ]);
    expect(report.steps[2]?.reason).toMatch(/401 from the proxy, as the platform expects/);
    expect(report).toMatchObject({ ok: true, insecure: false, at: AT.toISOString(), tls: null, matrix: null, profileId: 'probe-test' });
    expect(report.summary).toMatch(/^All clear: .*device's heartbeat is accepted/);
  });

  it('runs every matrix case with the expected outcome', async () => {
    const report = await engine.run(profile, { tls: false, matrix: true });
    const byId = new Map(report.matrix?.map((c) => [c.id, c]));
    expect([...byId.keys()]).toEqual([...MATRIX_CASES]);
    const expected: Record<MatrixCaseId, 'accepted' | 'rejected'> = {
      'no-cert': 'rejected',
      'leaf-without-chain': 'accepted',
      'leaf-with-chain': 'accepted',
      expired: 'rejected',
      revoked: 'rejected',
      'wrong-ca': 'rejected',
      'impostor-ca-name': 'rejected',
      'no-client-auth': 'rejected',
      'forged-headers': 'rejected',
    };
    for (const id of MATRIX_CASES) expect([id, byId.get(id)?.outcome, byId.get(id)?.ok]).toEqual([id, expected[id], true]);
    expect(byId.get('expired')?.detail).toMatch(/401 client_certificate_invalid: FAILED:certificate has expired/);
    expect(byId.get('revoked')?.detail).toMatch(/FAILED:certificate revoked/);
    expect(byId.get('no-client-auth')?.detail).toMatch(/unsuitable certificate purpose/);
    // The CA bundle holds the intermediate, so a leaf alone verifies; the detail says why that is fine.
    expect(byId.get('leaf-without-chain')).toMatchObject({ expected: 'accept', detail: expect.stringMatching(/advertises the leaf's issuer .*Sentinel Test Device CA/) });
    expect(byId.get('forged-headers')?.detail).toMatch(/None of the 8 forged certificate headers reached the API \(without a certificate and with valid-chain\)/);
    expect(report.ok).toBe(true);
  });

  it('reports the TLS details of the rendered server', async () => {
    const { pki } = live();
    const { tls } = await engine.run(profile, { tls: true, matrix: false });
    expect(tls).toMatchObject({ version: 'TLSv1.3', chainVerified: true, hostnameVerified: true, verifyError: null, ocspStapled: false });
    expect(tls?.chain.map((c) => c.subject)).toEqual([subjectOf(pki.server.cert.rawData), subjectOf(pki.root.cert.rawData)]);
    expect(tls?.chain[0]).toMatchObject({ serialNumber: pki.server.cert.serialNumber.toLowerCase(), daysLeft: expect.any(Number) });
    expect(tls?.requestsClientCert).toBe(true);
    expect(tls?.acceptableCas).toEqual([subjectOf(pki.root.cert.rawData), subjectOf(pki.intermediate.cert.rawData)]);
    expect(tls?.protocols).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
  });

  it('marks an insecure run in the report and leaves the chain unverified', async () => {
    const report = await engine.run({ ...profile, insecure: true, caFile: null }, { tls: true, matrix: false });
    expect(report).toMatchObject({ ok: true, insecure: true });
    expect(report.summary).toMatch(/NOT verified: insecure/);
    expect(report.tls).toMatchObject({ chainVerified: null, verifyError: null, hostnameVerified: true });
  });

  it("does not send the heartbeat when the certificate's CN is not the device id", async () => {
    const device = { ...live().pki.devices.valid, deviceId: 'device-demo-01' };
    const report = await engine.run({ ...profile, device: { certFile: device.chainPath, keyFile: device.keyPath, deviceId: device.deviceId } }, { tls: false, matrix: false });
    const step = report.steps[3];
    expect(step).toMatchObject({ id: 'heartbeat-authenticated', ran: false, ok: false, status: null });
    expect(step?.reason).toMatch(/Not sent: .*CN "device-valid-01".*"device-demo-01"/);
    expect(report.ok).toBe(false);
  });

  it('treats a missing device key as a local file error, and an unreadable CA file as a hard failure', async () => {
    const badKey = await engine.run({ ...profile, device: { certFile: live().pki.devices.valid.certPath, keyFile: '/nonexistent/device.key', deviceId: 'device-valid-01' } }, { tls: false, matrix: false });
    expect(badKey.steps[3]).toMatchObject({ ran: false, ok: false, error: 'local-file', reason: expect.stringMatching(/\/nonexistent\/device.key: it does not exist/) });
    const run = engine.run({ ...profile, caFile: '/nonexistent/ca.pem' }, { tls: false, matrix: false });
    await expect(run).rejects.toBeInstanceOf(CommandFailure);
    await expect(run).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
  });

  it('without a device or matrix directory, skips what needs certificates and stays ok', async () => {
    const report = await engine.run({ ...profile, device: null, matrixDir: null }, { tls: false, matrix: true });
    expect(report.steps[3]).toMatchObject({ ran: false, ok: true, reason: expect.stringMatching(/no device certificate is configured/) });
    const outcomes = report.matrix?.map((c) => c.outcome);
    expect(outcomes?.filter((o) => o === 'skipped')).toHaveLength(7);
    expect(report.matrix?.find((c) => c.id === 'no-cert')).toMatchObject({ outcome: 'rejected', ok: true });
    expect(report.ok).toBe(true);
  });
});
