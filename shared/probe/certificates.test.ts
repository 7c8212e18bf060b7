import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../e2e/support/test-pki';
import { deviceIdMismatch, readLeaf, summarizeCertificate } from './certificates';

let dir: string;
let pki: TestPki;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-probe-certs-'));
  pki = await generateTestPki(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('device certificate pre-check', () => {
  it('reads the leaf of a leaf + chain file', () => {
    const r = readLeaf(pki.devices.valid.chainPem);
    expect(r.ok && r.leaf).toMatchObject({ commonName: 'device-valid-01', issuer: 'O=Sentinel Test,CN=Sentinel Test Device CA', count: 2 });
  });

  it('refuses a certificate whose CN is not the device id, saying both', () => {
    const r = readLeaf(pki.devices.valid.certPem);
    if (!r.ok) throw new Error(r.message);
    expect(deviceIdMismatch(r.leaf, 'device-valid-01')).toBeNull();
    expect(deviceIdMismatch(r.leaf, 'device-demo-01')).toMatch(/CN "device-valid-01".*"device-demo-01"/);
  });

  it('says when the file holds no certificate', () => {
    expect(readLeaf(pki.devices.valid.keyPem)).toEqual({ ok: false, message: 'the file holds no PEM certificate' });
  });
});

describe('summarizeCertificate', () => {
  it('gives subject, issuer, lowercase serial, expiry and SHA-256 from the DER', async () => {
    const cert = pki.server.cert;
    const now = new Date();
    const s = await summarizeCertificate(new Uint8Array(cert.rawData), now);
    expect(s.subject).toBe('O=Sentinel Test,CN=localhost');
    expect(s.issuer).toBe('O=Sentinel Test,CN=Sentinel Test Root CA');
    expect(s.serialNumber).toBe(cert.serialNumber.toLowerCase().replace(/^0+/, ''));
    expect(s.notAfter).toBe(cert.notAfter.toISOString());
    expect(s.daysLeft).toBe(29);
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
