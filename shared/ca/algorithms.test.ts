import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_ALGORITHMS, type KeyAlgorithm } from '../model/ca';
import { parseCrl } from '../pki/crl';
import { toPem } from '../pki/pem';
import { algorithmProfile, generateKeyPair, signDer } from './algorithms';
import { certFacts, commonNameOnly, signCertificate, validityWindow } from './certificate';
import { reasonCode, writeCrl } from './crl-encode';
import { hexBytes } from './der-writer';
import { deviceProfile, intermediateProfile, rootProfile } from './profiles';
import { serialFromRandom } from './serial';
import * as x509 from '../pki/x509';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ca-alg-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A key usable only for signing, as the vault hands it out. */
async function nonExtractable(alg: KeyAlgorithm, keys: CryptoKeyPair): Promise<CryptoKey> {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return crypto.subtle.importKey('pkcs8', pkcs8, algorithmProfile(alg).importParams, false, ['sign']);
}

describe.each(KEY_ALGORITHMS)('%s CA', (alg) => {
  it('root → intermediate → device and a CRL per CA, accepted by openssl verify and crl -verify', async () => {
    const now = new Date();
    const rootKeys = await generateKeyPair(alg);
    const rootSigner = await nonExtractable(alg, rootKeys);
    const rootName = commonNameOnly(`Test Root ${alg}`);
    const w = validityWindow(now, 365, null);
    const rootDer = await signCertificate({ subject: rootName, issuer: rootName, publicKey: rootKeys.publicKey, signingKey: rootSigner, signingAlgorithm: alg, serialHex: serialFromRandom(randomBytes(16)), ...w, extensions: await rootProfile(rootKeys.publicKey) });
    const root = await certFacts(rootDer);
    expect(root.isCa).toBe(true);

    const interKeys = await generateKeyPair(alg);
    const interSigner = await nonExtractable(alg, interKeys);
    const interName = commonNameOnly(`Test Intermediate ${alg}`);
    const interDer = await signCertificate({ subject: interName, issuer: new x509.Name(root.subjectDer.slice()), publicKey: interKeys.publicKey, signingKey: rootSigner, signingAlgorithm: alg, serialHex: serialFromRandom(randomBytes(16)), ...validityWindow(now, 100, root.notAfter), extensions: await intermediateProfile(interKeys.publicKey, root.subjectKeyId ?? '') });
    const inter = await certFacts(interDer);

    const devKeys = await generateKeyPair('ec-p256');
    const devDer = await signCertificate({ subject: commonNameOnly('device-01'), issuer: new x509.Name(inter.subjectDer.slice()), publicKey: devKeys.publicKey, signingKey: interSigner, signingAlgorithm: alg, serialHex: serialFromRandom(randomBytes(16)), ...validityWindow(now, 90, inter.notAfter), extensions: await deviceProfile(devKeys.publicKey, inter.subjectKeyId ?? '', { crlUrl: 'http://pki.example/crl', ocspUrl: 'http://pki.example/ocsp' }) });
    const dev = await certFacts(devDer);
    expect(dev.commonName).toBe('device-01');

    const files = { root: join(dir, `${alg}-root.pem`), inter: join(dir, `${alg}-inter.pem`), dev: join(dir, `${alg}-dev.pem`), crl: join(dir, `${alg}-crl.pem`) };
    await writeFile(files.root, toPem(rootDer, 'CERTIFICATE'));
    await writeFile(files.inter, toPem(interDer, 'CERTIFICATE'));
    await writeFile(files.dev, toPem(devDer, 'CERTIFICATE'));
    const verify = await run('openssl', ['verify', '-CAfile', files.root, '-untrusted', files.inter, '-purpose', 'sslclient', files.dev]);
    expect(verify.stdout).toContain(': OK');
    const text = (await run('openssl', ['x509', '-in', files.dev, '-noout', '-text'])).stdout;
    expect(text).toContain('TLS Web Client Authentication');
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature/);
    expect(text).toContain('URI:http://pki.example/crl');
    expect(text).toContain('OCSP - URI:http://pki.example/ocsp');

    const crlDer = await writeCrl(
      { issuerDer: inter.subjectDer, signatureAlgorithmDer: algorithmProfile(alg).signatureAlgorithmDer, thisUpdate: now, nextUpdate: new Date(now.getTime() + 72 * 3_600_000), crlNumber: 300, authorityKeyId: hexBytes(inter.subjectKeyId ?? ''), entries: [{ serial: hexBytes(dev.serialNumber), revokedAt: now, reasonCode: reasonCode('keyCompromise') }] },
      (tbs) => signDer(alg, interSigner, tbs),
    );
    await writeFile(files.crl, toPem(crlDer, 'X509 CRL'));
    const crl = await run('openssl', ['crl', '-in', files.crl, '-CAfile', files.inter, '-noout', '-verify', '-text']);
    expect(`${crl.stdout}${crl.stderr}`).toContain('verify OK');
    expect(crl.stdout).toMatch(/X509v3 CRL Number:\s*\n\s*300\n/);
    expect(parseCrl(crlDer).lookup(dev.serialNumber)?.reason).toBe("keyCompromise");
    const revoked = await run('openssl', ['verify', '-crl_check', '-CRLfile', files.crl, '-CAfile', files.root, '-untrusted', files.inter, files.dev]).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${revoked.stdout}${revoked.stderr}`).toContain('certificate revoked');
  });
});
