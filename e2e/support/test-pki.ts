// x509 (via tsyringe) needs the Reflect polyfill before it loads; keep this import first.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import type { DeviceKind, PkiCert, TestCrl, TestDevice, TestPki } from './test-pki-types';

export type { DeviceKind, PkiCert, PkiFile, TestCrl, TestDevice, TestPki } from './test-pki-types';

const KEY_ALG: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_ALG: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ROOT_NAME = 'CN=Sentinel Test Root CA, O=Sentinel Test';
const INTERMEDIATE_NAME = 'CN=Sentinel Test Device CA, O=Sentinel Test';
const { clientAuth, serverAuth } = x509.ExtendedKeyUsage;
const { digitalSignature, keyCertSign, cRLSign } = x509.KeyUsageFlags;

interface Validity {
  notBefore: Date;
  notAfter: Date;
}
interface KeyedCert {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}
interface DeviceSpec {
  id: string;
  eku: string[];
  validity: (now: number) => Validity;
  foreign?: boolean;
}

const current = (now: number): Validity => ({ notBefore: new Date(now - HOUR), notAfter: new Date(now + 30 * DAY) });

const DEVICE_SPECS: Record<DeviceKind, DeviceSpec> = {
  valid: { id: 'device-valid-01', eku: [clientAuth], validity: current },
  expired: {
    id: 'device-expired-01',
    eku: [clientAuth],
    validity: (now) => ({ notBefore: new Date(now - 30 * DAY), notAfter: new Date(now - DAY) }),
  },
  notYetValid: {
    id: 'device-notyetvalid-01',
    eku: [clientAuth],
    validity: (now) => ({ notBefore: new Date(now + DAY), notAfter: new Date(now + 30 * DAY) }),
  },
  revoked: { id: 'device-revoked-01', eku: [clientAuth], validity: current },
  noClientAuth: { id: 'device-noclientauth-01', eku: [serverAuth], validity: current },
  foreign: { id: 'device-foreign-01', eku: [clientAuth], validity: current, foreign: true },
};

/** Random positive 16-byte serial (top bit clear, second bit set so the DER INTEGER is exactly 16 bytes). */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes.writeUInt8((bytes.readUInt8(0) & 0x7f) | 0x40, 0);
  return bytes.toString('hex');
}

/** Minimal DER INTEGER for a non-negative safe integer (CRL number extension value). */
export function derInteger(value: number): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`bad INTEGER ${value}`);
  const body: number[] = [];
  let rest = value;
  do {
    body.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  if ((body[0] ?? 0) & 0x80) body.unshift(0);
  return new Uint8Array([0x02, body.length, ...body]);
}

function skiOf(cert: x509.X509Certificate): string {
  const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
  if (!ski) throw new Error(`no SKI on ${cert.subject}`);
  return ski.keyId;
}

async function newKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify']);
}

/** Issues a cert with SKI, plus AKI when issued by another CA; self-signed when `issuer` is undefined. */
async function issue(
  subject: string,
  keys: CryptoKeyPair,
  issuer: KeyedCert | undefined,
  validity: Validity,
  extensions: x509.Extension[],
): Promise<x509.X509Certificate> {
  const all = [...extensions, await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)];
  if (issuer) all.push(new x509.AuthorityKeyIdentifierExtension(skiOf(issuer.cert)));
  return x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject,
    issuer: issuer ? issuer.cert.subjectName : subject,
    ...validity,
    signingAlgorithm: SIGN_ALG,
    publicKey: keys.publicKey,
    signingKey: (issuer ?? { keys }).keys.privateKey,
    extensions: all,
  });
}

const caExtensions = (pathLength?: number): x509.Extension[] => [
  new x509.BasicConstraintsExtension(true, pathLength, true),
  new x509.KeyUsagesExtension(keyCertSign | cRLSign, true),
];
const leafExtensions = (eku: string[]): x509.Extension[] => [
  new x509.BasicConstraintsExtension(false, undefined, true),
  new x509.KeyUsagesExtension(digitalSignature, true),
  new x509.ExtendedKeyUsageExtension(eku),
];

const pemBundle = (...pems: string[]): string => pems.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');

async function writePem(dir: string, name: string, pem: string, mode = 0o644): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, pem, { mode });
  await chmod(path, mode); // mode on writeFile only applies when the file is created
  return path;
}

async function save(dir: string, base: string, { cert, keys }: KeyedCert): Promise<PkiCert> {
  const certPem = pemBundle(cert.toString('pem'));
  const keyDer = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  const keyPem = pemBundle(x509.PemConverter.encode(keyDer, 'PRIVATE KEY'));
  const certPath = await writePem(dir, `${base}.pem`, certPem);
  const keyPath = await writePem(dir, `${base}.key`, keyPem, 0o600);
  return { cert, keys, certPath, certPem, keyPath, keyPem };
}

async function makeCrl(
  dir: string,
  base: string,
  issuer: KeyedCert,
  now: number,
  revoked: x509.X509Certificate[],
  window: { thisUpdate: number; nextUpdate: number } = { thisUpdate: now - HOUR, nextUpdate: now + 7 * DAY },
): Promise<TestCrl> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.cert.subjectName,
    thisUpdate: new Date(window.thisUpdate),
    nextUpdate: new Date(window.nextUpdate),
    entries: revoked.map((c) => ({
      serialNumber: c.serialNumber,
      revocationDate: new Date(now - HOUR),
      reason: x509.X509CrlReason.keyCompromise,
    })),
    signingAlgorithm: SIGN_ALG,
    signingKey: issuer.keys.privateKey,
    extensions: [
      new x509.AuthorityKeyIdentifierExtension(skiOf(issuer.cert)),
      new x509.Extension('2.5.29.20', false, derInteger(1)),
    ],
  });
  // x509's own toString('pem') says "BEGIN CRL", which OpenSSL/nginx cannot read.
  const pem = pemBundle(x509.PemConverter.encode(crl.rawData, 'X509 CRL'));
  return { crl, pem, path: await writePem(dir, `${base}.pem`, pem) };
}

/** Generates a fresh ECDSA P-256 test PKI into `dir` (created if missing); `now` shifts all validity windows. */
export async function generateTestPki(dir: string, opts: { now?: Date } = {}): Promise<TestPki> {
  const now = (opts.now ?? new Date()).getTime();
  x509.cryptoProvider.set(crypto);
  await mkdir(dir, { recursive: true });
  const kinds = Object.keys(DEVICE_SPECS) as DeviceKind[];
  const [rootKeys, interKeys, foreignKeys, serverKeys, ...deviceKeys] = await Promise.all(
    [0, 1, 2, 3, ...kinds].map(() => newKeys()),
  );
  if (!rootKeys || !interKeys || !foreignKeys || !serverKeys) throw new Error('key generation failed');
  const caValidity: Validity = { notBefore: new Date(now - DAY), notAfter: new Date(now + 365 * DAY) };

  const rootCert = await issue(ROOT_NAME, rootKeys, undefined, caValidity, caExtensions());
  const root: KeyedCert = { cert: rootCert, keys: rootKeys };
  const foreignCert = await issue(ROOT_NAME, foreignKeys, undefined, caValidity, caExtensions());
  const foreign: KeyedCert = { cert: foreignCert, keys: foreignKeys };
  const interCert = await issue(INTERMEDIATE_NAME, interKeys, root, caValidity, caExtensions(0));
  const inter: KeyedCert = { cert: interCert, keys: interKeys };
  const serverCert = await issue('CN=localhost, O=Sentinel Test', serverKeys, root, current(now), [
    ...leafExtensions([serverAuth]),
    new x509.SubjectAlternativeNameExtension([
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
    ]),
  ]);

  const rootSaved = await save(dir, 'root-ca', root);
  const interSaved = await save(dir, 'intermediate-ca', inter);
  const foreignSaved = await save(dir, 'foreign-ca', foreign);
  const serverSaved = await save(dir, 'server', { cert: serverCert, keys: serverKeys });
  const fullchainPem = pemBundle(serverSaved.certPem, rootSaved.certPem);
  const fullchainPath = await writePem(dir, 'server-fullchain.pem', fullchainPem);

  const devices = {} as Record<DeviceKind, TestDevice>;
  for (const [i, kind] of kinds.entries()) {
    const spec = DEVICE_SPECS[kind];
    const keys = deviceKeys[i];
    if (!keys) throw new Error('key generation failed');
    const [issuer, issuerPem] = spec.foreign ? [foreign, foreignSaved.certPem] : [inter, interSaved.certPem];
    const subject = `CN=${spec.id}, O=Sentinel Test`;
    const cert = await issue(subject, keys, issuer, spec.validity(now), leafExtensions(spec.eku));
    const saved = await save(dir, `device-${kind}`, { cert, keys });
    const chainPem = pemBundle(saved.certPem, issuerPem);
    const chainPath = await writePem(dir, `device-${kind}-chain.pem`, chainPem);
    devices[kind] = { ...saved, deviceId: spec.id, chainPath, chainPem };
  }

  const interCrl = await makeCrl(dir, 'crl-intermediate', inter, now, [devices.revoked.cert]);
  const rootCrl = await makeCrl(dir, 'crl-root', root, now, []);
  const caPem = pemBundle(rootSaved.certPem, interSaved.certPem);
  const crlPem = pemBundle(interCrl.pem, rootCrl.pem);
  // The refresh job stopped a day ago: nginx -t still passes, every device gets "CRL has expired".
  const stale = { thisUpdate: now - 8 * DAY, nextUpdate: now - DAY };
  const staleInter = await makeCrl(dir, 'crl-intermediate-expired', inter, now, [devices.revoked.cert], stale);
  const staleRoot = await makeCrl(dir, 'crl-root-expired', root, now, [], stale);
  const staleCrlPem = pemBundle(staleInter.pem, staleRoot.pem);
  return {
    dir,
    root: rootSaved,
    intermediate: interSaved,
    foreignCa: foreignSaved,
    server: { ...serverSaved, fullchainPath, fullchainPem },
    devices,
    crls: { intermediate: interCrl, root: rootCrl },
    caBundle: { path: await writePem(dir, 'ca-bundle.pem', caPem), pem: caPem },
    crlBundle: { path: await writePem(dir, 'crl-bundle.pem', crlPem), pem: crlPem },
    expiredCrlBundle: { path: await writePem(dir, 'crl-bundle-expired.pem', staleCrlPem), pem: staleCrlPem },
  };
}
