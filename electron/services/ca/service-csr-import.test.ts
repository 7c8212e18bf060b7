import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as x509 from '../../../shared/pki/x509';
import { caHarness, PASSPHRASE, type CaHarness } from './test-ca';

const run = promisify(execFile);
let ca: CaHarness;
beforeEach(async () => {
  ca = await caHarness();
});
afterEach(() => ca.cleanup());

async function csrPem(name: string, extensions: x509.Extension[] = []): Promise<string> {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name, keys, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' }, extensions });
  return csr.toString('pem');
}

describe('ca.signCsr', () => {
  beforeEach(async () => {
    await ca.ok('ca.init', { subject: 'CN=Root', passphrase: PASSPHRASE });
  });

  it('signs under the device profile, writes cert and chain, and audits what the request asked for and did not get', async () => {
    const text = await csrPem('CN=meter-0042, O=Device Maker', [
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'evil.example' }]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.codeSigning]),
    ]);
    const outPath = join(ca.dataDir, 'meter-0042.pem');
    const r = await ca.ok('ca.signCsr', { csr: { kind: 'text', name: 'meter.csr', text }, outPath });
    expect(r.certificate).toMatchObject({ deviceId: 'meter-0042', subject: 'CN=meter-0042', origin: 'csr', sans: [] });
    expect(r.files).toEqual([outPath, join(ca.dataDir, 'meter-0042.chain.pem')]);
    expect(await readFile(outPath, 'utf8')).toBe(r.certificatePem);
    const cert = new x509.X509Certificate(r.certificatePem);
    expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([x509.ExtendedKeyUsage.clientAuth]);
    expect(cert.getExtension(x509.SubjectAlternativeNameExtension)).toBeNull();
    const detail = (await ca.ok('ca.auditLog', {})).entries.at(-1)?.detail ?? '';
    expect(detail).toContain('requested extensions not issued: subjectAltName, extKeyUsage');
    expect(detail).toContain('subject attributes dropped: O=Device Maker');
    const renewed = await ca.ok('ca.renew', { serialNumber: r.certificate.serialNumber, outDir: join(ca.dataDir, 'renew') });
    expect(renewed.certificate.origin).toBe('csr');
    expect(renewed.files).toHaveLength(2);
    const again = new x509.X509Certificate(await readFile(renewed.files[0] as string, 'utf8'));
    expect(Buffer.from(again.publicKey.rawData).equals(Buffer.from(cert.publicKey.rawData))).toBe(true);
  });

  it.each([
    ['a CN that is not a device id', 'CN=not a device', /not a device id/],
    ['a CSR without CN', 'O=Device Maker', /no CN/],
  ])('refuses %s with INVALID_INPUT and records nothing', async (_what, name, message) => {
    const r = await ca.call('ca.signCsr', { csr: { kind: 'text', name: 'x.csr', text: await csrPem(name) } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    expect(await ca.ok('ca.list', {})).toEqual([]);
  });

  it('reads a CSR file written by openssl (RSA 2048)', async () => {
    const dir = ca.dataDir;
    await run('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'dev.key'), '-subj', '/CN=gateway-01', '-out', join(dir, 'dev.csr')]);
    const r = await ca.ok('ca.signCsr', { csr: { kind: 'path', path: join(dir, 'dev.csr') } });
    expect(r.certificate.deviceId).toBe('gateway-01');
  });
});

describe('ca.import', () => {
  async function opensslCa(dir: string, alg: string[]): Promise<{ cert: string; key: string }> {
    const key = join(dir, 'ca.key');
    const cert = join(dir, 'ca.pem');
    await run('openssl', ['req', '-x509', '-new', ...alg, '-nodes', '-keyout', key, '-subj', '/CN=Imported Root/O=Example', '-days', '365', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', cert]);
    return { cert, key };
  }

  it('takes a plain PKCS#8 key, stores it only encrypted, and issues with it', async () => {
    const files = await opensslCa(ca.dataDir, ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384']);
    const info = await ca.ok('ca.import', { certPath: files.cert, keyPath: files.key, vaultPassphrase: PASSPHRASE });
    expect(info).toMatchObject({ role: 'root', keyAlgorithm: 'ec-p384', subject: 'O=Example,CN=Imported Root', status: 'active' });
    const vaultFiles = await readdir(join(ca.dataDir, 'ca/vault'), { recursive: true });
    const keyFile = vaultFiles.find((f) => f.includes(info.id));
    expect(keyFile).toBeDefined();
    const stored = await readFile(join(ca.dataDir, 'ca/vault', keyFile as string));
    expect(stored.toString('latin1')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    const plainBody = (await readFile(files.key, 'utf8')).split('\n').filter((l) => !l.startsWith('-----')).join('');
    expect(stored.toString('latin1').replace(/\n/g, '')).not.toContain(plainBody.slice(20, 80));
    const issued = await ca.ok('ca.issueDevice', { deviceId: 'dev-imp', outDir: join(ca.dataDir, 'out'), key: { passphrase: PASSPHRASE, formats: ['pkcs8'] } });
    const verify = await run('openssl', ['verify', '-CAfile', files.cert, '-purpose', 'sslclient', issued.files[0] as string]);
    expect(verify.stdout).toContain('OK');
    expect((await ca.ok('ca.auditLog', {})).entries.map((e) => e.op)).toEqual(['import', 'issue']);
  });

  it('takes an encrypted key with its passphrase; refuses a wrong passphrase, a foreign key and a non-CA certificate', async () => {
    const files = await opensslCa(ca.dataDir, ['-newkey', 'rsa:3072']);
    const encrypted = join(ca.dataDir, 'ca-enc.key');
    await run('openssl', ['pkcs8', '-topk8', '-in', files.key, '-out', encrypted, '-v2', 'aes-256-cbc', '-passout', 'pass:import secret 123']);
    const wrong = await ca.call('ca.import', { certPath: files.cert, keyPath: encrypted, keyPassphrase: 'nope', vaultPassphrase: PASSPHRASE });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('wrong') } });
    const foreignKey = join(ca.dataDir, 'other.key');
    await run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', foreignKey]);
    const foreign = await ca.call('ca.import', { certPath: files.cert, keyPath: foreignKey, vaultPassphrase: PASSPHRASE });
    expect(foreign).toMatchObject({ ok: false, error: { message: expect.stringContaining('does not belong') } });
    const leaf = join(ca.dataDir, 'leaf.pem');
    await run('openssl', ['req', '-x509', '-new', '-key', foreignKey, '-subj', '/CN=leaf', '-days', '5', '-addext', 'basicConstraints=critical,CA:FALSE', '-out', leaf]);
    const notCa = await ca.call('ca.import', { certPath: leaf, keyPath: foreignKey, vaultPassphrase: PASSPHRASE });
    expect(notCa).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a CA certificate') } });
    const ok = await ca.ok('ca.import', { certPath: files.cert, keyPath: encrypted, keyPassphrase: 'import secret 123', vaultPassphrase: PASSPHRASE });
    expect(ok.keyAlgorithm).toBe('rsa-3072');
  });
});
