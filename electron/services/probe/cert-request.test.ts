import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type TlsOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../../e2e/support/test-pki';
import { probeCertificateRequest } from './cert-request';
import type { ProbeTarget } from './target';

let dir: string;
let pki: TestPki;
const servers: (Server | TcpServer)[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-certreq-'));
  pki = await generateTestPki(dir);
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await rm(dir, { recursive: true, force: true });
});

async function listen(server: Server | TcpServer): Promise<ProbeTarget> {
  servers.push(server);
  server.on('connection', (s: Socket) => sockets.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return { host: '127.0.0.1', port: address.port, servername: 'localhost' };
}

function tlsServer(extra: TlsOptions): Promise<ProbeTarget> {
  const server = createServer({ cert: pki.server.fullchainPem, key: pki.server.keyPem, ...extra });
  server.on('tlsClientError', () => undefined); // the probe hangs up mid-handshake by design
  return listen(server);
}

describe('probeCertificateRequest against a real OpenSSL server (node:tls)', () => {
  it('sees the CertificateRequest and the CA names it lists', async () => {
    const target = await tlsServer({ requestCert: true, rejectUnauthorized: true, ca: [pki.root.certPem, pki.intermediate.certPem] });
    const result = await probeCertificateRequest(target, 2000);
    expect(result).toEqual({
      known: true,
      requestsClientCert: true,
      acceptableCas: ['O=Sentinel Test,CN=Sentinel Test Root CA', 'O=Sentinel Test,CN=Sentinel Test Device CA'],
      certificates: [pki.server.cert.rawData, pki.root.cert.rawData].map((raw) => new Uint8Array(raw)),
    });
  });

  it('says false when the server asks for no certificate', async () => {
    const target = await tlsServer({ requestCert: false });
    expect(await probeCertificateRequest(target, 2000)).toMatchObject({ known: true, requestsClientCert: false, acceptableCas: [] });
  });

  it('says unknown (not false) when the server speaks only TLS 1.3', async () => {
    const target = await tlsServer({ minVersion: 'TLSv1.3', requestCert: true, ca: pki.root.certPem });
    const result = await probeCertificateRequest(target, 2000);
    expect(result).toMatchObject({ known: false, reason: expect.stringMatching(/protocol_version/) });
  });

  it('gives up within the bound on a port that never answers', async () => {
    const target = await listen(createTcpServer(() => undefined));
    const started = performance.now();
    const result = await probeCertificateRequest(target, 300);
    expect(result.known).toBe(false);
    expect(performance.now() - started).toBeLessThan(300 + 200);
  });

  it('says unknown for a plain-text server', async () => {
    const target = await listen(createTcpServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    expect(await probeCertificateRequest(target, 2000)).toMatchObject({ known: false, reason: expect.stringMatching(/not TLS|closed/) });
  });
});
