import { AsnConvert } from '@peculiar/asn1-schema';
import * as asn1 from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';

/**
 * Test-only certificate factory for the path validator's unit tests: small ECDSA P-256 PKIs
 * built at test time with @peculiar/x509, with knobs for every rule under test. Callers must
 * have loaded reflect-metadata (the vitest setup file does).
 */

export const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** Milliseconds, for validity windows. */
export const HOUR = 3_600_000;
/** Milliseconds, for validity windows. */
export const DAY = 24 * HOUR;

/** A generated certificate with its keys (to issue further certificates and CRLs). */
export interface TestCert {
  readonly der: Uint8Array;
  readonly keys: CryptoKeyPair;
  readonly name: string;
  readonly serial: string;
}

/** Knobs for one generated certificate; defaults make a well-formed CA or leaf. */
export interface CertOptions {
  readonly name: string;
  /** Issuer; self-signed when absent. */
  readonly issuer?: TestCert;
  readonly keys?: CryptoKeyPair;
  /** basicConstraints: `true`/`false` sets cA; `null` leaves the extension out. Default: CA when self-signed or `pathLen` is set. */
  readonly ca?: boolean | null;
  readonly pathLen?: number;
  /** x509.KeyUsageFlags; `null` leaves keyUsage out. */
  readonly keyUsage?: number | null;
  readonly eku?: readonly string[];
  readonly san?: x509.JsonGeneralNames;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly permitted?: readonly asn1.GeneralName[];
  readonly excluded?: readonly asn1.GeneralName[];
  readonly extra?: readonly x509.Extension[];
  readonly serial?: string;
  /** Sign with this key instead of the issuer's (a bad signature). */
  readonly signingKey?: CryptoKey;
  /** Leave out the authorityKeyIdentifier (so issuer ranking falls back to input order). */
  readonly noAki?: boolean;
  /** Signature algorithm of the issuer's key; ECDSA with SHA-256 by default. */
  readonly signingAlgorithm?: Algorithm | EcdsaParams | RsaPssParams;
}

let serialCounter = 0x1000;

/** A fresh key pair: ECDSA P-256 unless another WebCrypto algorithm is given. */
export function newKeys(algorithm: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm = KEY): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/** A GeneralName for name constraints: dNSName, rfc822Name, iPAddress (CIDR) or directoryName. */
export function subtree(kind: 'dns' | 'email' | 'ip' | 'dn', value: string): asn1.GeneralName {
  switch (kind) {
    case 'dns':
      return new asn1.GeneralName({ dNSName: value });
    case 'email':
      return new asn1.GeneralName({ rfc822Name: value });
    case 'ip':
      return new asn1.GeneralName({ iPAddress: value });
    case 'dn':
      return new asn1.GeneralName({ directoryName: AsnConvert.parse(new x509.Name(value).toArrayBuffer(), asn1.Name) });
  }
}

function nameConstraints(permitted?: readonly asn1.GeneralName[], excluded?: readonly asn1.GeneralName[]): x509.Extension {
  const trees = (list: readonly asn1.GeneralName[]) => new asn1.GeneralSubtrees(list.map((base) => new asn1.GeneralSubtree({ base })));
  const nc = new asn1.NameConstraints({
    permittedSubtrees: permitted && permitted.length > 0 ? trees(permitted) : undefined,
    excludedSubtrees: excluded && excluded.length > 0 ? trees(excluded) : undefined,
  });
  return new x509.Extension(asn1.id_ce_nameConstraints, true, AsnConvert.serialize(nc));
}

/** Issues (or self-signs) one certificate. */
export async function makeCert(o: CertOptions): Promise<TestCert> {
  const keys = o.keys ?? (await newKeys());
  const selfSigned = o.issuer === undefined;
  const ca = o.ca === undefined ? selfSigned || o.pathLen !== undefined : o.ca;
  const { keyCertSign, cRLSign, digitalSignature } = x509.KeyUsageFlags;
  const keyUsage = o.keyUsage === undefined ? (ca ? keyCertSign | cRLSign : digitalSignature) : o.keyUsage;
  const extensions: x509.Extension[] = [await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)];
  if (ca !== null) extensions.push(new x509.BasicConstraintsExtension(ca, o.pathLen, true));
  if (keyUsage !== null) extensions.push(new x509.KeyUsagesExtension(keyUsage, true));
  if (o.eku) extensions.push(new x509.ExtendedKeyUsageExtension([...o.eku]));
  if (o.san) extensions.push(new x509.SubjectAlternativeNameExtension(o.san));
  if (o.permitted || o.excluded) extensions.push(nameConstraints(o.permitted, o.excluded));
  if (!selfSigned && !o.noAki) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(o.issuer.keys.publicKey));
  extensions.push(...(o.extra ?? []));
  const serial = o.serial ?? (serialCounter++).toString(16);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: o.name,
    issuer: o.issuer?.name ?? o.name,
    notBefore: o.notBefore ?? new Date(Date.now() - HOUR),
    notAfter: o.notAfter ?? new Date(Date.now() + 30 * DAY),
    publicKey: keys.publicKey,
    signingKey: o.signingKey ?? o.issuer?.keys.privateKey ?? keys.privateKey,
    signingAlgorithm: o.signingAlgorithm ?? SIGNING,
    extensions,
  });
  return { der: new Uint8Array(cert.rawData), keys, name: o.name, serial };
}

/** Knobs for one generated CRL. */
export interface CrlOptions {
  readonly revoked?: ReadonlyArray<{ readonly serial: string; readonly reason?: x509.X509CrlReason }>;
  readonly thisUpdate?: Date;
  readonly nextUpdate?: Date;
  readonly signingKey?: CryptoKey;
}

/** A v2 CRL from `issuer`. */
export async function makeCrl(issuer: TestCert, o: CrlOptions = {}): Promise<{ der: Uint8Array }> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.name,
    thisUpdate: o.thisUpdate ?? new Date(Date.now() - HOUR),
    nextUpdate: o.nextUpdate ?? new Date(Date.now() + DAY),
    entries: (o.revoked ?? []).map((r) => ({ serialNumber: r.serial, revocationDate: new Date(Date.now() - HOUR), reason: r.reason })),
    signingKey: o.signingKey ?? issuer.keys.privateKey,
    signingAlgorithm: SIGNING,
  });
  return { der: new Uint8Array(crl.rawData) };
}

/** Root → device CA → device leaf (clientAuth, CN = device id), the console's usual shape. */
export async function devicePki(leafOptions: Partial<CertOptions> = {}): Promise<{ root: TestCert; ca: TestCert; leaf: TestCert }> {
  const root = await makeCert({ name: 'CN=Test Root, O=Sentinel' });
  const ca = await makeCert({ name: 'CN=Device CA, O=Sentinel', issuer: root, ca: true });
  const leaf = await makeCert({ name: 'CN=device-0001, O=Sentinel', issuer: ca, eku: [x509.ExtendedKeyUsage.clientAuth], ...leafOptions });
  return { root, ca, leaf };
}
