// Sample Device CA data for renderer tests: vault states, CAs with CRLs, an inventory, audit logs.
import type { AuditLogEntry, AuditLogView, CaInfo, CaOverview, CrlStatus, IssuedCertificate, IssueResult, VaultState } from '../../shared/model/ca';

/** The clock the tests freeze Date at; sample times are relative to it. */
export const NOW = Date.parse('2025-06-01T12:00:00.000Z');
export const hoursFromNow = (hours: number): string => new Date(NOW + hours * 3_600_000).toISOString();
export const daysFromNow = (days: number): string => hoursFromNow(days * 24);

export const VAULT_UNLOCKED: VaultState = { initialized: true, unlocked: true, idleLockSeconds: 900, rememberAvailable: false, remembered: false };
export const VAULT_LOCKED: VaultState = { ...VAULT_UNLOCKED, unlocked: false };
export const VAULT_NEW: VaultState = { ...VAULT_UNLOCKED, initialized: false, unlocked: false };

export function sampleCrl(overrides: Partial<CrlStatus> = {}): CrlStatus {
  return {
    crlNumber: 7,
    thisUpdate: hoursFromNow(-24),
    nextUpdate: hoursFromNow(144),
    hoursLeft: 144,
    entries: 1,
    path: '/var/lib/sentinel-console/ca/crl/root-2025.crl.pem',
    ...overrides,
  };
}

export function sampleCa(overrides: Partial<CaInfo> = {}): CaInfo {
  return {
    id: 'root-2025',
    role: 'root',
    status: 'active',
    subject: 'CN=Sentinel Device CA,O=Example',
    issuer: 'CN=Sentinel Device CA,O=Example',
    parentId: null,
    serialNumber: '1a2b3c4d5e6f',
    notBefore: daysFromNow(-30),
    notAfter: daysFromNow(3620),
    daysLeft: 3620,
    sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    keyAlgorithm: 'ec-p256',
    crl: sampleCrl(),
    ...overrides,
  };
}

export const ROOT_CA = sampleCa();

export function sampleOverview(overrides: Partial<CaOverview> = {}): CaOverview {
  return {
    vault: VAULT_UNLOCKED,
    cas: [ROOT_CA],
    counts: { valid: 2, expiring: 1, expired: 1, revoked: 1 },
    expiringWindowDays: 30,
    crlWarningHours: 24,
    ...overrides,
  };
}

export const UNLOCKED = sampleOverview();
export const LOCKED = sampleOverview({ vault: VAULT_LOCKED });
export const NO_VAULT = sampleOverview({ vault: VAULT_NEW, cas: [], counts: { valid: 0, expiring: 0, expired: 0, revoked: 0 } });

export function sampleIssued(overrides: Partial<IssuedCertificate> = {}): IssuedCertificate {
  return {
    serialNumber: '4f1e2d3c4b5a69788796a5b4c3d2e1f0',
    kind: 'device',
    deviceId: 'device-0042',
    subject: 'CN=device-0042',
    sans: [],
    caId: ROOT_CA.id,
    notBefore: daysFromNow(-10),
    notAfter: daysFromNow(80),
    daysLeft: 80,
    status: 'valid',
    origin: 'generated',
    sha256: 'aa'.repeat(32),
    revokedAt: null,
    revocationReason: null,
    renewedFrom: null,
    ...overrides,
  };
}

export const VALID_GENERATED = sampleIssued();
export const EXPIRING_CSR = sampleIssued({ serialNumber: '0badc0ffee', deviceId: 'sensor-7', subject: 'CN=sensor-7', notAfter: daysFromNow(12), daysLeft: 12, status: 'expiring', origin: 'csr' });
export const EXPIRED = sampleIssued({ serialNumber: 'dead01', deviceId: 'old-gateway', subject: 'CN=old-gateway', notAfter: daysFromNow(-3), daysLeft: -3, status: 'expired' });
export const REVOKED = sampleIssued({
  serialNumber: 'beef02',
  deviceId: 'lost-phone',
  subject: 'CN=lost-phone',
  status: 'revoked',
  revokedAt: daysFromNow(-1),
  revocationReason: 'keyCompromise',
});
export const INVENTORY: readonly IssuedCertificate[] = [VALID_GENERATED, EXPIRING_CSR, EXPIRED, REVOKED];

export function sampleIssueResult(overrides: Partial<IssuedCertificate> = {}): IssueResult {
  const certificate = sampleIssued({ serialNumber: 'c0ffee01', ...overrides });
  const base = `/srv/provisioning/${certificate.deviceId ?? 'server'}`;
  return { certificate, files: [`${base}.crt.pem`, `${base}.chain.pem`, `${base}.key.pem`, `${base}.p12`] };
}

export const SIGNED_PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUSIGNED\n-----END CERTIFICATE-----\n';

export const SAMPLE_CSR = '-----BEGIN CERTIFICATE REQUEST-----\nMIIBCSRFORSENSOR7\n-----END CERTIFICATE REQUEST-----\n';

function entry(seq: number, op: AuditLogEntry['op'], detail: string): AuditLogEntry {
  return { seq, at: hoursFromNow(seq - 10), op, detail, prevHash: `h${seq - 1}`, hash: `h${seq}` };
}

const ENTRIES: readonly AuditLogEntry[] = [
  entry(1, 'create', 'root CA CN=Sentinel Device CA,O=Example'),
  entry(2, 'issue', 'device-0042 serial 4f1e2d3c'),
  entry(3, 'revoke', 'lost-phone serial beef02 keyCompromise'),
  entry(4, 'publish', 'CRL #7'),
];

export const AUDIT_INTACT: AuditLogView = { entries: ENTRIES, verified: true, brokenAt: null, message: 'All 4 entries chain.' };
export const AUDIT_BROKEN: AuditLogView = { entries: ENTRIES, verified: false, brokenAt: 3, message: 'prevHash of seq 3 does not match the hash of seq 2' };
