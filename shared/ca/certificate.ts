import type { KeyAlgorithm } from '../model/ca';
import { extensionFacts } from '../pki/cert-extensions';
import { sha256Hex } from '../pki/bytes-port';
import { commonNameOf, nameToRfc4514, readName } from '../pki/name';
import { certificateParts } from '../pki/tbs';
import * as x509 from '../pki/x509';
import { algorithmProfile } from './algorithms';

/** Backdating absorbs clock skew between the console and the devices or proxies that check. */
export const BACKDATE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export interface SignCertificateInput {
  readonly subject: x509.Name;
  /** The issuer's subject Name (the subject itself for a self-signed root). */
  readonly issuer: x509.Name;
  readonly publicKey: x509.PublicKeyType;
  readonly signingKey: CryptoKey;
  readonly signingAlgorithm: KeyAlgorithm;
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: readonly x509.Extension[];
}

/** Signs a certificate with a CA key (non-extractable is fine: only sign() is called). Returns DER. */
export async function signCertificate(input: SignCertificateInput): Promise<Uint8Array> {
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: input.serialHex,
    subject: input.subject,
    issuer: input.issuer,
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    publicKey: input.publicKey,
    signingKey: input.signingKey,
    signingAlgorithm: algorithmProfile(input.signingAlgorithm).sign,
    extensions: [...input.extensions],
  });
  return new Uint8Array(cert.rawData);
}

/** notBefore/notAfter for `days` from now; a leaf never outlives its issuer (clamped, and the caller says so). */
export function validityWindow(now: Date, days: number, issuerNotAfter: Date | null): { notBefore: Date; notAfter: Date; clamped: boolean } {
  const start = Math.floor(now.getTime() / 1000) * 1000;
  const wanted = start + days * DAY_MS;
  const limit = issuerNotAfter ? issuerNotAfter.getTime() : Number.POSITIVE_INFINITY;
  return { notBefore: new Date(start - BACKDATE_MS), notAfter: new Date(Math.min(wanted, limit)), clamped: wanted > limit };
}

/** A name holding one CN, encoded as UTF8String whatever the text (no RFC 4514 parsing of operator input). */
export function commonNameOnly(cn: string): x509.Name {
  return new x509.Name([{ CN: [cn] }]);
}

/** What the inventory and the CA overview record of a certificate; read from its DER. */
export interface CertFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly commonName: string | null;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly sha256: string;
  readonly subjectKeyId: string | null;
  readonly subjectDer: Uint8Array;
  readonly spki: Uint8Array;
  /** `DNS:name` / `IP:addr`, as openssl prints them. */
  readonly sans: readonly string[];
  readonly isCa: boolean;
}

export async function certFacts(der: Uint8Array): Promise<CertFacts> {
  const parts = certificateParts(der);
  const facts = extensionFacts(parts.extensions);
  const subject = readName(parts.subjectDer);
  return {
    subject: nameToRfc4514(subject),
    issuer: nameToRfc4514(readName(parts.issuerDer)),
    commonName: commonNameOf(subject),
    serialNumber: parts.serialHex,
    notBefore: parts.notBefore,
    notAfter: parts.notAfter,
    sha256: await sha256Hex(der),
    subjectKeyId: facts.subjectKeyId,
    subjectDer: parts.subjectDer,
    spki: parts.spki,
    sans: facts.subjectAltNames.map((n) => `${n.type === 'ip' ? 'IP' : n.type.toUpperCase()}:${n.value}`),
    isCa: facts.basicConstraints?.ca === true,
  };
}
