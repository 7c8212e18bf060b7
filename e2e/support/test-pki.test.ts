import { execFile } from 'node:child_process';
import { X509Certificate as NodeX509 } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derInteger, generateTestPki, type TestPki } from './test-pki';

/** Runs openssl and returns exit code plus combined output (openssl verify exits non-zero on failure). */
function openssl(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('openssl', args, { timeout: 10_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

describe('generateTestPki', () => {
  let dir = '';
  let pki: TestPki;
  let elapsedMs = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentinel-pki-'));
    const started = performance.now();
    pki = await generateTestPki(dir);
    elapsedMs = performance.now() - started;
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is quick enough to run per test file', () => {
    expect(elapsedMs).toBeLessThan(5000); // ~0.2 s on an idle 2-core box; bound is loose for loaded CI
  });

  it('builds root → intermediate (pathlen 0) with matching AKI/SKI', async () => {
    const root = pki.root.cert.getExtension(x509.BasicConstraintsExtension);
    const inter = pki.intermediate.cert.getExtension(x509.BasicConstraintsExtension);
    expect(root?.ca).toBe(true);
    expect(inter).toMatchObject({ ca: true, pathLength: 0 });
    const rootSki = pki.root.cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
    expect(pki.intermediate.cert.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(rootSki);
    expect(await pki.intermediate.cert.verify({ publicKey: pki.root.cert.publicKey, date: new Date() })).toBe(true);
  });

  it('issues devices with the advertised properties', () => {
    const now = Date.now();
    const { valid, expired, notYetValid, revoked, noClientAuth, foreign } = pki.devices;
    expect(valid.deviceId).toBe('device-valid-01');
    expect(valid.cert.subject).toContain('CN=device-valid-01');
    const eku = (c: x509.X509Certificate): unknown[] => c.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? [];
    expect(eku(valid.cert)).toEqual([CLIENT_AUTH]);
    expect(eku(noClientAuth.cert)).toEqual([SERVER_AUTH]);
    expect(expired.cert.notAfter.getTime()).toBeLessThan(now);
    expect(notYetValid.cert.notBefore.getTime()).toBeGreaterThan(now);
    expect(revoked.cert.issuer).toBe(pki.intermediate.cert.subject);
    expect(foreign.cert.issuer).toBe(pki.root.cert.subject); // impostor: same name, other key
    expect(pki.foreignCa.cert.subject).toBe(pki.root.cert.subject);
    expect(new NodeX509(valid.chainPem).checkIssued(new NodeX509(pki.intermediate.certPem))).toBe(true);
    expect(new NodeX509(foreign.certPem).verify(new NodeX509(pki.root.certPem).publicKey)).toBe(false);
  });

  it('uses random positive 16-byte serials', () => {
    const serials = [pki.root, pki.intermediate, pki.server, ...Object.values(pki.devices)].map((c) => c.cert.serialNumber);
    for (const serial of serials) expect(serial).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('writes keys as PKCS#8 with mode 0600 and CRLs with the X509 CRL label', async () => {
    expect(pki.devices.valid.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect((await stat(pki.devices.valid.keyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(pki.root.keyPath)).mode & 0o777).toBe(0o600);
    expect(pki.crlBundle.pem.match(/-----BEGIN X509 CRL-----/g)).toHaveLength(2);
    expect(pki.caBundle.pem.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
  });

  it('revokes only the revoked device, for keyCompromise, with a CRL number', () => {
    const crl = pki.crls.intermediate.crl;
    expect(crl.findRevoked(pki.devices.revoked.cert)?.reason).toBe(x509.X509CrlReason.keyCompromise);
    expect(crl.findRevoked(pki.devices.valid.cert)).toBeNull();
    expect(crl.getExtension('2.5.29.20')).toBeTruthy();
    expect(pki.crls.root.crl.entries).toHaveLength(0);
    expect(crl.nextUpdate && crl.nextUpdate.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
  });

  it('shifts validity windows with opts.now', async () => {
    const other = await mkdtemp(join(tmpdir(), 'sentinel-pki-'));
    try {
      const now = new Date('2030-01-01T00:00:00Z');
      const shifted = await generateTestPki(other, { now });
      expect(shifted.devices.valid.cert.notBefore.getUTCFullYear()).toBe(2029);
      expect(shifted.devices.expired.cert.notAfter.getTime()).toBeLessThan(now.getTime());
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('encodes DER INTEGERs minimally', () => {
    expect([...derInteger(1)]).toEqual([2, 1, 1]);
    expect([...derInteger(128)]).toEqual([2, 2, 0, 128]);
    expect([...derInteger(256)]).toEqual([2, 2, 1, 0]);
  });

  describe('agrees with openssl', () => {
    const chainArgs = (): string[] => ['-CAfile', pki.root.certPath, '-untrusted', pki.intermediate.certPath];

    it('valid device verifies for sslclient', async () => {
      const r = await openssl(['verify', ...chainArgs(), '-purpose', 'sslclient', pki.devices.valid.certPath]);
      expect(r).toMatchObject({ code: 0 });
      expect(r.out).toContain(': OK');
    });

    it('with the CRL bundle: valid OK, revoked fails as revoked', async () => {
      const crl = ['-crl_check_all', '-CRLfile', pki.crlBundle.path];
      const ok = await openssl(['verify', ...chainArgs(), ...crl, pki.devices.valid.certPath]);
      expect(ok.code).toBe(0);
      const bad = await openssl(['verify', ...chainArgs(), ...crl, pki.devices.revoked.certPath]);
      expect(bad.code).not.toBe(0);
      expect(bad.out).toContain('certificate revoked');
    });

    it('with the expired CRL bundle openssl rejects even the valid device as "CRL has expired"', async () => {
      const crl = ['-crl_check_all', '-CRLfile', pki.expiredCrlBundle.path];
      const r = await openssl(['verify', ...chainArgs(), ...crl, pki.devices.valid.certPath]);
      expect(r.code).not.toBe(0);
      expect(r.out).toContain('CRL has expired');
    });

    it('server cert verifies for sslserver; wrong-purpose and impostor devices fail', async () => {
      const server = await openssl(['verify', '-CAfile', pki.root.certPath, '-purpose', 'sslserver', pki.server.certPath]);
      expect(server.code).toBe(0);
      const purpose = await openssl(['verify', ...chainArgs(), '-purpose', 'sslclient', pki.devices.noClientAuth.certPath]);
      expect(purpose.out).toContain('unsuitable certificate purpose');
      const foreign = await openssl(['verify', ...chainArgs(), pki.devices.foreign.certPath]);
      expect(foreign.code).not.toBe(0);
    });

    it('openssl reads both CRLs and they verify against their issuers', async () => {
      for (const [crl, ca] of [
        [pki.crls.intermediate.path, pki.intermediate.certPath],
        [pki.crls.root.path, pki.root.certPath],
      ] as const) {
        const r = await openssl(['crl', '-in', crl, '-CAfile', ca, '-noout', '-verify']);
        expect(r.out).toContain('verify OK');
      }
    });
  });
});
