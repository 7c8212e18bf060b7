import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchCrl } from './bench-crl';
import { benchBundleInProcess } from './bench-bundle';
import { benchNginx } from './bench-nginx';
import { benchProbe } from './bench-probe';
import { benchEnv } from './bench-env';
import { benchCa } from './bench-ca';
import { benchPkcs12 } from './bench-p12';
import { median, medianPair } from './median';

/**
 * `npm run bench`: side-by-side timings of the console against the tool an operator would
 * otherwise run, printed as ratios from one run on one machine. Not a test: nothing here
 * asserts a time. `--short` runs fewer rounds for CI. Needs `npm run build` first.
 */

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'out/hosts/cli.js');
const short = process.argv.includes('--short');
const rounds = short ? 5 : 30;
// Process-against-process comparisons are cheap and the goals are stated on them: more rounds.
const pairRounds = short ? 15 : 30;
const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

interface Case {
  readonly name: string;
  readonly ours: readonly [string, ...string[]];
  readonly theirs: readonly [string, ...string[]];
  readonly theirsLabel: string;
}

const cases: readonly Case[] = [
  {
    name: 'cold start of a one-shot CLI query',
    ours: [process.execPath, cli, 'info', '--json'],
    theirs: ['openssl', 'version', '-a'],
    theirsLabel: 'openssl version -a',
  },
  {
    name: `full analysis of the system CA bundle (${BUNDLE})`,
    ours: [process.execPath, cli, 'inspect', BUNDLE, '--json'],
    theirs: ['sh', '-c', `openssl crl2pkcs7 -nocrl -certfile ${BUNDLE} | openssl pkcs7 -print_certs -text -noout`],
    theirsLabel: 'openssl crl2pkcs7 | openssl pkcs7 -print_certs -text',
  },
];

/** Runs a command to its end; exit 1 means "findings", not failure, for inspect. */
function runToEnd(argv: readonly [string, ...string[]]): Promise<unknown> {
  const [cmd, ...args] = argv;
  return run(cmd, args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }).catch((err: { code?: number }) => {
    if (err.code !== 1) throw err;
  });
}

const medianOf = (argv: readonly [string, ...string[]]): Promise<number> => median(rounds, () => runToEnd(argv));

async function main(): Promise<void> {
  // Node reads and parses every certificate this variable names at each start (+40 ms with
  // Debian's bundle); sandboxes set it, operators' shells rarely do. Children run without it.
  if (process.env['NODE_EXTRA_CA_CERTS']) {
    delete process.env['NODE_EXTRA_CA_CERTS'];
    console.log('bench: NODE_EXTRA_CA_CERTS unset for the processes measured (it adds a parse of the named bundle to every Node start)');
  }
  console.log(`bench: ${rounds} rounds each (${pairRounds} for the CLI against its peer, run alternately), median wall time, ${process.platform} ${process.arch}, node ${process.versions.node}`);
  for (const c of cases) {
    const [ours, theirs] = await medianPair(pairRounds, () => runToEnd(c.ours), () => runToEnd(c.theirs));
    console.log(`${c.name}: sentinel-console ${ours.toFixed(1)} ms, ${c.theirsLabel} ${theirs.toFixed(1)} ms, ratio ${(ours / theirs).toFixed(2)}x`);
  }
  // The floor any Node CLI pays on this machine before running a line of ours.
  const nodeFloor = await medianOf([process.execPath, '-e', '0']);
  console.log(`empty Node process start (floor of any Node CLI): ${nodeFloor.toFixed(1)} ms`);
  console.log(await benchBundleInProcess(rounds, BUNDLE));
  console.log(await benchCrl(rounds, cli));
  console.log(await benchPkcs12(short ? 3 : 7, cli));
  console.log(await benchNginx(rounds));
  console.log(await benchProbe(rounds, cli));
  console.log(await benchEnv(rounds));
  console.log(await benchCa(rounds));
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
