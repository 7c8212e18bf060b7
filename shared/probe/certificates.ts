import type { ChainCertificate } from '../model/probe';
import { checkStructure } from '../pki/der';
import { daysUntil } from '../pki/describe';
import { sha256Hex } from '../pki/bytes-port';
import { commonNameOf, nameToRfc4514, readName } from '../pki/name';
import { splitPem } from '../pki/pem';
import { certificateParts } from '../pki/tbs';

/** One certificate the server sent, read from its DER with the same code as the Certificates area. */
export async function summarizeCertificate(der: Uint8Array, now: Date): Promise<ChainCertificate> {
  checkStructure(der);
  const parts = certificateParts(der);
  return {
    subject: nameToRfc4514(readName(parts.subjectDer)),
    issuer: nameToRfc4514(readName(parts.issuerDer)),
    serialNumber: parts.serialHex,
    notAfter: parts.notAfter.toISOString(),
    daysLeft: daysUntil(parts.notAfter, now),
    sha256: await sha256Hex(der),
  };
}

/** A DER Name (as in a CertificateRequest's certificate_authorities) as RFC 4514 text. */
export function nameDerToRfc4514(der: Uint8Array): string {
  checkStructure(der);
  return nameToRfc4514(readName(der));
}

/** The first certificate of a PEM file: the leaf of a "leaf + chain" file. */
export interface LeafFacts {
  readonly commonName: string | null;
  /** RFC 4514, as the proxy advertises CA names, so the two compare as strings. */
  readonly issuer: string;
  readonly subject: string;
  readonly notAfter: Date;
  /** How many certificates the file holds (leaf + chain). */
  readonly count: number;
}

export type LeafResult = { readonly ok: true; readonly leaf: LeafFacts } | { readonly ok: false; readonly message: string };

export function readLeaf(pemText: string): LeafResult {
  const certs = splitPem(pemText).filter((b) => b.label === 'CERTIFICATE');
  const first = certs[0];
  if (!first) return { ok: false, message: 'the file holds no PEM certificate' };
  if (!first.ok) return { ok: false, message: first.message };
  try {
    checkStructure(first.der);
    const parts = certificateParts(first.der);
    const subject = readName(parts.subjectDer);
    return {
      ok: true,
      leaf: {
        commonName: commonNameOf(subject),
        subject: nameToRfc4514(subject),
        issuer: nameToRfc4514(readName(parts.issuerDer)),
        notAfter: parts.notAfter,
        count: certs.length,
      },
    };
  } catch (err) {
    return { ok: false, message: `the first certificate cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * The platform binds a device to the CN of its certificate: a heartbeat signed by a certificate
 * for another device would be judged (or recorded) as that device, so it is not sent at all.
 */
export function deviceIdMismatch(leaf: LeafFacts, deviceId: string): string | null {
  if (leaf.commonName === deviceId) return null;
  const cn = leaf.commonName === null ? 'no CN' : `CN "${leaf.commonName}"`;
  return `Not sent: the device certificate has ${cn}, but the profile's device id is "${deviceId}"; the platform requires them to match.`;
}
