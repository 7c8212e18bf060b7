import type {
  CertificateObject,
  Finding,
  GeneralName,
  PkiObject,
  PkiObjectKind,
  PublicKeyInfo,
  Severity,
} from '../../../shared/model/pki';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };

export const KIND_LABEL: Readonly<Record<PkiObjectKind, string>> = {
  certificate: 'Certificate',
  crl: 'CRL',
  csr: 'CSR',
  key: 'Private key',
};

export const KIND_SINGULAR: Readonly<Record<PkiObjectKind, string>> = {
  certificate: 'certificate',
  crl: 'CRL',
  csr: 'CSR',
  key: 'key',
};

export const KIND_PLURAL: Readonly<Record<PkiObjectKind, string>> = {
  certificate: 'certificates',
  crl: 'CRLs',
  csr: 'CSRs',
  key: 'keys',
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `2025-01-31T12:00:00.000Z` → `2025-01-31 12:00:00 UTC`: one unambiguous form everywhere. */
export function formatTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

export type TimeState = 'expired' | 'not-yet-valid' | 'expiring' | 'ok';

/** Where a validity window stands at `now`, with `windowDays` counting as "expiring soon". */
export function timeState(notBefore: string, notAfter: string, daysLeft: number, windowDays: number, now: number): TimeState {
  if (Date.parse(notAfter) < now) return 'expired';
  if (Date.parse(notBefore) > now) return 'not-yet-valid';
  return daysLeft <= windowDays ? 'expiring' : 'ok';
}

export function daysLeftText(state: TimeState, daysLeft: number): string {
  switch (state) {
    case 'expired':
      return daysLeft >= 0 ? 'expired today' : `expired ${plural(-daysLeft, 'day')} ago`;
    case 'not-yet-valid':
      return 'not yet valid';
    case 'expiring':
    case 'ok':
      return `${plural(daysLeft, 'day')} left`;
  }
}

/** `EC P-256`, `RSA 2048 bits`, `Ed25519`. */
export function describeKey(key: PublicKeyInfo): string {
  const parts: string[] = [key.algorithm === 'unknown' ? 'Unknown algorithm' : key.algorithm];
  if (key.curve !== null) parts.push(key.curve);
  else if (key.size !== null) parts.push(`${key.size} bits`);
  return parts.join(' ');
}

const NAME_PREFIX: Readonly<Record<GeneralName['type'], string>> = {
  dns: 'DNS',
  ip: 'IP',
  email: 'email',
  uri: 'URI',
  dn: 'DirName',
  other: 'other',
};

/** `DNS:localhost`, the way OpenSSL prints a general name. */
export function generalName(name: GeneralName): string {
  return `${NAME_PREFIX[name.type]}:${name.value}`;
}

/** A certificate presented as an end entity: no cA flag, or a TLS EKU on a certificate that cannot sign certificates. */
export function isEndEntity(cert: CertificateObject): boolean {
  if (!cert.basicConstraints?.ca) return true;
  const eku = cert.extendedKeyUsage ?? [];
  return (eku.includes('clientAuth') || eku.includes('serverAuth')) && !(cert.keyUsage ?? []).includes('keyCertSign');
}

export function isCa(cert: CertificateObject): boolean {
  return cert.basicConstraints?.ca === true;
}

/** Short name of a certificate: its CN, else its whole subject, else its serial. */
export function shortName(cert: CertificateObject): string {
  return cert.commonName ?? (cert.subject !== '' ? cert.subject : `serial ${cert.serialNumber}`);
}

/** Where an object came from: `device.pem #2` (1-based, as the CLI prints it). */
export function sourceText(object: PkiObject, label: (file: string) => string = (file) => file): string {
  return `${label(object.source.file)} #${object.source.index + 1}`;
}

/** A stable key for an object within one result. */
export function objectKey(object: PkiObject, position: number): string {
  switch (object.kind) {
    case 'certificate':
    case 'crl':
    case 'csr':
      return `${object.kind}:${object.fingerprints.sha256}:${position}`;
    case 'key':
      return `key:${object.publicKey.spkiSha256}:${position}`;
  }
}

export function worstSeverity(findings: readonly Finding[]): Severity | null {
  for (const severity of SEVERITIES) if (findings.some((finding) => finding.severity === severity)) return severity;
  return null;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
