import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaInfo, IssueResult, KeyAlgorithm } from '../../shared/model/ca';

import { caThroughDispatch, KEY_PASSPHRASE, PASSPHRASE } from './ca-router';

const exec = promisify(execFile);
/** openssl's combined output and whether it exited 0; the key passphrase goes through the environment. */
async function openssl(args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const r = await exec('openssl', args, { env: { ...process.env, KEYPASS: KEY_PASSPHRASE } });
    return { ok: true, out: `${r.stdout}${r.stderr}` };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe.each<[KeyAlgorithm, KeyAlgorithm]>([
  ['rsa-3072', 'ec-p384'],
  ['ed25519', 'ec-p256'],
])('device CA with a %s root and a %s intermediate, checked by OpenSSL', (rootAlg, interAlg) => {
  let ca: Awaited<ReturnType<typeof caThroughDispatch>>;
  let root: CaInfo;
  let inter: CaInfo;
  let direct: IssueResult;
  let device: IssueResult;
  let revoked: IssueResult;
  let server: IssueResult;
  let csrCert = '';
  let dir = '';
  const file = (name: string): string => join(dir, name);

  beforeAll(async () => {
    ca = await caThroughDispatch({ crlUrl: 'http://pki.example.test/device.crl', ocspUrl: 'http://pki.example.test/ocsp' });
    dir = ca.dataDir;
    const key = { passphrase: KEY_PASSPHRASE };
    root = await ca.ok('ca.init', { subject: 'CN=Interop Root, O=Sentinel Test', keyAlgorithm: rootAlg, passphrase: PASSPHRASE });
    direct = await ca.ok('ca.issueDevice', { deviceId: 'device-direct', outDir: file('out'), key });
    inter = await ca.ok('ca.createIntermediate', { parentId: root.id, subject: 'CN=Interop Issuing, O=Sentinel Test', keyAlgorithm: interAlg });
    device = await ca.ok('ca.issueDevice', { deviceId: 'device-0001', outDir: file('out'), key });
    revoked = await ca.ok('ca.issueDevice', { deviceId: 'device-0002', outDir: file('out'), key: { ...key, formats: ['pkcs8'] } });
    server = await ca.ok('ca.issueServer', { commonName: 'localhost', ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'], outDir: file('out'), key: { ...key, formats: ['pkcs8'] } });
    await exec('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', file('csr.key'), '-subj', '/CN=device-csr-01/O=Maker', '-addext', 'subjectAltName=DNS:evil.example', '-out', file('device.csr')]);
    csrCert = file('out/device-csr-01.pem');
    await ca.ok('ca.signCsr', { csr: { kind: 'path', path: file('device.csr') }, outPath: csrCert });
    await ca.ok('ca.revoke', { serialNumber: revoked.certificate.serialNumber, reason: 'keyCompromise' });
    await ca.ok('ca.export', { outDir: file('proxy') });
    // Each CA's own certificate, from the exported bundle (roots first, then intermediates).
    const blocks = (await readFile(file('proxy/ca-bundle.pem'), 'utf8')).match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g) ?? [];
    await writeFile(file(`${root.id}.pem`), blocks[0] ?? '');
    await writeFile(file(`${inter.id}.pem`), blocks[1] ?? '');
  }, 120_000);
  afterAll(() => ca.cleanup());

  it('openssl verify -purpose sslclient accepts devices issued by the root and through the intermediate', async () => {
    const rootPem = file(`${root.id}.pem`);
    expect((await openssl(['verify', '-CAfile', rootPem, '-purpose', 'sslclient', direct.files[0] as string])).out).toContain(': OK');
    for (const leaf of [device.files[0] as string, csrCert]) {
      const r = await openssl(['verify', '-CAfile', rootPem, '-untrusted', file(`${inter.id}.pem`), '-purpose', 'sslclient', leaf]);
      expect(r.out).toContain(': OK');
    }
    const text = (await openssl(['x509', '-in', device.files[0] as string, '-noout', '-text'])).out;
    expect(text).toMatch(/Subject: CN ?= ?device-0001\n/);
    expect(text).toContain('TLS Web Client Authentication');
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature/);
    expect(text).toContain('URI:http://pki.example.test/device.crl');
    expect(text).toContain('OCSP - URI:http://pki.example.test/ocsp');
    expect(text).toMatch(/X509v3 Subject Key Identifier/);
    expect(text).toMatch(/X509v3 Authority Key Identifier/);
    const csrText = (await openssl(['x509', '-in', csrCert, '-noout', '-text'])).out;
    expect(csrText).not.toContain('evil.example');
    expect(csrText).toMatch(/Subject: CN ?= ?device-csr-01\n/);
  });

  it('openssl verify -purpose sslserver accepts the server certificate, and -purpose sslclient does not', async () => {
    const args = ['verify', '-CAfile', file(`${root.id}.pem`), '-untrusted', file(`${inter.id}.pem`)];
    expect((await openssl([...args, '-purpose', 'sslserver', server.files[0] as string])).out).toContain(': OK');
    expect((await openssl([...args, '-purpose', 'sslclient', server.files[0] as string])).ok).toBe(false);
  });

  it('openssl crl -verify accepts each CA’s CRL; the combined CRL covers the whole chain', async () => {
    const status = await ca.ok('ca.status', {});
    for (const c of status.cas) {
      const r = await openssl(['crl', '-in', c.crl?.path ?? '', '-CAfile', file(`${c.id}.pem`), '-noout', '-verify', '-text']);
      expect(r.out).toContain('verify OK');
      expect(r.out).toMatch(/X509v3 Authority Key Identifier/);
    }
    const chainArgs = ['verify', '-crl_check_all', '-CRLfile', file('proxy/ca-crl.pem'), '-CAfile', file(`${root.id}.pem`), '-untrusted', file(`${inter.id}.pem`)];
    expect((await openssl([...chainArgs, device.files[0] as string])).out).toContain(': OK');
    const bad = await openssl([...chainArgs, revoked.files[0] as string]);
    expect(bad.ok).toBe(false);
    expect(bad.out).toContain('certificate revoked');
  });

  it('openssl pkcs8 decrypts the issued key with the passphrase and fails without it', async () => {
    const keyFile = device.files.find((f) => f.endsWith('.key')) as string;
    const good = await openssl(['pkcs8', '-in', keyFile, '-passin', 'env:KEYPASS', '-nocrypt', '-topk8', '-outform', 'DER', '-out', file('plain.der')]);
    expect(good.ok).toBe(true);
    const info = await openssl(['asn1parse', '-in', keyFile]);
    expect(info.out).toContain('PBES2');
    expect(info.out).toContain('hmacWithSHA256');
    expect(info.out).toContain('aes-256-cbc');
    expect((await openssl(['pkcs8', '-in', keyFile, '-passin', 'pass:wrong passphrase', '-nocrypt', '-topk8'])).ok).toBe(false);
    expect((await openssl(['pkcs8', '-in', keyFile, '-passin', 'pass:', '-nocrypt', '-topk8'])).ok).toBe(false);
    const pub = (await openssl(['pkey', '-inform', 'DER', '-in', file('plain.der'), '-pubout'])).out;
    const certPub = (await openssl(['x509', '-in', device.files[0] as string, '-noout', '-pubkey'])).out;
    expect(pub).toBe(certPub);
  });

  it('openssl pkcs12 reads the bundle: the key, the leaf and its chain', async () => {
    const p12 = device.files.find((f) => f.endsWith('.p12')) as string;
    const r = await openssl(['pkcs12', '-in', p12, '-passin', 'env:KEYPASS', '-info', '-nokeys']);
    expect(r.ok).toBe(true);
    expect(r.out).toContain('MAC: sha256');
    expect(r.out.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    expect((await openssl(['pkcs12', '-in', p12, '-passin', 'pass:wrong passphrase', '-noout'])).ok).toBe(false);
  });
});
