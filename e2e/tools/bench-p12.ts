import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { medianPair } from './median';

const run = promisify(execFile);
const PASS = 'bench p12 passphrase';

/**
 * Opening a PKCS#12 file at today's work factor (SHA-256 MAC and PBES2 bags, 600,000
 * iterations: what `openssl pkcs12 -export -macalg sha256 -iter 600000` and the console's own
 * export write), through the CLI, against `openssl pkcs12 -nodes` reading the same file.
 * Each run costs about half a second, so this takes its own few rounds.
 */
export async function benchPkcs12(rounds: number, cliPath: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-p12-'));
  try {
    const [key, cert, p12] = ['device.key', 'device.pem', 'device.p12'].map((f) => join(dir, f)) as [string, string, string];
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=bench-device', '-days', '30']);
    await run('openssl', ['pkcs12', '-export', '-in', cert, '-inkey', key, '-out', p12, '-passout', `pass:${PASS}`, '-macalg', 'sha256', '-iter', '600000']);
    const env = { ...process.env, BENCH_P12_PASS: PASS };
    const ours = async (): Promise<void> => {
      const { stdout } = await run(process.execPath, [cliPath, 'inspect', p12, '--passphrase-env', 'BENCH_P12_PASS', '--json'], { env });
      if (!stdout.includes('"kind":"key"')) throw new Error('sentinel-console did not read the PKCS#12 key');
    };
    const theirs = (): Promise<unknown> => run('openssl', ['pkcs12', '-in', p12, '-passin', `pass:${PASS}`, '-nodes', '-out', '/dev/null']);
    const [a, b] = await medianPair(rounds, ours, theirs);
    return `PKCS#12 at 600,000 iterations (SHA-256 MAC, PBES2 bags), opened with its passphrase: sentinel-console inspect ${a.toFixed(0)} ms, openssl pkcs12 -nodes ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)}x`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
