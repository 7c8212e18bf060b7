import type { AuditLogEntry, CaInfo, IssuedStatus, KeyAlgorithm, RevocationReason } from '../../../shared/model/ca';

/** The colours every mark in this area uses, from the theme's success/warning/danger pairs. */
export type Tone = 'ok' | 'warning' | 'danger' | 'muted';

export const KEY_ALGORITHM_LABEL: Readonly<Record<KeyAlgorithm, string>> = {
  'ec-p256': 'EC P-256',
  'ec-p384': 'EC P-384',
  'rsa-3072': 'RSA 3072',
  ed25519: 'Ed25519',
};

export const REVOCATION_REASON_LABEL: Readonly<Record<RevocationReason, string>> = {
  unspecified: 'Unspecified',
  keyCompromise: 'Key compromise',
  caCompromise: 'CA compromise',
  affiliationChanged: 'Affiliation changed',
  superseded: 'Superseded',
  cessationOfOperation: 'Cessation of operation',
  certificateHold: 'Certificate hold',
  privilegeWithdrawn: 'Privilege withdrawn',
};

export const ISSUED_STATUS_LABEL: Readonly<Record<IssuedStatus, string>> = {
  valid: 'Valid',
  expiring: 'Expiring',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const ISSUED_STATUS_TONE: Readonly<Record<IssuedStatus, Tone>> = {
  valid: 'ok',
  expiring: 'warning',
  expired: 'danger',
  revoked: 'muted',
};

export const CA_STATUS_LABEL: Readonly<Record<CaInfo['status'], string>> = {
  active: 'Active',
  previous: 'Previous (overlap)',
  retired: 'Retired',
};

export const CA_ROLE_LABEL: Readonly<Record<CaInfo['role'], string>> = {
  root: 'Root CA',
  intermediate: 'Intermediate CA',
};

export const AUDIT_OP_LABEL: Readonly<Record<AuditLogEntry['op'], string>> = {
  create: 'create',
  import: 'import',
  unlock: 'unlock',
  lock: 'lock',
  issue: 'issue',
  'sign-csr': 'sign CSR',
  renew: 'renew',
  revoke: 'revoke',
  publish: 'publish CRL',
  export: 'export',
  rotate: 'rotate',
};

/** A CA needs months of lead: a rotation overlaps both CAs while devices are renewed. */
export const CA_EXPIRY_WARNING_DAYS = 180;

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `2025-01-31T12:00:00.000Z` → `2025-01-31 12:00 UTC`. */
export function absoluteTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

export function dateOnly(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(0, 10);
}

export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `expired ${plural(-daysLeft, 'day')} ago`;
  if (daysLeft === 0) return 'expires today';
  return `${plural(daysLeft, 'day')} left`;
}

export function expiryTone(daysLeft: number, warningDays: number): Tone {
  if (daysLeft < 0) return 'danger';
  return daysLeft <= warningDays ? 'warning' : 'ok';
}

/** `5 d 3 h`, `4 h 10 min`, `12 min`: two units are enough to act on. */
export function durationText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** `900` → `15 min`, for the idle-lock note. */
export function idleText(seconds: number): string {
  return seconds < 60 ? plural(seconds, 'second') : durationText(seconds * 1000);
}

export interface CrlCountdown {
  readonly tone: Tone;
  readonly text: string;
}

/**
 * Relying parties refuse a CRL after its nextUpdate, and with it every device the proxy checks
 * against it; so the countdown warns ahead of time and turns into an error once it is past.
 */
export function crlCountdown(nextUpdate: string, now: number, warningHours: number): CrlCountdown {
  const left = Date.parse(nextUpdate) - now;
  if (Number.isNaN(left)) return { tone: 'muted', text: `next update ${nextUpdate}` };
  if (left <= 0) return { tone: 'danger', text: `overdue by ${durationText(left)}: publish a new CRL` };
  const tone: Tone = left <= warningHours * 3_600_000 ? 'warning' : 'ok';
  return { tone, text: `next update in ${durationText(left)}` };
}

/** Long serials as `3f2a9c…91c0`; the full value stays in the title and the copy button. */
export function shortSerial(serial: string): string {
  return serial.length <= 14 ? serial : `${serial.slice(0, 8)}…${serial.slice(-4)}`;
}

/** The CN of a DN for compact labels; the whole DN when it has none. */
export function commonName(subject: string): string {
  const match = /(?:^|[,/]\s*)CN=([^,/]+)/.exec(subject);
  return match?.[1]?.trim() ?? subject;
}

/** Hex fingerprints in colon-separated pairs, the way openssl prints them. */
export function fingerprintText(hex: string): string {
  const plain = hex.replace(/[^0-9a-fA-F]/g, '');
  return plain.length === 0 ? hex : (plain.match(/.{1,2}/g) ?? []).join(':').toUpperCase();
}
