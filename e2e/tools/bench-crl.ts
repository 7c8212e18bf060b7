// x509 (via tsyringe, used by big-crl's CA) needs the Reflect polyfill first.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { children, readTlv } from '../../shared/pki/der';
import { crlFromPem, parseCrl, verifyCrlSignature } from '../../shared/pki/crl';
import { generateBigCrl } from '../support/big-crl';

import { median, medianPair } from './median';

const run = promisify(execFile);

/** The SubjectPublicKeyInfo DER of the first certificate in a PEM file (what `-CAfile` gives openssl). */
function spkiOf(certPem: string): Uint8Array {
  const b64 = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/.exec(certPem)?.[1];
  if (!b64) throw new Error('ca.pem holds no certificate');
  const der = new Uint8Array(Buffer.from(b64, 'base64'));
  const tbs = children(der, readTlv(der, 0))[0];
  const fields = tbs ? children(der, tbs) : [];
  const spki = fields[(fields[0]?.tag === 0xa0 ? 1 : 0) + 5];
  if (!spki) throw new Error('certificate has no subjectPublicKeyInfo');
  return der.subarray(spki.start, spki.end);
}

/**
 * `npm run bench` case: median parse+verify of a 100,000-entry CRL, ours against
 * `openssl crl -verify`. Ours runs in-process (read crl.pem and ca.pem, PEM decode, parse,
 * index, WebCrypto verify each round); openssl's time includes starting a process, so the
 * line also gives `openssl version` alone for the reader to subtract. Nothing is asserted.
 */
export async function benchCrl(rounds: number, cliPath: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-crl-'));
  try {
    const { paths } = await generateBigCrl({ entries: 100_000, dir });
    if (!paths) throw new Error('generateBigCrl wrote no files');
    const check = await run('openssl', ['crl', '-in', paths.crlPem, '-noout', '-CAfile', paths.ca, '-verify']);
    if (!`${check.stdout}${check.stderr}`.includes('verify OK')) throw new Error(`openssl did not verify the CRL: ${check.stderr}`);
    const ours = await median(rounds, async () => {
      const [crlPem, caPem] = await Promise.all([readFile(paths.crlPem, 'utf8'), readFile(paths.ca, 'utf8')]);
      const crl = parseCrl(crlFromPem(crlPem));
      if (crl.entryCount !== 100_000 || !(await verifyCrlSignature(crl, spkiOf(caPem)))) throw new Error('sentinel-console did not verify the CRL');
    });
    const verify = (): Promise<unknown> => run('openssl', ['crl', '-in', paths.crlPem, '-noout', '-CAfile', paths.ca, '-verify']);
    const [cli, theirs] = await medianPair(
      rounds,
      () => run(process.execPath, [cliPath, 'inspect', paths.crlPem, paths.ca, '--json'], { maxBuffer: 64 * 1024 * 1024 }),
      verify,
    );
    const processStart = await median(rounds, () => run('openssl', ['version']));
    return [
      `100k-entry CRL parse+verify, CLI process vs process: sentinel-console inspect ${cli.toFixed(1)} ms, openssl crl -verify ${theirs.toFixed(1)} ms, ratio ${(cli / theirs).toFixed(2)}x`,
      `100k-entry CRL parse+verify, library in-process: ${ours.toFixed(1)} ms vs openssl ${theirs.toFixed(1)} ms (includes its process start, \`openssl version\` ${processStart.toFixed(1)} ms), ratio ${(ours / theirs).toFixed(2)}x`,
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
