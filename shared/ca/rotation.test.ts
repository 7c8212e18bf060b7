import { describe, expect, it } from 'vitest';
import { demote, effectiveStatus, issuingCa, trustedCas, type CaLifecycle } from './rotation';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const at = (days: number): string => new Date(now.getTime() + days * DAY).toISOString();
const ca = (id: string, over: Partial<CaLifecycle> = {}): CaLifecycle => ({
  id,
  role: 'root',
  status: 'active',
  parentId: null,
  createdAt: at(-100),
  notAfter: at(1000),
  overlapUntil: null,
  ...over,
});

describe('CA rotation rules (seed 001: active or most recent unexpired CA)', () => {
  it('a rotation keeps the old root trusted during the overlap, then retires it', () => {
    const old = ca('old');
    const [demoted] = demote([old], new Set(['old']), now, 30);
    const fresh = ca('new', { createdAt: now.toISOString() });
    const all = [demoted as CaLifecycle, fresh];
    expect(trustedCas(all, now).map((c) => c.id)).toEqual(['new', 'old']);
    expect(issuingCa(all, now)?.id).toBe('new');
    const later = new Date(now.getTime() + 31 * DAY);
    expect(effectiveStatus(demoted as CaLifecycle, later)).toBe('retired');
    expect(trustedCas(all, later).map((c) => c.id)).toEqual(['new']);
  });

  it('only the most recent previous CA stays trusted, and never an expired one', () => {
    const older = ca('older', { status: 'previous', createdAt: at(-300), overlapUntil: at(10) });
    const prev = ca('prev', { status: 'previous', createdAt: at(-50), overlapUntil: at(10) });
    const active = ca('active', { createdAt: at(-1) });
    expect(trustedCas([older, prev, active], now).map((c) => c.id)).toEqual(['active', 'prev']);
    const expired = ca('prev', { status: 'previous', createdAt: at(-50), overlapUntil: at(10), notAfter: at(-1) });
    expect(trustedCas([older, expired, active], now).map((c) => c.id)).toEqual(['active', 'older']);
    expect(effectiveStatus(expired, now)).toBe('retired');
  });

  it('an active intermediate issues; it is trusted only under a trusted root; overlap 0 retires at once', () => {
    const root = ca('root');
    const inter = ca('inter', { role: 'intermediate', parentId: 'root', createdAt: at(-10) });
    expect(issuingCa([root, inter], now)?.id).toBe('inter');
    const retiredRoot = demote([root], new Set(['root']), now, 0)[0] as CaLifecycle;
    expect(retiredRoot.status).toBe('retired');
    expect(trustedCas([retiredRoot, inter], now)).toEqual([]);
    expect(issuingCa([retiredRoot, inter], now)).toBeNull();
    const expiredInter = { ...inter, notAfter: at(-1) };
    expect(issuingCa([root, expiredInter], now)?.id).toBe('root');
  });
});
