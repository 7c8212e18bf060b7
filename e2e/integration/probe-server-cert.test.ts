import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../electron/services/probe/engine';
import { renderNginxConfig } from '../../shared/nginx/render';
import { nginxAvailable } from '../support/nginx';
import { type ProbeProxy, startProbeProxy, testProfile } from '../support/probe-proxy';
import { issueServerCert } from '../support/server-cert';
import { generateTestPki, type TestPki } from '../support/test-pki';
import { pkiRenderInput } from './render-fixtures';

const DAY = 86_400_000;
const engine = createProbeEngine({ readFile: async (p) => new Uint8Array(await readFile(p)), clock: () => new Date() });

describe.skipIf(!nginxAvailable())("probe: the proxy's own certificate", () => {
  let dir: string;
  let pki: TestPki;
  let proxy: ProbeProxy | undefined;
  const serve = async (cert: { fullchainPath: string; keyPath: string } | null, extra = ''): Promise<ProbeProxy> => {
    proxy = await startProbeProxy((port, upstreamUrl) =>
      renderNginxConfig(pkiRenderInput(pki, { listen: [`127.0.0.1:${port}`], upstreamUrl, ...(cert ? { tlsCertPath: cert.fullchainPath, tlsKeyPath: cert.keyPath } : {}) })).replace(
        'ssl_session_tickets off;',
        `ssl_session_tickets off;\n${extra}`,
      ),
    );
    return proxy;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sc-probe-servercert-'));
    pki = await generateTestPki(dir);
  });
  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('an expired certificate is classified "expired", and the other steps are not run', async () => {
    const now = Date.now();
    const { port } = await serve(await issueServerCert(pki, { name: 'expired-server', dnsNames: ['localhost'], notBefore: new Date(now - 30 * DAY), notAfter: new Date(now - 2 * DAY) }));
    const report = await engine.run(testProfile(pki, port), { tls: true, matrix: false });
    expect(report.steps[0]).toMatchObject({ id: 'live', ok: false, ran: true, error: 'expired', status: null });
    expect(report.steps[0]?.reason).toMatch(/GET \/api\/health\/live failed: The proxy's certificate .*has expired/);
    expect(report.steps.slice(1).map((s) => [s.ran, s.ok])).toEqual([[false, false], [false, false], [false, false]]);
    expect(report.summary).toBe(report.steps[0]?.reason);
    expect(report.tls).toMatchObject({ chainVerified: false, verifyError: 'expired', hostnameVerified: true });
    expect(report.tls?.chain[0]?.daysLeft).toBeLessThan(0);
  });

  it('a certificate for another host name is classified "hostname-mismatch"', async () => {
    const now = Date.now();
    const { port } = await serve(await issueServerCert(pki, { name: 'other-server', dnsNames: ['other.example'], notBefore: new Date(now - DAY), notAfter: new Date(now + 30 * DAY) }));
    const report = await engine.run(testProfile(pki, port), { tls: true, matrix: false });
    expect(report.steps[0]).toMatchObject({ ok: false, error: 'hostname-mismatch' });
    expect(report.steps[0]?.reason).toMatch(/not valid for this host name/);
    expect(report.tls).toMatchObject({ chainVerified: true, hostnameVerified: false, verifyError: 'hostname-mismatch' });
    expect(report.tls?.chain[0]?.subject).toBe('O=Sentinel Test,CN=other.example');
  });

  it('a certificate from a CA the profile does not trust is classified "unknown-ca"; insecure then passes, marked', async () => {
    const { port } = await serve(null);
    const untrusted = testProfile(pki, port, { caFile: pki.foreignCa.certPath });
    const report = await engine.run(untrusted, { tls: true, matrix: false });
    expect(report.steps[0]).toMatchObject({ ok: false, error: 'unknown-ca' });
    expect(report.tls).toMatchObject({ chainVerified: false, verifyError: 'unknown-ca', hostnameVerified: true });
    // Every TLS-details handshake verified too, yet the operator still sees what the proxy sent
    // (read from the plaintext TLS 1.2 flight) and which versions it speaks.
    expect(report.tls?.chain.map((c) => c.subject)).toEqual(['O=Sentinel Test,CN=localhost', 'O=Sentinel Test,CN=Sentinel Test Root CA']);
    expect(report.tls?.protocols).toMatchObject({ 'TLSv1.2': true, 'TLSv1.3': true, TLSv1: false });
    expect(report.tls?.version).toBe('TLSv1.3');
    expect(report.tls?.cipher).toBeNull();
    const insecure = await engine.run({ ...untrusted, insecure: true }, { tls: true, matrix: false });
    expect(insecure).toMatchObject({ ok: true, insecure: true });
    expect(insecure.tls?.chainVerified).toBeNull();
  });

  it('by IP address: no SNI is sent and the IP SAN is what the certificate is checked against', async () => {
    const { port } = await serve(null);
    const report = await engine.run(testProfile(pki, port, { baseUrl: `https://127.0.0.1:${port}` }), { tls: true, matrix: false });
    expect(report.ok).toBe(true);
    expect(report.tls).toMatchObject({ chainVerified: true, hostnameVerified: true, requestsClientCert: true });
  });

  it('sees a stapled OCSP response (nginx ssl_stapling_file with a response openssl signed)', async () => {
    const index = join(dir, 'ocsp-index.txt');
    const response = join(dir, 'ocsp.der');
    await writeFile(index, `V\t301231235959Z\t\t${pki.server.cert.serialNumber.toUpperCase()}\tunknown\t/O=Sentinel Test/CN=localhost\n`);
    const root = pki.root;
    execFileSync('openssl', ['ocsp', '-index', index, '-rsigner', root.certPath, '-rkey', root.keyPath, '-CA', root.certPath, '-issuer', root.certPath, '-cert', pki.server.certPath, '-respout', response, '-ndays', '1'], { stdio: 'ignore' });
    const { port } = await serve(null, `    ssl_stapling on;\n    ssl_stapling_file ${response};`);
    const report = await engine.run(testProfile(pki, port), { tls: true, matrix: false });
    expect(report.tls?.ocspStapled).toBe(true);
  });

  it('sees no stapled response from the rendered config', async () => {
    const { port } = await serve(null);
    expect((await engine.run(testProfile(pki, port), { tls: true, matrix: false })).tls?.ocspStapled).toBe(false);
  });
});
