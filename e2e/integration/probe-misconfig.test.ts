import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../electron/services/probe/engine';
import { renderNginxConfig } from '../../shared/nginx/render';
import { writeMatrixDir } from '../support/matrix-dir';
import { nginxAvailable } from '../support/nginx';
import { type ProbeProxy, startProbeProxy, testProfile } from '../support/probe-proxy';
import { generateTestPki, type TestPki } from '../support/test-pki';
import { pkiRenderInput } from './render-fixtures';

const engine = createProbeEngine({ readFile: async (p) => new Uint8Array(await readFile(p)), clock: () => new Date() });

/** Replaces exactly one line of the rendered config, failing loudly if the render changed shape. */
function edit(text: string, from: RegExp, to: string): string {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (from.test(l) ? [i] : []));
  if (hits.length !== 1) throw new Error(`expected one line matching ${String(from)}, found ${hits.length}`);
  return lines.map((l, i) => (i === hits[0] ? l.replace(from, to) : l)).join('\n');
}

/** The heartbeat location without its `if ($ssl_client_verify != SUCCESS) { return 401 ...; }` gate. */
function withoutHeartbeatGate(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('if ($ssl_client_verify != SUCCESS) {'));
  if (at < 0 || !lines[at + 1]?.includes('return 401') || lines[at + 2]?.trim() !== '}') throw new Error('the heartbeat gate changed shape');
  return [...lines.slice(0, at), ...lines.slice(at + 3)].join('\n');
}

describe.skipIf(!nginxAvailable())('probe: misconfigured proxies are caught', () => {
  let dir: string;
  let pki: TestPki;
  let matrixDir: string;
  let proxy: ProbeProxy | undefined;
  const start = async (change: (text: string) => string): Promise<ProbeProxy> => {
    proxy = await startProbeProxy((port, upstreamUrl) => change(renderNginxConfig(pkiRenderInput(pki, { listen: [`127.0.0.1:${port}`], upstreamUrl }))));
    return proxy;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sc-probe-misconfig-'));
    pki = await generateTestPki(dir);
    matrixDir = await writeMatrixDir(pki, join(dir, 'matrix'));
  });
  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('`ssl_verify_client optional` without the heartbeat gate: the anonymous heartbeat fails as "not enforced"', async () => {
    const { port, echo } = await start(withoutHeartbeatGate);
    const report = await engine.run(testProfile(pki, port, { matrixDir }), { tls: false, matrix: true });
    const anonymous = report.steps.find((s) => s.id === 'heartbeat-anonymous');
    expect(anonymous).toMatchObject({ status: 200, ok: false, ran: true });
    expect(anonymous?.reason).toMatch(/proxy accepted a heartbeat without a client certificate: device mTLS is not enforced/);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe(anonymous?.reason);
    // The heartbeat really reached the upstream without a certificate, under the probe's own id,
    // never the real device's; the authenticated one carried the device id.
    const heartbeats = echo.requests.filter((r) => r.url === '/api/heartbeat').map((r) => [r.headers['x-ssl-client-verify'], JSON.parse(r.body) as unknown]);
    expect(heartbeats).toContainEqual(['NONE', { device_id: 'sentinel-console-probe' }]);
    expect(heartbeats).toContainEqual(['SUCCESS', { device_id: 'device-valid-01' }]);
    expect(heartbeats.filter(([verify]) => verify === 'NONE').every(([, body]) => JSON.stringify(body) === '{"device_id":"sentinel-console-probe"}')).toBe(true);
    expect(report.matrix?.find((c) => c.id === 'no-cert')).toMatchObject({ outcome: 'accepted', ok: false, detail: expect.stringMatching(/not enforced/) });
    // Certificates are still verified when one is given: only the requirement is missing.
    expect(report.matrix?.find((c) => c.id === 'expired')).toMatchObject({ outcome: 'rejected', ok: true });
  });

  it('`optional_no_ca`: the impostor with the real CA\'s name is flagged as accepted', async () => {
    const { port } = await start((text) => edit(text, /ssl_verify_client optional;/, 'ssl_verify_client optional_no_ca;'));
    const report = await engine.run(testProfile(pki, port, { matrixDir }), { tls: true, matrix: true });
    const impostor = report.matrix?.find((c) => c.id === 'impostor-ca-name');
    expect(impostor).toMatchObject({ expected: 'reject', outcome: 'accepted', status: 200, ok: false });
    expect(impostor?.detail).toMatch(/copies the real CA's name was accepted: .*optional_no_ca/);
    expect(report.ok).toBe(false);
    expect(report.summary).toMatch(/^Enforcement matrix, .*must be rejected/);
    // It still asks for certificates and names the right CAs: a TLS scanner would call this fine.
    expect(report.tls?.requestsClientCert).toBe(true);
    // The smoke test alone passes: the gate still wants SUCCESS on the heartbeat.
    expect(report.steps.every((s) => s.ok)).toBe(true);
  });

  it('no `ssl_verify_client`: the server asks for no certificate and the device cannot authenticate', async () => {
    const { port } = await start((text) => edit(text, /^\s*ssl_verify_client optional;$/, '    # ssl_verify_client removed'));
    const report = await engine.run(testProfile(pki, port), { tls: true, matrix: false });
    expect(report.tls).toMatchObject({ requestsClientCert: false, acceptableCas: [] });
    const authenticated = report.steps.find((s) => s.id === 'heartbeat-authenticated');
    expect(authenticated).toMatchObject({ status: 401, ok: false });
    expect(authenticated?.reason).toMatch(/rejected by the proxy \(401 client_certificate_required\)/);
  });
});
