import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../e2e/support/test-pki';
import type { CertificateObject, CrlObject, InspectResult } from '../model/pki';
import { inspect, type InspectOptions } from './inspect';

let dir: string;
let pki: TestPki;
const now = new Date();
const base: InspectOptions = { role: 'any', deviceId: null, now, expiryWindowDays: 30 };
const file = (path: string) => ({ file: path, bytes: new Uint8Array(readFileSync(path)) });
const text = (name: string, body: string) => ({ file: name, bytes: new TextEncoder().encode(body) });
const ids = (r: InspectResult, i = 0) => (r.objects[i]?.findings ?? []).map((f) => f.id);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sc-inspect-'));
  pki = await generateTestPki(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inspect: what each object says', () => {
  it('reads a device certificate field by field, agreeing with openssl', async () => {
    const r = await inspect([file(pki.devices.valid.certPath)], base);
    const c = r.objects[0] as CertificateObject;
    expect(c.kind).toBe('certificate');
    const ossl = execFileSync('openssl', ['x509', '-in', pki.devices.valid.certPath, '-noout', '-serial', '-fingerprint', '-sha256', '-subject', '-issuer', '-nameopt', 'RFC2253'], { encoding: 'utf8' });
    expect(ossl).toContain(`serial=${c.serialNumber.toUpperCase()}`);
    expect(ossl.replace(/:/g, '').toLowerCase()).toContain(`sha256 fingerprint=${c.fingerprints.sha256}`);
    expect(ossl).toContain(`subject=${c.subject}`);
    expect(ossl).toContain(`issuer=${c.issuer}`);
    expect(c.commonName).toBe(pki.devices.valid.deviceId);
    expect(c.extendedKeyUsage).toEqual(['clientAuth']);
    expect(c.keyUsage).toContain('digitalSignature');
    expect(c.publicKey).toMatchObject({ algorithm: 'EC', size: 256, curve: 'P-256' });
    expect(c.subjectKeyId).toMatch(/^[0-9a-f]+$/);
    expect(c.authorityKeyId).toBe((await inspect([file(pki.intermediate.certPath)], base)).objects[0] && ((await inspect([file(pki.intermediate.certPath)], base)).objects[0] as CertificateObject).subjectKeyId);
    expect(c.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(c.serialNumber.startsWith('0')).toBe(false);
    expect(c.pem).toBe(pki.devices.valid.certPem.replace(/\r/g, ''));
  });

  it('reads DER, PKCS#7 bundles and mixed PEM files', async () => {
    const der = join(dir, 'device.der');
    execFileSync('openssl', ['x509', '-in', pki.devices.valid.certPath, '-outform', 'DER', '-out', der]);
    expect((await inspect([file(der)], base)).objects.map((o) => o.kind)).toEqual(['certificate']);
    const p7 = join(dir, 'bundle.p7b');
    execFileSync('openssl', ['crl2pkcs7', '-certfile', pki.caBundle.path, '-in', pki.crls.intermediate.path, '-out', p7]);
    const bundle = await inspect([file(p7)], base);
    expect(bundle.errors).toEqual([]);
    expect(bundle.objects.map((o) => o.kind).sort()).toEqual(['certificate', 'certificate', 'crl']);
    const mixed = await inspect([text('mixed.pem', pki.devices.valid.chainPem + pki.crls.intermediate.pem)], base);
    expect(mixed.objects.map((o) => o.kind)).toEqual(['certificate', 'certificate', 'crl']);
  });

  it('reads a CRL: issuer, dates, number and entries', async () => {
    const r = await inspect([file(pki.crls.intermediate.path)], base);
    const crl = r.objects[0] as CrlObject;
    expect(crl.kind).toBe('crl');
    expect(crl.entryCount).toBe(1);
    expect(crl.issuer).toBe(((await inspect([file(pki.intermediate.certPath)], base)).objects[0] as CertificateObject).subject);
    expect(crl.nextUpdate).not.toBeNull();
    expect(crl.findings).toEqual([]);
  });

  it('keeps reading after a broken block, naming it', async () => {
    const broken = `${pki.devices.valid.certPem}-----BEGIN CERTIFICATE-----\nMIIBroken==\n-----END CERTIFICATE-----\n${pki.root.certPem}`;
    const r = await inspect([text('broken.pem', broken)], base);
    expect(r.objects).toHaveLength(2);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/^block 2 \(CERTIFICATE\)/);
  });

  it('refuses private keys outside the main process', async () => {
    const r = await inspect([file(pki.devices.valid.keyPath)], base);
    expect(r.objects).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/main process only/);
  });
});

describe('inspect: findings', () => {
  it('flags expired and not-yet-valid certificates as errors', async () => {
    expect(ids(await inspect([file(pki.devices.expired.certPath)], base))).toContain('cert.expired');
    expect(ids(await inspect([file(pki.devices.notYetValid.certPath)], base))).toContain('cert.not-yet-valid');
  });

  it('warns inside the expiry window, which the operator can set', async () => {
    const soon = { ...base, now: new Date(Date.parse((await inspect([file(pki.devices.valid.certPath)], base)).objects[0]!.kind === 'certificate' ? ((await inspect([file(pki.devices.valid.certPath)], base)).objects[0] as CertificateObject).notAfter : '') - 10 * 86_400_000) };
    expect(ids(await inspect([file(pki.devices.valid.certPath)], soon))).toContain('cert.expiring');
    expect(ids(await inspect([file(pki.devices.valid.certPath)], { ...soon, expiryWindowDays: 5 }))).not.toContain('cert.expiring');
  });

  it('judges EKU against the role: device needs clientAuth, proxy needs serverAuth', async () => {
    expect(ids(await inspect([file(pki.devices.noClientAuth.certPath)], { ...base, role: 'device' }))).toContain('eku.role');
    expect(ids(await inspect([file(pki.devices.valid.certPath)], { ...base, role: 'device' }))).not.toContain('eku.role');
    expect(ids(await inspect([file(pki.devices.valid.certPath)], { ...base, role: 'proxy' }))).toContain('eku.role');
    expect(ids(await inspect([file(pki.server.certPath)], { ...base, role: 'proxy' }))).not.toContain('eku.role');
  });

  it('checks CN against the device id', async () => {
    expect(ids(await inspect([file(pki.devices.valid.certPath)], { ...base, deviceId: pki.devices.valid.deviceId }))).not.toContain('cn.device-id');
    const wrong = await inspect([file(pki.devices.valid.certPath)], { ...base, deviceId: 'device-other-99' });
    expect(wrong.objects[0]?.findings.find((f) => f.id === 'cn.device-id')?.message).toBe(`CN "${pki.devices.valid.deviceId}" is not the device id "device-other-99"`);
  });

  it('notices a chain stored out of order, and a missing intermediate for a proxy', async () => {
    const reversed = await inspect([text('rev.pem', pki.intermediate.certPem + pki.devices.valid.certPem)], base);
    expect(reversed.findings.map((f) => f.id)).toContain('chain.out-of-order');
    const alone = await inspect([file(pki.server.certPath)], { ...base, role: 'proxy' });
    expect(alone.findings.map((f) => f.id)).toEqual(['chain.incomplete']);
    const full = await inspect([file(pki.server.fullchainPath)], { ...base, role: 'proxy' });
    expect(full.findings.map((f) => f.id)).toEqual([]);
    const deviceAlone = await inspect([file(pki.devices.valid.certPath)], { ...base, role: 'proxy' });
    expect(deviceAlone.findings.find((f) => f.id === 'chain.incomplete')?.severity).toBe('warning');
  });

  it('flags a CRL from the wrong issuer and one whose signature does not match the named CA', async () => {
    const wrong = await inspect([file(pki.root.certPath), file(pki.crls.intermediate.path)], base);
    expect(wrong.objects.find((o) => o.kind === 'crl')?.findings.map((f) => f.id)).toContain('crl.wrong-issuer');
    const impostor = await inspect([file(pki.foreignCa.certPath), file(pki.crls.root.path)], base);
    expect(impostor.objects.find((o) => o.kind === 'crl')?.findings.map((f) => f.id)).toContain('crl.signature');
    const right = await inspect([file(pki.root.certPath), file(pki.crls.root.path)], base);
    expect(right.objects.find((o) => o.kind === 'crl')?.findings).toEqual([]);
  });

  it('flags a CRL past nextUpdate: nginx would reject every device', async () => {
    const later = { ...base, now: new Date(Date.now() + 30 * 86_400_000) };
    const r = await inspect([file(pki.crls.intermediate.path)], later);
    expect(r.objects[0]?.findings.map((f) => f.id)).toEqual(['crl.expired']);
    const nearly = { ...base, now: new Date(Date.parse((r.objects[0] as CrlObject).nextUpdate ?? '') - 3_600_000) };
    expect((await inspect([file(pki.crls.intermediate.path)], nearly)).objects[0]?.findings.map((f) => f.id)).toEqual(['crl.expiring']);
  });

  it('flags weak RSA keys, SHA-1 signatures and a CA flag on a leaf', async () => {
    const weak = join(dir, 'weak.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:1024', '-sha1', '-nodes', '-keyout', join(dir, 'weak.key'), '-out', weak, '-days', '30', '-subj', '/CN=weak-device', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'extendedKeyUsage=clientAuth'], { stdio: 'ignore' });
    const found = ids(await inspect([file(weak)], { ...base, role: 'device' }));
    expect(found).toEqual(expect.arrayContaining(['key.weak-rsa', 'sig.weak', 'ca.on-leaf']));
  });
});

describe('hostile input', () => {
  it('never hangs or crashes on random bytes and mutations of a real certificate', async () => {
    const der = new Uint8Array(readFileSync(join(dir, 'device.der')));
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 300; i++) {
      const m = der.slice(0, Math.max(1, Math.floor(der.length * (0.5 + rand() / 2))));
      for (let k = 0; k < 4; k++) m[Math.floor(rand() * m.length)] = Math.floor(rand() * 256);
      const r = await inspect([{ file: 'fuzz.der', bytes: m }], base);
      expect(r.objects.length + r.errors.length).toBeGreaterThan(0);
    }
    writeFileSync(join(dir, 'noise.bin'), new Uint8Array(4096).map(() => Math.floor(rand() * 256)));
    expect((await inspect([file(join(dir, 'noise.bin'))], base)).errors).toHaveLength(1);
  });
});
