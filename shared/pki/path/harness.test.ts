import { expect, it } from 'vitest';
import { type CaseOutcome, describeProblems, formatSummary, summarize } from './harness';

const outcome = (id: string, expected: CaseOutcome['expected'], actual: CaseOutcome['actual'], reason = 'r'): CaseOutcome => ({ id, expected, actual, reason });

it('counts passes, skips by category, divergences, and flags unexpected and stale entries', () => {
  const s = summarize(
    'suite',
    [
      outcome('a', 'SUCCESS', 'SUCCESS'),
      outcome('b', 'FAILURE', 'SKIPPED', 'online: network'),
      outcome('c', 'FAILURE', 'SUCCESS'),
      outcome('d', 'SUCCESS', 'FAILURE'),
      outcome('e', 'SUCCESS', 'SUCCESS'),
    ],
    { c: 'known', e: 'now passes', gone: 'not in suite' },
  );
  expect(formatSummary(s)).toBe('suite: 2 passed, 1 failed, 1 skipped (online 1), 1 expected divergences');
  expect(describeProblems(s)).toEqual([
    'suite d: expected SUCCESS, got FAILURE (r)',
    'suite gone: listed in expected-divergences.json but no longer diverges; remove it',
    'suite e: listed in expected-divergences.json but no longer diverges; remove it',
  ]);
});
