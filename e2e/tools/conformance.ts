// Keep first: anything that reaches @peculiar/x509 needs the Reflect polyfill loaded before it.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Divergences, type Summary, describeProblems, formatSummary, summarize } from '../../shared/pki/path/harness';
import { type LimboSuite, runLimbo } from '../../shared/pki/path/limbo';
import { type PkitsFiles, type PkitsSuite, runPkits } from '../../shared/pki/path/pkits';

/**
 * `npx tsx e2e/tools/conformance.ts`: runs the x509-limbo snapshot and NIST PKITS against the
 * console's path validator, prints one line per suite plus skip reasons, and exits 1 on any
 * result that is neither a pass, a declared skip, nor a listed divergence (or a stale listing).
 * The data lives outside the repo: $SENTINEL_CONFORMANCE_DATA, else ../shared/data beside it.
 */

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where limbo and PKITS data live. */
function dataDir(): string {
  return process.env.SENTINEL_CONFORMANCE_DATA ?? resolve(repo, '../shared/data');
}

function loadLimbo(): LimboSuite {
  return JSON.parse(readFileSync(join(dataDir(), 'x509-limbo/limbo-2023-12-02.json'), 'utf8')) as LimboSuite;
}

function loadPkits(): { suite: PkitsSuite; files: PkitsFiles } {
  const dir = join(dataDir(), 'nist-pkits');
  const read = (path: string): Uint8Array => new Uint8Array(readFileSync(join(dir, path)));
  return {
    suite: JSON.parse(readFileSync(join(dir, 'testcases.json'), 'utf8')) as PkitsSuite,
    files: { cert: (name) => read(`certs/${name}.crt`), crl: (name) => read(`crls/${name}.crl`) },
  };
}

function loadDivergences(): { limbo: Divergences; pkits: Divergences } {
  return JSON.parse(readFileSync(join(repo, 'shared/pki/path/expected-divergences.json'), 'utf8')) as { limbo: Divergences; pkits: Divergences };
}

async function limboSummary(): Promise<Summary> {
  return summarize('x509-limbo', await runLimbo(loadLimbo()), loadDivergences().limbo);
}

async function pkitsSummary(): Promise<Summary> {
  const { suite, files } = loadPkits();
  return summarize('nist-pkits', await runPkits(suite, files), loadDivergences().pkits);
}

async function main(): Promise<void> {
  const started = performance.now();
  const summaries = [await limboSummary(), await pkitsSummary()];
  const problems: string[] = [];
  for (const s of summaries) {
    console.log(formatSummary(s));
    for (const [reason, n] of s.skipReasons) console.log(`  skipped ${n}× ${reason}`);
    problems.push(...describeProblems(s));
  }
  const divergences = loadDivergences();
  for (const [suite, list] of Object.entries(divergences)) for (const [id, why] of Object.entries(list)) console.log(`  expected divergence ${suite} ${id}: ${why}`);
  console.log(`conformance: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  for (const p of problems) console.error(`UNEXPECTED ${p}`);
  if (problems.length > 0) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(`conformance: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
