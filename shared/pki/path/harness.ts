/**
 * What the conformance harnesses (x509-limbo, NIST PKITS) report per case, and the one-line
 * summary CI prints. Pure data in and out: file access stays with the callers (tests, scripts).
 */

export type Expected = 'SUCCESS' | 'FAILURE';
/** A harness result: the validator's verdict, or SKIPPED with a reason. */
export type Actual = Expected | 'SKIPPED';

/** One conformance case as the harnesses report it. */
export interface CaseOutcome {
  readonly id: string;
  readonly expected: Expected;
  readonly actual: Actual;
  /** For SKIPPED, the skip reason (its text before ':' is the category); else the failure rule and message. */
  readonly reason: string;
}

/** Known, justified differences between our answer and the suite's: id → reason. */
export type Divergences = Readonly<Record<string, string>>;

/** Per-suite counts and the cases CI must fail on. */
export interface Summary {
  readonly suite: string;
  readonly passed: number;
  /** Cases that neither passed, nor were skipped, nor are listed as divergences. */
  readonly unexpected: readonly CaseOutcome[];
  readonly skipped: number;
  readonly skipCategories: ReadonlyMap<string, number>;
  /** Full skip reason → count. */
  readonly skipReasons: ReadonlyMap<string, number>;
  readonly divergent: number;
  /** Listed divergences that now pass (or are no longer in the suite): the list must shrink. */
  readonly stale: readonly string[];
}

/** Skip reasons are "category: detail"; the category is what the summary counts. */
export function skipCategory(reason: string): string {
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason;
}

/** Tallies outcomes against the expected-divergence list (and finds stale entries). */
export function summarize(suite: string, outcomes: readonly CaseOutcome[], divergences: Divergences): Summary {
  let passed = 0;
  let skipped = 0;
  let divergent = 0;
  const unexpected: CaseOutcome[] = [];
  const skipCategories = new Map<string, number>();
  const skipReasons = new Map<string, number>();
  const stale: string[] = [];
  const ids = new Set(outcomes.map((o) => o.id));
  for (const id of Object.keys(divergences)) if (!ids.has(id)) stale.push(id);
  for (const o of outcomes) {
    if (o.actual === 'SKIPPED') {
      skipped++;
      const category = skipCategory(o.reason);
      skipCategories.set(category, (skipCategories.get(category) ?? 0) + 1);
      skipReasons.set(o.reason, (skipReasons.get(o.reason) ?? 0) + 1);
      if (o.id in divergences) stale.push(o.id);
    } else if (o.actual === o.expected) {
      passed++;
      if (o.id in divergences) stale.push(o.id);
    } else if (o.id in divergences) divergent++;
    else unexpected.push(o);
  }
  return { suite, passed, unexpected, skipped, skipCategories, skipReasons, divergent, stale };
}

/** `x509-limbo: 118 passed, 0 failed, 17 skipped (online 14, ...), 0 expected divergences`. */
export function formatSummary(s: Summary): string {
  const categories = [...s.skipCategories.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`);
  const skipped = categories.length > 0 ? `${s.skipped} skipped (${categories.join(', ')})` : `${s.skipped} skipped`;
  return `${s.suite}: ${s.passed} passed, ${s.unexpected.length} failed, ${skipped}, ${s.divergent} expected divergences`;
}

/** One line per unexpected result or stale divergence, for a failing test or script. */
export function describeProblems(s: Summary): string[] {
  return [
    ...s.unexpected.map((o) => `${s.suite} ${o.id}: expected ${o.expected}, got ${o.actual} (${o.reason})`),
    ...s.stale.map((id) => `${s.suite} ${id}: listed in expected-divergences.json but no longer diverges; remove it`),
  ];
}

/** Runs `task` over `items` with at most `limit` in flight, keeping input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
