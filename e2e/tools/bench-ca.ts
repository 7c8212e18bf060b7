// x509 (via tsyringe) needs the Reflect polyfill before it loads.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import * as x509 from '@peculiar/x509';
import { createNodeCaService } from '../../electron/services/ca/node-ca';
import type { CaService } from '../../electron/services/ca/service-types';
import type { StoredIssued } from '../../electron/services/ca/store-types';
import { inputs } from '../../shared/ipc/contract';
import { algorithmProfile, generateKeyPair } from '../../shared/ca/algorithms';
import { commonNameOnly, signCertificate, validityWindow } from '../../shared/ca/certificate';
import { deviceProfile } from '../../shared/ca/profiles';
import { serialFromRandom } from '../../shared/ca/serial';
import { median } from './median';

const run = promisify(execFile);
const PASSPHRASE = 'bench vault passphrase';
const DEVICES = 1_000;
const REVOKED = 10_000;

/** ca.* through the contract's schema (defaults applied), as dispatch would call it. */
async function call<K extends keyof CaService & keyof typeof inputs>(ca: CaService, name: K, input: unknown): Promise<Awaited<ReturnType<CaService[K]>>> {
  const handler = ca[name] as (i: unknown) => Promise<Awaited<ReturnType<CaService[K]>>>;
  return handler(inputs[name].parse(input));
}

async function csrs(count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: `CN=bench-device-${i}`, keys, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } });
    out.push(csr.toString('pem'));
  }
  return out;
}

/** The share of one issuance that is certificate encoding and the P-256 signature (same profile, a throwaway CA key). */
async function signingCost(count: number): Promise<number> {
  const ca = await generateKeyPair('ec-p256');
  const signer = await crypto.subtle.importKey('pkcs8', await crypto.subtle.exportKey('pkcs8', ca.privateKey), algorithmProfile('ec-p256').importParams, false, ['sign']);
  const device = await generateKeyPair('ec-p256');
  const issuer = commonNameOnly('Bench Device CA');
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const w = validityWindow(new Date(), 90, null);
    await signCertificate({
      subject: commonNameOnly(`bench-device-${i}`), issuer, publicKey: device.publicKey, signingKey: signer, signingAlgorithm: 'ec-p256',
      serialHex: serialFromRandom(randomBytes(16)), notBefore: w.notBefore, notAfter: w.notAfter, extensions: await deviceProfile(device.publicKey, 'aa'.repeat(20), {}),
    });
  }
  return (performance.now() - start) / count;
}

/** openssl's index.txt date: YYMMDDHHMMSSZ. */
const indexDate = (d: Date): string => d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';

/**
 * `npm run bench` case for the device CA: 1,000 device certificates through ca.signCsr (CSR
 * parse and signature check, profile policy, ECDSA P-256 signing, the fsynced audit line and
 * the inventory write; no key generation, no 600k-iteration PKCS#8/PKCS#12 files), then a CRL
 * of 10,000 revoked entries through ca.publishCrl against `openssl ca -gencrl` on the same
 * index and the same CA key (given to openssl decrypted, so neither side pays the vault KDF).
 */
export async function benchCa(rounds: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-ca-'));
  try {
    const ca = createNodeCaService({ dataDir: dir, events: { emit: () => undefined } });
    const root = await call(ca, 'ca.init', { subject: 'CN=Bench Device CA', keyAlgorithm: 'ec-p256', passphrase: PASSPHRASE });
    const requests = await csrs(DEVICES);
    const start = performance.now();
    for (const [i, text] of requests.entries()) await call(ca, 'ca.signCsr', { csr: { kind: 'text', name: `d${i}.csr`, text } });
    const perCert = (performance.now() - start) / DEVICES;
    const signingOnly = await signingCost(requests.length);

    // The inventory as 10,000 revocations would leave it (written directly: revoking one by one republishes each time).
    const now = new Date();
    const revokedAt = new Date(now.getTime() - 3_600_000);
    const synthetic: StoredIssued[] = Array.from({ length: REVOKED }, (_, i) => {
      const serial = randomBytes(16);
      serial[0] = ((serial[0] as number) & 0x7f) | 0x40;
      return {
        serialNumber: serial.toString('hex'), kind: 'device', deviceId: `revoked-${i}`, subject: `CN=revoked-${i}`, sans: [], caId: root.id,
        notBefore: now.toISOString(), notAfter: new Date(now.getTime() + 90 * 86_400_000).toISOString(), origin: 'csr', sha256: '', spki: '',
        revokedAt: revokedAt.toISOString(), revocationReason: i % 3 === 0 ? 'keyCompromise' : 'superseded', renewedFrom: null,
      };
    });
    await writeFile(join(dir, 'ca/inventory.json'), JSON.stringify({ version: 1, certificates: synthetic }), { mode: 0o600 });
    const ours = await median(rounds, () => call(ca, 'ca.publishCrl', {}));
    const published = await call(ca, 'ca.publishCrl', {});
    const crlPath = published.crls[0]?.path ?? '';

    // The same CA for openssl ca: its certificate, its key (decrypted for this run only, 0600), the same 10,000 lines.
    const work = join(dir, 'openssl');
    await run('mkdir', ['-m', '700', work]);
    const caCert = join(work, 'ca.pem');
    const status = JSON.parse(await readFile(join(dir, 'ca/cas.json'), 'utf8')) as { cas: Array<{ id: string; certPem: string }> };
    await writeFile(caCert, status.cas.find((c) => c.id === root.id)?.certPem ?? '');
    const vaultKey = (await readdir(join(dir, 'ca/vault/keys'))).find((f) => f.startsWith(root.id) && f.endsWith('.key')) ?? '';
    await run('openssl', ['pkey', '-in', join(dir, 'ca/vault/keys', vaultKey), '-passin', 'env:BENCH_PASS', '-out', join(work, 'ca.key')], { env: { ...process.env, BENCH_PASS: PASSPHRASE } });
    const lines = synthetic.map((c) => `R\t${indexDate(new Date(c.notAfter))}\t${indexDate(revokedAt)},${c.revocationReason}\t${c.serialNumber.toUpperCase()}\tunknown\t/CN=${c.deviceId ?? ''}\n`);
    await writeFile(join(work, 'index.txt'), lines.join(''));
    await writeFile(join(work, 'crlnumber'), '01\n');
    await writeFile(
      join(work, 'ca.cnf'),
      `[ca]\ndefault_ca = CA_default\n[CA_default]\ndir = ${work}\ndatabase = $dir/index.txt\ncertificate = $dir/ca.pem\nprivate_key = $dir/ca.key\ncrlnumber = $dir/crlnumber\ndefault_md = sha256\ndefault_crl_hours = 72\ncrl_extensions = crl_ext\n[crl_ext]\nauthorityKeyIdentifier = keyid:always\n`,
    );
    const gencrl = ['ca', '-gencrl', '-config', join(work, 'ca.cnf'), '-out', join(work, 'crl.pem')];
    const theirs = await median(rounds, () => run('openssl', gencrl));
    const check = await run('openssl', ['crl', '-in', crlPath, '-CAfile', caCert, '-noout', '-verify', '-text'], { maxBuffer: 64 * 1024 * 1024 });
    const entries = (check.stdout.match(/Serial Number:/g) ?? []).length;
    if (!`${check.stdout}${check.stderr}`.includes('verify OK') || entries !== REVOKED) throw new Error(`openssl did not accept our CRL (${entries} entries)`);
    const theirCount = ((await run('openssl', ['crl', '-in', join(work, 'crl.pem'), '-noout', '-text'], { maxBuffer: 64 * 1024 * 1024 })).stdout.match(/Serial Number:/g) ?? []).length;
    return [
      `device CA issuance: ${DEVICES} device certificates through ca.signCsr, ${perCert.toFixed(2)} ms per certificate (CSR check, policy, P-256 signature, fsynced audit line, inventory write; no key generation or PKCS#12), of which ${signingOnly.toFixed(2)} ms encode and sign the certificate`,
      `device CA CRL of ${REVOKED.toLocaleString('en-US')} revoked entries: ca.publishCrl ${ours.toFixed(1)} ms (in-process: inventory load, encode, sign, files, audit), openssl ca -gencrl ${theirs.toFixed(1)} ms (process, ${theirCount} entries, same index and key), ratio ${(ours / theirs).toFixed(2)}x`,
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
