import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCrl } from '../../shared/pki/crl';
import { generateBigCrl } from './big-crl';

const run = promisify(execFile);
const REASON_TEXT: Record<string, string> = {
  keyCompromise: 'Key Compromise',
  cACompromise: 'CA Compromise',
  affiliationChanged: 'Affiliation Changed',
  superseded: 'Superseded',
  cessationOfOperation: 'Cessation Of Operation',
  certificateHold: 'Certificate Hold',
  privilegeWithdrawn: 'Privilege Withdrawn',
  aACompromise: 'AA Compromise',
};

describe('generateBigCrl, checked by OpenSSL', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'big-crl-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a 100,000-entry CRL whose signature openssl verifies against ca.pem', async () => {
    const start = performance.now();
    const big = await generateBigCrl({ entries: 100_000, dir: join(dir, 'big') });
    console.log(`generateBigCrl: 100,000 entries in ${(performance.now() - start).toFixed(0)} ms`);
    if (!big.paths) throw new Error('no paths written');
    const { stderr, stdout } = await run('openssl', ['crl', '-in', big.paths.crlPem, '-CAfile', big.paths.ca, '-noout', '-verify']);
    expect(`${stdout}${stderr}`).toContain('verify OK');
    const der = await run('openssl', ['crl', '-inform', 'DER', '-in', big.paths.crlDer, '-CAfile', big.paths.ca, '-noout', '-verify']);
    expect(`${der.stdout}${der.stderr}`).toContain('verify OK');
    expect(Buffer.compare(await readFile(big.paths.crlDer), big.der)).toBe(0);
  });

  it('lists the same entries, serials and reasons as `openssl crl -text` for 1,000 entries', async () => {
    const small = await generateBigCrl({ entries: 1_000, dir: join(dir, 'small'), sampleSize: 1_000 });
    if (!small.paths) throw new Error('no paths written');
    const { stdout } = await run('openssl', ['crl', '-in', small.paths.crlPem, '-noout', '-text'], { maxBuffer: 64 * 1024 * 1024 });
    const serials = [...stdout.matchAll(/Serial Number: ([0-9A-F]+)/g)].map((m) => (m[1] ?? '').toLowerCase().replace(/^0+(?=.)/, ''));
    const reasons = [...stdout.matchAll(/X509v3 CRL Reason Code:\s*\n\s*(.+)/g)].map((m) => (m[1] ?? '').trim());
    const crl = parseCrl(small.der);
    const ours = [...crl.entries()];
    expect(serials).toHaveLength(1_000);
    expect(crl.entryCount).toBe(1_000);
    expect(ours.map((e) => e.serial)).toEqual(serials);
    expect(ours.filter((e) => e.reason).map((e) => REASON_TEXT[e.reason ?? ''])).toEqual(reasons);
    expect(stdout).toMatch(/X509v3 CRL Number:\s*\n\s*1\n/);
    expect(stdout).toContain(`Issuer: CN = Sentinel Bench CRL CA, O = Sentinel Test`);
    expect(small.revoked.map((r) => r.serial)).toEqual(serials.slice(0, small.revoked.length));
  });

  it('writes a CRL without nextUpdate that openssl still reads and verifies', async () => {
    const bare = await generateBigCrl({ entries: 3, nextUpdate: null, dir: join(dir, 'bare') });
    if (!bare.paths) throw new Error('no paths written');
    const { stdout, stderr } = await run('openssl', ['crl', '-in', bare.paths.crlPem, '-CAfile', bare.paths.ca, '-noout', '-verify', '-nextupdate']);
    expect(`${stdout}${stderr}`).toContain('verify OK');
    expect(stdout).toContain('nextUpdate=NONE');
  });
});
