// Test-only helpers (imported by *.test.ts): small CRLs made with @peculiar/x509.
import * as x509 from '@peculiar/x509';

/** A CA key + self-signed cert for the given algorithms. */
export interface TestCa {
  readonly keys: CryptoKeyPair;
  readonly cert: x509.X509Certificate;
  readonly spki: Uint8Array;
}

const DAY = 86_400_000;

/** Makes a CA for `keyAlg`/`signAlg` (any algorithm @peculiar/x509 and WebCrypto support). */
export async function makeCa(keyAlg: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm, signAlg: Algorithm | EcdsaParams | RsaPssParams, name = 'CN=Test CRL CA, O=Sentinel Test'): Promise<TestCa> {
  const keys = (await crypto.subtle.generateKey(keyAlg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    keys,
    signingAlgorithm: signAlg,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
  });
  return { keys, cert, spki: new Uint8Array(cert.publicKey.rawData) };
}

export const P256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
export const ES256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** A CRL signed by `ca`, DER bytes plus @peculiar/x509's own view of it. */
export async function makeCrl(ca: TestCa, params: Partial<x509.X509CrlCreateParams>, signAlg: Algorithm | EcdsaParams | RsaPssParams = ES256): Promise<{ der: Uint8Array; view: x509.X509Crl }> {
  const view = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subjectName,
    thisUpdate: new Date(Math.floor(Date.now() / 1000) * 1000),
    signingAlgorithm: signAlg,
    signingKey: ca.keys.privateKey,
    ...params,
  });
  return { der: new Uint8Array(view.rawData), view };
}

/** An Extension with a DER value built by hand (for extensions x509 has no class for). */
export function rawExtension(oid: string, critical: boolean, value: number[]): x509.Extension {
  return new x509.Extension(oid, critical, new Uint8Array(value));
}
