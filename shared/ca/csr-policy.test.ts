import { describe, expect, it } from 'vitest';
import { describeCsr } from '../pki/describe';
import { toHex } from '../pki/hex';
import * as x509 from '../pki/x509';
import { checkCsr, type ProfileExtension } from './csr-policy';
import { deviceProfile } from './profiles';

const EC: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

async function csr(name: string, opts: { keys?: CryptoKeyPair; extensions?: x509.Extension[]; alg?: Algorithm | EcdsaParams } = {}): Promise<Uint8Array> {
  const keys = opts.keys ?? ((await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair);
  const req = await x509.Pkcs10CertificateRequestGenerator.create({ name, keys, signingAlgorithm: opts.alg ?? { name: 'ECDSA', hash: 'SHA-256' }, extensions: opts.extensions ?? [] });
  return new Uint8Array(req.rawData);
}

async function judge(der: Uint8Array) {
  const described = await describeCsr(der, { file: 'test.csr', index: 0 });
  const pub = new x509.Pkcs10CertificateRequest(der.slice()).publicKey;
  const profile: ProfileExtension[] = (await deviceProfile(pub, 'aabbcc', {})).map((e) => ({ oid: e.type, valueHex: toHex(e.value) }));
  return checkCsr(described, profile);
}

describe('the device profile judges a CSR', () => {
  it('accepts CN = device id and reports what the profile does not grant', async () => {
    const verdict = await judge(
      await csr('CN=device-42, O=Evil Corp', {
        extensions: [
          new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'bank.example' }]),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          new x509.BasicConstraintsExtension(true, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        ],
      }),
    );
    expect(verdict).toEqual({
      ok: true,
      deviceId: 'device-42',
      keyLabel: 'EC P-256',
      droppedExtensions: ['subjectAltName', 'extKeyUsage', 'basicConstraints'],
      droppedSubject: 'O=Evil Corp',
    });
  });

  it.each([
    ['a CN with a space', 'CN=device 42', /not a device id/],
    ['no CN', 'O=Example', /no CN/],
  ])('refuses %s', async (_what, name, message) => {
    const verdict = await judge(await csr(name));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toMatch(message);
  });

  it('refuses a request whose signature does not verify', async () => {
    const der = await csr('CN=device-42');
    der[der.length - 5] = (der[der.length - 5] as number) ^ 0x01;
    const verdict = await judge(der);
    expect(verdict).toEqual({ ok: false, message: expect.stringContaining('signature does not verify') });
  });

  it('refuses a 1024-bit RSA key and a P-521 key, accepts Ed25519', async () => {
    const rsa = (await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    expect(await judge(await csr('CN=device-rsa', { keys: rsa, alg: { name: 'RSASSA-PKCS1-v1_5' } }))).toEqual({ ok: false, message: expect.stringContaining('1024 bits is too small') });
    const p521 = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-521' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    expect(await judge(await csr('CN=device-p521', { keys: p521, alg: { name: 'ECDSA', hash: 'SHA-512' } }))).toEqual({ ok: false, message: expect.stringContaining('P-521 is not allowed') });
    const ed = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    expect(await judge(await csr('CN=device-ed', { keys: ed, alg: { name: 'Ed25519' } }))).toMatchObject({ ok: true, keyLabel: 'Ed25519', droppedExtensions: [] });
  });
});
