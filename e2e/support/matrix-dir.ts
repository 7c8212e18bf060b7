// x509 (via tsyringe) needs the Reflect polyfill before it loads; keep this import first.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import type { MATRIX_FILES } from '../../shared/model/probe';
import type { TestPki } from './test-pki';

const KEY_ALG: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_ALG: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const DAY = 86_400_000;

type MatrixFileName = (typeof MATRIX_FILES)[keyof typeof MATRIX_FILES];

interface Pair {
  certPem: string;
  keyPem: string;
}

const serial = (): string => {
  const bytes = randomBytes(16);
  bytes.writeUInt8((bytes.readUInt8(0) & 0x7f) | 0x40, 0);
  return bytes.toString('hex');
};

const keyPem = async (keys: CryptoKeyPair): Promise<string> =>
  `${x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY')}\n`;

/**
 * A CA that has nothing to do with the test PKI (other name, other key) and a device leaf it
 * issued, with clientAuth: the proxy must reject it because it does not chain to the device CA.
 */
async function unrelatedDevice(): Promise<Pair> {
  x509.cryptoProvider.set(crypto);
  const [caKeys, leafKeys] = await Promise.all([crypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify']), crypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify'])]);
  const now = Date.now();
  const caName = 'CN=Unrelated Test CA, O=Somebody Else';
  const ca = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: caName,
    issuer: caName,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    signingAlgorithm: SIGN_ALG,
    publicKey: caKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=device-wrong-ca-01, O=Somebody Else',
    issuer: caName,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    signingAlgorithm: SIGN_ALG,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  return { certPem: `${leaf.toString('pem')}\n${ca.toString('pem')}\n`, keyPem: await keyPem(leafKeys) };
}

/**
 * Writes the enforcement matrix's certificates for a TestPki into `dir` (created if missing):
 * `<name>.pem` + `<name>.key` per MATRIX_FILES. Bad certificates go with their chain, so the
 * proxy refuses them for the reason the case names, not for a missing intermediate; except the
 * impostor, which goes alone: a proxy that does not verify (optional_no_ca) lets that through
 * even with a CRL configured, while the impostor root in the chain would trip the CRL lookup.
 * Returns `dir`.
 */
export async function writeMatrixDir(pki: TestPki, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const { valid, expired, revoked, foreign, noClientAuth } = pki.devices;
  const pairs: Record<MatrixFileName, Pair> = {
    'valid-leaf': { certPem: valid.certPem, keyPem: valid.keyPem },
    'valid-chain': { certPem: valid.chainPem, keyPem: valid.keyPem },
    expired: { certPem: expired.chainPem, keyPem: expired.keyPem },
    revoked: { certPem: revoked.chainPem, keyPem: revoked.keyPem },
    'wrong-ca': await unrelatedDevice(),
    // Alone, so only its copied issuer name points the proxy at a CA (the real root, by name).
    impostor: { certPem: foreign.certPem, keyPem: foreign.keyPem },
    'no-client-auth': { certPem: noClientAuth.chainPem, keyPem: noClientAuth.keyPem },
  };
  for (const [name, pair] of Object.entries(pairs)) {
    await writeFile(join(dir, `${name}.pem`), pair.certPem);
    const keyPath = join(dir, `${name}.key`);
    await writeFile(keyPath, pair.keyPem, { mode: 0o600 });
    await chmod(keyPath, 0o600);
  }
  return dir;
}
