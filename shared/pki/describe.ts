import type { CertificateObject, CsrObject, SourceRef } from '../model/pki';
import { checkStructure } from './der';
import { extensionFacts } from './cert-extensions';
import { digests, fingerprints, portableBytes, type BytesPort } from './bytes-port';
import { commonNameOf, nameToRfc4514, readName } from './name';
import { signatureAlgorithmName } from './oids';
import { toPem } from './pem';
import { describeSpki, spkiFacts } from './spki';
import { certificateParts, csrParts, signedAlgorithmOid } from './tbs';

const DAY_MS = 86_400_000;

/** Whole days from `now` until `until`, negative once past: what "days left" means on every screen. */
export function daysUntil(until: Date, now: Date): number {
  return Math.floor((until.getTime() - now.getTime()) / DAY_MS);
}

/**
 * Everything a certificate says, with empty findings; findings.ts judges it in context.
 * `structureChecked`: the caller already ran checkStructure over these bytes (readInput does).
 */
export async function describeCertificate(der: Uint8Array, source: SourceRef, now: Date, bytes: BytesPort = portableBytes, structureChecked = false): Promise<CertificateObject> {
  if (!structureChecked) checkStructure(der);
  const parts = certificateParts(der);
  const subjectRdns = readName(parts.subjectDer);
  // Roots and other self-issued certificates (every one of a trust bundle) name themselves twice.
  const selfIssued = sameBytes(parts.subjectDer, parts.issuerDer);
  const issuerRdns = selfIssued ? subjectRdns : readName(parts.issuerDer);
  const hashes = await digests(bytes, [
    ['sha256', parts.spki],
    ['sha256', der],
    ['sha1', der],
  ]);
  const publicKey = spkiFacts(parts.spki, hashes[0] as string);
  const prints = { sha256: hashes[1] as string, sha1: hashes[2] as string };
  const subject = nameToRfc4514(subjectRdns);
  const issuer = selfIssued ? subject : nameToRfc4514(issuerRdns);
  return {
    kind: 'certificate',
    source,
    subject,
    issuer,
    commonName: commonNameOf(subjectRdns),
    serialNumber: parts.serialHex,
    notBefore: parts.notBefore.toISOString(),
    notAfter: parts.notAfter.toISOString(),
    daysLeft: daysUntil(parts.notAfter, now),
    publicKey,
    signatureAlgorithm: signatureAlgorithmName(parts.signatureAlgorithmOid),
    selfIssued,
    fingerprints: prints,
    pem: toPem(der, 'CERTIFICATE', bytes.base64),
    findings: [],
    ...extensionFacts(parts.extensions),
  };
}

/** A CSR's subject, key and requested extensions, and whether its self-signature holds. */
export async function describeCsr(der: Uint8Array, source: SourceRef, bytes: BytesPort = portableBytes): Promise<CsrObject> {
  checkStructure(der);
  // Loaded on demand: certificate-only runs (the common case) never pay for @peculiar/x509.
  const { Pkcs10CertificateRequest } = await import('./x509');
  const parts = csrParts(der);
  const subjectRdns = readName(parts.subjectDer);
  const [publicKey, prints, signatureValid] = await Promise.all([
    describeSpki(parts.spki, bytes),
    fingerprints(der, bytes),
    new Pkcs10CertificateRequest(der.slice()).verify().catch(() => false),
  ]);
  const facts = extensionFacts(parts.extensions);
  return {
    kind: 'csr',
    source,
    subject: nameToRfc4514(subjectRdns),
    commonName: commonNameOf(subjectRdns),
    publicKey,
    signatureAlgorithm: signatureAlgorithmName(signedAlgorithmOid(der)),
    signatureValid,
    subjectAltNames: facts.subjectAltNames,
    extensions: facts.extensions,
    fingerprints: prints,
    findings: [],
  };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

