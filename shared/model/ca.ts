/**
 * The Device CA area's plain data. Nothing here ever holds private key bytes, passphrases
 * or decrypted secrets: those stay in the main process's vault.
 */

export const KEY_ALGORITHMS = ['ec-p256', 'ec-p384', 'rsa-3072', 'ed25519'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

export const REVOCATION_REASONS = [
  'unspecified',
  'keyCompromise',
  'caCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export interface VaultState {
  /** A vault exists in the data directory (a CA was created or imported). */
  readonly initialized: boolean;
  readonly unlocked: boolean;
  /** Locks itself after this much inactivity. */
  readonly idleLockSeconds: number;
  /** Electron's safeStorage has a real OS backend (not basic_text), so a wrapping key can be remembered. */
  readonly rememberAvailable: boolean;
  readonly remembered: boolean;
}

export interface CrlStatus {
  readonly crlNumber: number;
  readonly thisUpdate: string;
  readonly nextUpdate: string;
  readonly hoursLeft: number;
  readonly entries: number;
  /** Where the per-CA CRL was published. */
  readonly path: string;
}

export interface CaInfo {
  readonly id: string;
  readonly role: 'root' | 'intermediate';
  /** active: issues; previous: still trusted during a rotation overlap; retired: no longer trusted. */
  readonly status: 'active' | 'previous' | 'retired';
  readonly subject: string;
  readonly issuer: string;
  readonly parentId: string | null;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly daysLeft: number;
  readonly sha256: string;
  readonly keyAlgorithm: KeyAlgorithm;
  readonly crl: CrlStatus | null;
}

export type IssuedStatus = 'valid' | 'expiring' | 'expired' | 'revoked';

export interface IssuedCertificate {
  readonly serialNumber: string;
  readonly kind: 'device' | 'server';
  /** The device id (CN) for device certificates; null for server certificates. */
  readonly deviceId: string | null;
  readonly subject: string;
  readonly sans: readonly string[];
  readonly caId: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly daysLeft: number;
  readonly status: IssuedStatus;
  readonly origin: 'csr' | 'generated';
  readonly sha256: string;
  readonly revokedAt: string | null;
  readonly revocationReason: RevocationReason | null;
  /** Serial of the certificate this one renewed, if any. */
  readonly renewedFrom: string | null;
}

export interface CaOverview {
  readonly vault: VaultState;
  readonly cas: readonly CaInfo[];
  readonly counts: { readonly valid: number; readonly expiring: number; readonly expired: number; readonly revoked: number };
  /** Days before notAfter a certificate counts as expiring. */
  readonly expiringWindowDays: number;
  /** Warn this many hours before a CRL's nextUpdate. */
  readonly crlWarningHours: number;
}

/** What issuance wrote for the operator: paths only, never contents. */
export interface IssueResult {
  readonly certificate: IssuedCertificate;
  /** Certificate, chain, and (for generated keys) the encrypted key files, as written. */
  readonly files: readonly string[];
}

export interface AuditLogEntry {
  readonly seq: number;
  readonly at: string;
  readonly op: 'create' | 'import' | 'unlock' | 'lock' | 'issue' | 'sign-csr' | 'renew' | 'revoke' | 'publish' | 'export' | 'rotate';
  /** Plain description (ids, serials, subjects; never secrets). */
  readonly detail: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditLogView {
  readonly entries: readonly AuditLogEntry[];
  readonly verified: boolean;
  /** seq of the first line whose hash does not chain; null when intact. */
  readonly brokenAt: number | null;
  readonly message: string;
}
