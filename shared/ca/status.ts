import type { IssuedStatus } from '../model/ca';
import { daysUntil } from '../pki/describe';

/** Revoked wins, then expired, then expiring (inside the window), else valid. */
export function issuedStatus(cert: { readonly notAfter: string; readonly revokedAt: string | null }, now: Date, expiringWindowDays: number): IssuedStatus {
  if (cert.revokedAt !== null) return 'revoked';
  const notAfter = new Date(cert.notAfter);
  if (notAfter.getTime() <= now.getTime()) return 'expired';
  return daysUntil(notAfter, now) < expiringWindowDays ? 'expiring' : 'valid';
}

/** Whole hours until `until` (negative once past): the CRL countdown. */
export function hoursUntil(until: string, now: Date): number {
  return Math.floor((Date.parse(until) - now.getTime()) / 3_600_000);
}
