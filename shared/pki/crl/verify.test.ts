import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { parseCrl, UnsupportedAlgorithmError, verifyCrlSignature } from './index';
import { makeCa, makeCrl, type TestCa } from './test-helpers';

const rsa = (name: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS', hash: string): RsaHashedKeyGenParams => ({ name, hash, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) });

interface Case {
  readonly label: string;
  readonly keyAlg: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm;
  readonly signAlg: Algorithm | EcdsaParams | RsaPssParams;
  readonly expectName: string;
}

const cases: readonly Case[] = [
  { label: 'RSA PKCS#1 v1.5 SHA-1', keyAlg: rsa('RSASSA-PKCS1-v1_5', 'SHA-1'), signAlg: { name: 'RSASSA-PKCS1-v1_5' }, expectName: 'sha1WithRSAEncryption' },
  { label: 'RSA PKCS#1 v1.5 SHA-256', keyAlg: rsa('RSASSA-PKCS1-v1_5', 'SHA-256'), signAlg: { name: 'RSASSA-PKCS1-v1_5' }, expectName: 'sha256WithRSAEncryption' },
  { label: 'RSA PKCS#1 v1.5 SHA-384', keyAlg: rsa('RSASSA-PKCS1-v1_5', 'SHA-384'), signAlg: { name: 'RSASSA-PKCS1-v1_5' }, expectName: 'sha384WithRSAEncryption' },
  { label: 'RSA PKCS#1 v1.5 SHA-512', keyAlg: rsa('RSASSA-PKCS1-v1_5', 'SHA-512'), signAlg: { name: 'RSASSA-PKCS1-v1_5' }, expectName: 'sha512WithRSAEncryption' },
  { label: 'RSA-PSS SHA-256 salt 32', keyAlg: rsa('RSA-PSS', 'SHA-256'), signAlg: { name: 'RSA-PSS', saltLength: 32 } as RsaPssParams, expectName: 'rsassaPss' },
  { label: 'RSA-PSS SHA-384 salt 48', keyAlg: rsa('RSA-PSS', 'SHA-384'), signAlg: { name: 'RSA-PSS', saltLength: 48 } as RsaPssParams, expectName: 'rsassaPss' },
  { label: 'ECDSA P-256 SHA-256', keyAlg: { name: 'ECDSA', namedCurve: 'P-256' }, signAlg: { name: 'ECDSA', hash: 'SHA-256' }, expectName: 'ecdsa-with-SHA256' },
  { label: 'ECDSA P-384 SHA-384', keyAlg: { name: 'ECDSA', namedCurve: 'P-384' }, signAlg: { name: 'ECDSA', hash: 'SHA-384' }, expectName: 'ecdsa-with-SHA384' },
  { label: 'ECDSA P-521 SHA-512', keyAlg: { name: 'ECDSA', namedCurve: 'P-521' }, signAlg: { name: 'ECDSA', hash: 'SHA-512' }, expectName: 'ecdsa-with-SHA512' },
  { label: 'Ed25519', keyAlg: { name: 'Ed25519' }, signAlg: { name: 'Ed25519' }, expectName: 'ED25519' },
];

async function signed(c: Case): Promise<{ ca: TestCa; der: Uint8Array }> {
  const ca = await makeCa(c.keyAlg, c.signAlg);
  const { der } = await makeCrl(ca, { entries: [{ serialNumber: '0a', reason: x509.X509CrlReason.keyCompromise }] }, c.signAlg);
  return { ca, der };
}

/** Rewrites an rsaEncryption SPKI as id-RSASSA-PSS (no params), as OpenSSL writes RSA-PSS-only keys. */
function pssLabelled(spki: Uint8Array): Uint8Array {
  const rsaAlg = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const pssAlg = [0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
  const at = spki.findIndex((_, i) => rsaAlg.every((b, k) => spki[i + k] === b));
  const bits = spki.subarray(at + rsaAlg.length);
  const body = [...pssAlg, ...bits];
  return Uint8Array.of(0x30, 0x82, body.length >> 8, body.length & 0xff, ...body);
}

describe('verifyCrlSignature', () => {
  it.each(cases)('$label: right key verifies, another key and a tampered tbs do not', async (c) => {
    const { ca, der } = await signed(c);
    const crl = parseCrl(der);
    expect(crl.signatureAlgorithm).toBe(c.expectName);
    expect(await verifyCrlSignature(crl, ca.spki)).toBe(true);
    const other = await makeCa(c.keyAlg, c.signAlg);
    expect(await verifyCrlSignature(crl, other.spki)).toBe(false);
    const tampered = der.slice();
    const at = crl.tbsDer.byteOffset + crl.tbsDer.length - 20;
    tampered[at] = (tampered[at] as number) ^ 0x01;
    expect(await verifyCrlSignature(parseCrl(tampered), ca.spki)).toBe(false);
  });

  it('accepts an RSA key whose SPKI is labelled id-RSASSA-PSS', async () => {
    const c = cases.find((k) => k.label.startsWith('RSA-PSS SHA-256')) as Case;
    const { ca, der } = await signed(c);
    expect(await verifyCrlSignature(parseCrl(der), pssLabelled(ca.spki))).toBe(true);
  });

  it('says false for a key of another type and for mismatched inner/outer algorithms', async () => {
    const ec = await signed(cases[6] as Case);
    const ed = await makeCa({ name: 'Ed25519' }, { name: 'Ed25519' });
    expect(await verifyCrlSignature(parseCrl(ec.der), ed.spki)).toBe(false);
    const crl = parseCrl(ec.der);
    const mismatched = ec.der.slice();
    // Point the outer signatureAlgorithm at ecdsa-with-SHA384 (…04 03 02 → …04 03 03).
    const outer = crl.tbsDer.byteOffset + crl.tbsDer.length + 11;
    expect(mismatched[outer]).toBe(0x02);
    mismatched[outer] = 0x03;
    const parsed = parseCrl(mismatched);
    expect(parsed.algorithmsMatch).toBe(false);
    expect(await verifyCrlSignature(parsed, ec.ca.spki)).toBe(false);
  });

  it('throws a clear error for algorithms WebCrypto cannot check and for a broken key', async () => {
    const ec = await signed(cases[6] as Case);
    const crl = parseCrl(ec.der);
    const dsa = { ...crl, signatureAlgorithmOid: '2.16.840.1.101.3.4.3.2', signatureAlgorithm: 'dsa_with_SHA256' };
    await expect(verifyCrlSignature(dsa, ec.ca.spki)).rejects.toThrow(UnsupportedAlgorithmError);
    await expect(verifyCrlSignature(dsa, ec.ca.spki)).rejects.toThrow(/dsa_with_SHA256 is not supported/);
    await expect(verifyCrlSignature(crl, ec.ca.spki.subarray(0, 20))).rejects.toThrow(/issuerSpki/);
  });
});
