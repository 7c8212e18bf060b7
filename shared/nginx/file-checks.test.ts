import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../e2e/support/test-pki';
import { checkClientCa, checkTlsCertificate, type FileBytes } from './file-checks';
import { checkCrl } from './file-checks-crl';

const DAY = 86_400_000;
let dir: string;
let pki: TestPki;
const read = async (path: string): Promise<FileBytes> => ({ state: 'read', bytes: new Uint8Array(await readFile(path)) });
const text = (t: string): FileBytes => ({ state: 'read', bytes: new TextEncoder().encode(t) });
const ids = (findings: readonly { id: string }[]): string[] => findings.map((f) => f.id);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-checks-'));
  pki = await generateTestPki(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('checkTlsCertificate', () => {
  it('accepts a serverAuth certificate whose SAN covers the server name, warning only that 30 days is close to expiry', async () => {
    const check = await checkTlsCertificate('tlsCertPath', pki.server.fullchainPath, await read(pki.server.fullchainPath), { now: new Date(), serverName: 'localhost' });
    expect(ids(check.findings)).toEqual(['cert.expiring']);
    expect(check.state).toBe('warning');
    expect(check.summary).toMatch(/^P-256 certificate for localhost, 2\d day\(s\) left$/);
  });

  it('refuses a certificate that does not cover the server name, naming the names it has', async () => {
    const check = await checkTlsCertificate('tlsCertPath', pki.server.certPath, await read(pki.server.certPath), { now: new Date(), serverName: 'sentinel.example.com' });
    expect(check.state).toBe('error');
    const san = check.findings.find((f) => f.id === 'san.server-name');
    expect(san?.message).toBe('does not cover sentinel.example.com: its subjectAltName holds localhost, 127.0.0.1');
  });

  it('accepts an IP server name the SAN lists', async () => {
    const check = await checkTlsCertificate('tlsCertPath', pki.server.certPath, await read(pki.server.certPath), { now: new Date(), serverName: '127.0.0.1' });
    expect(ids(check.findings)).not.toContain('san.server-name');
  });

  it('flags a device certificate (clientAuth only) and an expired one', async () => {
    const device = await checkTlsCertificate('tlsCertPath', pki.devices.valid.certPath, await read(pki.devices.valid.certPath), { now: new Date(), serverName: 'localhost' });
    expect(ids(device.findings)).toEqual(expect.arrayContaining(['eku.role', 'san.server-name']));
    const later = await checkTlsCertificate('tlsCertPath', pki.server.certPath, await read(pki.server.certPath), { now: new Date(Date.now() + 40 * DAY), serverName: 'localhost' });
    expect(later.state).toBe('error');
    expect(ids(later.findings)).toContain('cert.expired');
    expect(later.summary).toMatch(/expired \d+ day\(s\) ago$/);
  });

  it('says a path that is not on this machine is absent, and a file without certificates is an error', async () => {
    const absent = await checkTlsCertificate('tlsCertPath', '/etc/nginx/certs/server.crt', { state: 'absent' }, { now: new Date(), serverName: 'x' });
    expect(absent).toMatchObject({ state: 'absent', findings: [] });
    const empty = await checkTlsCertificate('tlsCertPath', 'k.pem', text(pki.server.keyPem), { now: new Date(), serverName: 'x' });
    expect(empty.state).toBe('error');
    expect(ids(empty.findings)).toContain('file.no-certificate');
  });

  it('reports a file it may not read as a warning (nginx reads it as root), other failures as errors', async () => {
    const denied = await checkTlsCertificate('tlsCertPath', '/root/x.pem', { state: 'unreadable', reason: 'permission denied', denied: true }, { now: new Date(), serverName: 'x' });
    expect(denied.state).toBe('warning');
    const dirCheck = await checkTlsCertificate('tlsCertPath', '/etc', { state: 'unreadable', reason: 'it is a directory', denied: false }, { now: new Date(), serverName: 'x' });
    expect(dirCheck.state).toBe('error');
  });
});

describe('checkClientCa', () => {
  it('accepts the root + intermediate bundle', async () => {
    const check = await checkClientCa('clientCaPath', pki.caBundle.path, await read(pki.caBundle.path), { now: new Date(), serverName: 'x' });
    expect(check.state).toBe('ok');
    expect(check.summary).toMatch(/^2 certificate\(s\): Sentinel Test Root CA; Sentinel Test Device CA; first expiry in 36\d day\(s\)$/);
  });

  it('refuses a device certificate given as the client CA', async () => {
    const check = await checkClientCa('clientCaPath', pki.devices.valid.certPath, await read(pki.devices.valid.certPath), { now: new Date(), serverName: 'x' });
    expect(check.state).toBe('error');
    expect(check.findings.find((f) => f.id === 'ca.not-ca')?.message).toMatch(/^certificate 1 \(O=Sentinel Test,CN=device-valid-01\) is not a CA certificate/);
  });

  it('refuses DER, which nginx cannot load', async () => {
    const der = pki.root.cert.rawData;
    const check = await checkClientCa('clientCaPath', 'ca.der', { state: 'read', bytes: new Uint8Array(der) }, { now: new Date(), serverName: 'x' });
    expect(ids(check.findings)).toEqual(['file.not-pem']);
  });
});

describe('checkCrl', () => {
  const ctx = (now = new Date()) => ({ now, serverName: 'x' });

  it('accepts CRLs from every CA in the client CA file, fresh and correctly signed', async () => {
    const check = await checkCrl('crlPath', pki.crlBundle.path, await read(pki.crlBundle.path), pki.caBundle.path, await read(pki.caBundle.path), ctx());
    expect(check.findings).toEqual([]);
    expect(check.state).toBe('ok');
    expect(check.summary).toMatch(/^2 CRLs\. O=Sentinel Test,CN=Sentinel Test Device CA: next update in 6 day\(s\), 1 revoked; /);
  });

  it('errors once nextUpdate has passed, and warns within the last 24 hours', async () => {
    const crl = await read(pki.crls.intermediate.path);
    const ca = await read(pki.intermediate.certPath);
    const expired = await checkCrl('crlPath', pki.crls.intermediate.path, crl, pki.intermediate.certPath, ca, ctx(new Date(Date.now() + 8 * DAY)));
    expect(expired.state).toBe('error');
    expect(ids(expired.findings)).toContain('crl.expired');
    expect(expired.summary).toMatch(/expired 1 day\(s\) ago/);
    const soon = await checkCrl('crlPath', pki.crls.intermediate.path, crl, pki.intermediate.certPath, ca, ctx(new Date(Date.now() + 7 * DAY - 5 * 3_600_000)));
    expect(soon.state).toBe('warning');
    expect(ids(soon.findings)).toEqual(['crl.expiring']);
  });

  it('refuses a CRL the client CA did not sign', async () => {
    const check = await checkCrl('crlPath', pki.crls.intermediate.path, await read(pki.crls.intermediate.path), pki.foreignCa.certPath, await read(pki.foreignCa.certPath), ctx());
    expect(check.state).toBe('error');
    expect(ids(check.findings)).toEqual(expect.arrayContaining(['crl.wrong-issuer', 'crl.missing-for-ca']));
  });

  it('refuses a CRL whose issuer name matches but whose signature does not verify (impostor root)', async () => {
    const check = await checkCrl('crlPath', pki.crls.root.path, await read(pki.crls.root.path), pki.foreignCa.certPath, await read(pki.foreignCa.certPath), ctx());
    expect(ids(check.findings)).toContain('crl.signature');
  });

  it('names the CA in the chain that has no CRL (nginx checks the whole chain)', async () => {
    const check = await checkCrl('crlPath', pki.crls.intermediate.path, await read(pki.crls.intermediate.path), pki.caBundle.path, await read(pki.caBundle.path), ctx());
    expect(check.state).toBe('error');
    expect(check.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^no CRL from O=Sentinel Test,CN=Sentinel Test Root CA: /)]);
  });

  it('refuses the "BEGIN CRL" label, and notes an unchecked signature when the CA file is absent', async () => {
    const relabelled = pki.crls.intermediate.pem.replace(/X509 CRL/g, 'CRL');
    const check = await checkCrl('crlPath', 'crl.pem', text(relabelled), '/etc/nginx/certs/device-ca.crt', { state: 'absent' }, ctx());
    expect(ids(check.findings)).toEqual(['crl.pem-label', 'crl.issuer-unchecked']);
    expect(check.state).toBe('error');
  });
});
