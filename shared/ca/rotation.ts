import type { CaInfo } from '../model/ca';

/**
 * Which CAs the proxy trusts and which one issues. Uptrakit's controller accepts the issuer
 * only if it is "the active CA or the most recent non-expired CA" (seed 001), so during a
 * rotation overlap exactly one previous CA per role stays trusted, and no expired one does.
 */

export type CaRole = CaInfo['role'];
export type CaStatus = CaInfo['status'];

/** The lifecycle fields of a stored CA (ISO times). */
export interface CaLifecycle {
  readonly id: string;
  readonly role: CaRole;
  readonly status: CaStatus;
  readonly parentId: string | null;
  readonly createdAt: string;
  readonly notAfter: string;
  /** Set when the CA became 'previous': trusted until then. */
  readonly overlapUntil: string | null;
}

const live = (ca: CaLifecycle, now: Date): boolean => Date.parse(ca.notAfter) > now.getTime();

/** 'previous' turns 'retired' once its overlap ends or it expires. */
export function effectiveStatus(ca: CaLifecycle, now: Date): CaStatus {
  if (ca.status !== 'previous') return ca.status;
  const until = ca.overlapUntil === null ? 0 : Date.parse(ca.overlapUntil);
  return until > now.getTime() && live(ca, now) ? 'previous' : 'retired';
}

const newestFirst = <T extends CaLifecycle>(a: T, b: T): number => Date.parse(b.createdAt) - Date.parse(a.createdAt);

function trustedOfRole<T extends CaLifecycle>(cas: readonly T[], role: CaRole, now: Date, parentTrusted: (ca: T) => boolean): T[] {
  const mine = cas.filter((c) => c.role === role && live(c, now) && parentTrusted(c)).sort(newestFirst);
  const active = mine.filter((c) => c.status === 'active');
  const previous = mine.find((c) => effectiveStatus(c, now) === 'previous');
  return previous ? [...active, previous] : active;
}

/** The CAs the proxy's bundle must hold (and the combined CRL must cover), roots first. */
export function trustedCas<T extends CaLifecycle>(cas: readonly T[], now: Date): T[] {
  const roots = trustedOfRole(cas, 'root', now, () => true);
  const rootIds = new Set(roots.map((r) => r.id));
  // An intermediate imported without its root (parentId null) is trusted on its own.
  const intermediates = trustedOfRole(cas, 'intermediate', now, (c) => c.parentId === null || rootIds.has(c.parentId));
  return [...roots, ...intermediates];
}

/** Who signs new certificates: the newest active, live intermediate under a trusted root, else the active root. */
export function issuingCa<T extends CaLifecycle>(cas: readonly T[], now: Date): T | null {
  const trusted = trustedCas(cas, now).filter((c) => c.status === 'active');
  return trusted.filter((c) => c.role === 'intermediate').sort(newestFirst)[0] ?? trusted.find((c) => c.role === 'root') ?? null;
}

/** Demotes the given CAs to 'previous' for `overlapDays` (retired at once when 0). */
export function demote<T extends CaLifecycle>(cas: readonly T[], ids: ReadonlySet<string>, now: Date, overlapDays: number): T[] {
  const until = new Date(now.getTime() + overlapDays * 86_400_000).toISOString();
  return cas.map((c) =>
    ids.has(c.id) && c.status === 'active' ? { ...c, status: overlapDays > 0 ? 'previous' : 'retired', overlapUntil: overlapDays > 0 ? until : now.toISOString() } : c,
  );
}
