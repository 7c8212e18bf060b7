import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { type Divergences, describeProblems, formatSummary, summarize } from './harness';
import { type PkitsSuite, runPkits } from './pkits';

// Conformance data lives outside the repo: $SENTINEL_CONFORMANCE_DATA, else ../shared/data beside it.
const data = process.env.SENTINEL_CONFORMANCE_DATA ?? resolve(fileURLToPath(new URL('../../../..', import.meta.url)), 'shared/data');
const divergences = JSON.parse(readFileSync(new URL('./expected-divergences.json', import.meta.url), 'utf8')) as Record<'limbo' | 'pkits', Divergences>;

it('NIST PKITS: every case passes, is skipped with a reason, or is a listed divergence', async () => {
  const dir = join(data, 'nist-pkits');
  const read = (path: string): Uint8Array => new Uint8Array(readFileSync(join(dir, path)));
  const suite = JSON.parse(readFileSync(join(dir, 'testcases.json'), 'utf8')) as PkitsSuite;
  const outcomes = await runPkits(suite, { cert: (n) => read(`certs/${n}.crt`), crl: (n) => read(`crls/${n}.crl`) });
  const summary = summarize('nist-pkits', outcomes, divergences.pkits);
  console.log(formatSummary(summary));
  expect(describeProblems(summary)).toEqual([]);
  expect(summary.passed).toBeGreaterThan(240);
});
