// x509 (via tsyringe) needs the Reflect polyfill before it loads; keep this import first.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import type { TestPki } from './test-pki';

const KEY_ALG: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_ALG: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

export interface ServerCertSpec {
  /** File name stem inside pki.dir. */
  readonly name: string;
  readonly dnsNames: readonly string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** A proxy certificate issued by the test root, for the cases the normal one cannot show (expired, other host). */
export async function issueServerCert(pki: TestPki, spec: ServerCertSpec): Promise<{ fullchainPath: string; keyPath: string }> {
  x509.cryptoProvider.set(crypto);
  const keys = await crypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify']);
  const serial = randomBytes(16);
  serial.writeUInt8((serial.readUInt8(0) & 0x7f) | 0x40, 0);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial.toString('hex'),
    subject: `CN=${spec.dnsNames[0] ?? 'server'}, O=Sentinel Test`,
    issuer: pki.root.cert.subjectName,
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    signingAlgorithm: SIGN_ALG,
    publicKey: keys.publicKey,
    signingKey: pki.root.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(spec.dnsNames.map((value) => ({ type: 'dns' as const, value }))),
    ],
  });
  const fullchainPath = join(pki.dir, `${spec.name}-fullchain.pem`);
  const keyPath = join(pki.dir, `${spec.name}.key`);
  await writeFile(fullchainPath, `${cert.toString('pem')}\n${pki.root.certPem}`);
  const keyDer = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  await writeFile(keyPath, `${x509.PemConverter.encode(keyDer, 'PRIVATE KEY')}\n`, { mode: 0o600 });
  await chmod(keyPath, 0o600);
  return { fullchainPath, keyPath };
}
