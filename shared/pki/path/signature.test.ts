import { describe, expect, it } from 'vitest';
import { type TestCert, makeCert, newKeys } from './test-helpers';
import { validatePath } from './validate';

const RSA_PSS = { name: 'RSA-PSS', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
const RSA_PKCS1 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };

async function valid(leaf: TestCert, chain: readonly TestCert[], root: TestCert): Promise<string | null> {
  const r = await validatePath({ leaf: leaf.der, intermediates: chain.map((c) => c.der), anchors: [root.der], at: new Date(), role: 'any' });
  return r.failure?.rule ?? null;
}

describe('signature algorithms through WebCrypto', () => {
  it('verifies RSA PKCS#1 v1.5 (SHA-512), RSA-PSS, Ed25519, ECDSA P-384 and P-521 links', async () => {
    const root = await makeCert({ name: 'CN=RSA Root', keys: await newKeys(RSA_PKCS1), signingAlgorithm: RSA_PKCS1 });
    const pss = await makeCert({ name: 'CN=PSS CA', issuer: root, ca: true, keys: await newKeys(RSA_PSS), signingAlgorithm: RSA_PKCS1 });
    const ed = await makeCert({ name: 'CN=Ed25519 CA', issuer: pss, ca: true, keys: await newKeys({ name: 'Ed25519' }), signingAlgorithm: { name: 'RSA-PSS', saltLength: 32 } as RsaPssParams });
    const p384 = await makeCert({ name: 'CN=P-384 CA', issuer: ed, ca: true, keys: await newKeys({ name: 'ECDSA', namedCurve: 'P-384' } as EcKeyGenParams), signingAlgorithm: { name: 'Ed25519' } });
    const leaf = await makeCert({ name: 'CN=device', issuer: p384, keys: await newKeys({ name: 'ECDSA', namedCurve: 'P-521' } as EcKeyGenParams), signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' } as EcdsaParams });
    expect(await valid(leaf, [p384, ed, pss], root)).toBeNull();
  });

  it('rejects a signature made by a different key of the same algorithm', async () => {
    const root = await makeCert({ name: 'CN=Root' });
    const leaf = await makeCert({ name: 'CN=device', issuer: root, signingKey: (await newKeys()).privateKey });
    expect(await valid(leaf, [], root)).toBe('signature.invalid');
  });
});
