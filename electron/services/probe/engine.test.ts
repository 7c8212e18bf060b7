import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMatrixDir } from '../../../e2e/support/matrix-dir';
import { testProfile } from '../../../e2e/support/probe-proxy';
import { generateTestPki, type TestPki } from '../../../e2e/support/test-pki';
import { createProbeEngine } from './engine';

let dir: string;
let pki: TestPki;
let matrixDir: string;
let server: Server;
let port: number;
const engine = createProbeEngine({ readFile: async (p) => new Uint8Array(await readFile(p)), clock: () => new Date() });

/** Like HAProxy `verify required`: no certificate, no TLS session; every path is closed to browsers too. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-probe-engine-'));
  pki = await generateTestPki(dir);
  matrixDir = await writeMatrixDir(pki, join(dir, 'matrix'));
  server = createServer({ cert: pki.server.fullchainPem, key: pki.server.keyPem, ca: [pki.root.certPem, pki.intermediate.certPem], requestCert: true, rejectUnauthorized: true }, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ headers: req.headers }));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('probe engine against a server that requires certificates at the TLS level', () => {
  it('reports the refusal of anonymous clients as a TLS-level enforcement, and the device as accepted', async () => {
    const report = await engine.run(testProfile(pki, port, { matrixDir }), { tls: true, matrix: true });
    const [live, , anonymous, authenticated] = report.steps;
    expect(['handshake-failure', 'connection-reset']).toContain(live?.error);
    expect(anonymous?.reason).toMatch(/refused at the TLS level .*client certificates are enforced, but for every client/);
    expect(authenticated).toMatchObject({ status: 200, ok: true });
    expect(report.tls).toMatchObject({ requestsClientCert: true, chainVerified: true });
    const matrix = new Map(report.matrix?.map((c) => [c.id, c]));
    for (const id of ['no-cert', 'expired', 'wrong-ca', 'impostor-ca-name', 'no-client-auth'] as const) {
      expect([id, matrix.get(id)?.outcome, matrix.get(id)?.status, matrix.get(id)?.ok]).toEqual([id, 'rejected', null, true]);
      expect(matrix.get(id)?.detail).toMatch(/^Refused at the TLS level/);
    }
    expect(matrix.get('leaf-with-chain')).toMatchObject({ outcome: 'accepted', ok: true });
    // This server has no CRL, so the revoked device gets in: the matrix must say so.
    expect(matrix.get('revoked')).toMatchObject({ outcome: 'accepted', ok: false, detail: expect.stringMatching(/revoked device certificate was accepted/) });
    expect(report.ok).toBe(false);
  });
});
