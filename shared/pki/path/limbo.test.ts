import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { type Divergences, describeProblems, formatSummary, summarize } from './harness';
import { type LimboSuite, runLimbo } from './limbo';

// Conformance data lives outside the repo: $SENTINEL_CONFORMANCE_DATA, else ../shared/data beside it.
const data = process.env.SENTINEL_CONFORMANCE_DATA ?? resolve(fileURLToPath(new URL('../../../..', import.meta.url)), 'shared/data');
const divergences = JSON.parse(readFileSync(new URL('./expected-divergences.json', import.meta.url), 'utf8')) as Record<'limbo' | 'pkits', Divergences>;

it('x509-limbo: every case passes, is skipped with a reason, or is a listed divergence', async () => {
  const suite = JSON.parse(readFileSync(join(data, 'x509-limbo/limbo-2023-12-02.json'), 'utf8')) as LimboSuite;
  const summary = summarize('x509-limbo', await runLimbo(suite), divergences.limbo);
  console.log(formatSummary(summary));
  expect(describeProblems(summary)).toEqual([]);
  expect(summary.passed).toBeGreaterThan(100);
});
