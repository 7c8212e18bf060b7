import { chmod, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCrl, crlFromPem } from '../../../shared/pki/crl';
import { caHarness, KEY_PASSPHRASE, PASSPHRASE, type CaHarness } from './test-ca';

let ca: CaHarness;
let out = '';
beforeEach(async () => {
  ca = await caHarness();
  out = join(ca.dataDir, 'out');
  await ca.ok('ca.init', { subject: 'CN=Root', passphrase: PASSPHRASE });
});
afterEach(() => ca.cleanup());

const key = { passphrase: KEY_PASSPHRASE };
const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('issuance, inventory, revocation, renewal', () => {
  it('issueDevice writes the leaf, the chain and the key only encrypted (0600); the inventory records it', async () => {
    const r = await ca.ok('ca.issueDevice', { deviceId: 'sensor-7f3a', outDir: out, validityDays: 90, key });
    expect(r.files.map((f) => f.slice(out.length + 1))).toEqual(['sensor-7f3a.pem', 'sensor-7f3a-chain.pem', 'sensor-7f3a.key', 'sensor-7f3a.p12']);
    expect(r.certificate).toMatchObject({ kind: 'device', deviceId: 'sensor-7f3a', subject: 'CN=sensor-7f3a', status: 'valid', origin: 'generated', daysLeft: 89 });
    expect(r.certificate.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(await mode(join(out, 'sensor-7f3a.key'))).toBe(0o600);
    expect(await mode(join(out, 'sensor-7f3a.p12'))).toBe(0o600);
    expect(await readFile(join(out, 'sensor-7f3a.key'), 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    for (const f of [...(await allFiles(out)), ...(await allFiles(ca.dataDir))]) {
      expect(await readFile(f, 'latin1'), f).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY/);
    }
    const list = await ca.ok('ca.list', {});
    expect(list.map((c) => c.serialNumber)).toEqual([r.certificate.serialNumber]);
  });

  it('issueServer: serverAuth with the given SANs, or the CN as SAN when none are given', async () => {
    const r = await ca.ok('ca.issueServer', { commonName: 'proxy.example.com', dnsNames: ['proxy.example.com', 'alt.example.com'], ipAddresses: ['127.0.0.1'], outDir: out, key });
    expect(r.certificate).toMatchObject({ kind: 'server', deviceId: null, sans: ['DNS:proxy.example.com', 'DNS:alt.example.com', 'IP:127.0.0.1'] });
    const bare = await ca.ok('ca.issueServer', { commonName: 'localhost', outDir: out, key: { ...key, formats: ['pkcs8'] } });
    expect(bare.certificate.sans).toEqual(['DNS:localhost']);
    const bad = await ca.call('ca.issueServer', { commonName: 'x', ipAddresses: ['999.1.1.1'], outDir: out, key });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('not an IP address') } });
  });

  it('list filters by status; the expiring window is 30 days', async () => {
    const soon = await ca.ok('ca.issueDevice', { deviceId: 'dev-soon', outDir: out, validityDays: 10, key: { ...key, formats: ['pkcs8'] } });
    const later = await ca.ok('ca.issueDevice', { deviceId: 'dev-later', outDir: out, validityDays: 90, key: { ...key, formats: ['pkcs8'] } });
    const gone = await ca.ok('ca.issueDevice', { deviceId: 'dev-gone', outDir: out, validityDays: 90, key: { ...key, formats: ['pkcs8'] } });
    await ca.ok('ca.revoke', { serialNumber: gone.certificate.serialNumber, reason: 'keyCompromise' });
    const serials = async (filter: 'valid' | 'expiring' | 'revoked' | 'expired') => (await ca.ok('ca.list', { filter })).map((c) => c.serialNumber);
    expect(await serials('expiring')).toEqual([soon.certificate.serialNumber]);
    expect(await serials('valid')).toEqual([later.certificate.serialNumber]);
    expect(await serials('revoked')).toEqual([gone.certificate.serialNumber]);
    ca.setNow(new Date(Date.now() + 11 * 86_400_000));
    expect(await serials('expired')).toEqual([soon.certificate.serialNumber]);
    expect((await ca.ok('ca.status', {})).counts).toEqual({ valid: 1, expiring: 0, expired: 1, revoked: 1 });
  });

  it('revoke publishes at once: CRLNumber grows, AKI, 72 h window, X509 CRL label, reason kept', async () => {
    const a = await ca.ok('ca.issueDevice', { deviceId: 'dev-a', outDir: out, key: { ...key, formats: ['pkcs8'] } });
    const first = await ca.ok('ca.publishCrl', {});
    expect(first.crls).toMatchObject([{ crlNumber: 1, entries: 0, hoursLeft: 72 }]);
    const revoked = await ca.ok('ca.revoke', { serialNumber: a.certificate.serialNumber, reason: 'keyCompromise' });
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'keyCompromise' });
    const again = await ca.call('ca.revoke', { serialNumber: a.certificate.serialNumber });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('already revoked') } });
    const pem = await readFile(first.combinedPath, 'utf8');
    expect(pem).toMatch(/^-----BEGIN X509 CRL-----\n/);
    const crl = parseCrl(crlFromPem(pem));
    expect(crl.crlNumber).toBe('2');
    expect(crl.lookup(a.certificate.serialNumber)?.reason).toBe('keyCompromise');
    expect(Date.parse(crl.nextUpdate ?? '') - Date.parse(crl.thisUpdate)).toBe(72 * 3_600_000);
    const status = await ca.ok('ca.status', {});
    expect(status.cas[0]?.crl).toMatchObject({ crlNumber: 2, entries: 1 });
    expect(crl.authorityKeyId).toMatch(/^[0-9a-f]{40}$/);
  });

  it('renew: a new certificate for the same device id, the old one revoked as superseded', async () => {
    const old = await ca.ok('ca.issueDevice', { deviceId: 'dev-r', outDir: out, validityDays: 30, key: { ...key, formats: ['pkcs8'] } });
    const renewed = await ca.ok('ca.renew', { serialNumber: old.certificate.serialNumber, outDir: join(out, 'renewed') });
    expect(renewed.certificate).toMatchObject({ deviceId: 'dev-r', renewedFrom: old.certificate.serialNumber, origin: 'generated' });
    expect(renewed.files.map((f) => f.split('/').pop())).toEqual(['dev-r.pem', 'dev-r-chain.pem']);
    const list = await ca.ok('ca.list', {});
    expect(list.find((c) => c.serialNumber === old.certificate.serialNumber)).toMatchObject({ status: 'revoked', revocationReason: 'superseded' });
    const crl = parseCrl(crlFromPem(await readFile(join(ca.dataDir, 'ca/crl/combined.crl.pem'), 'utf8')));
    expect(crl.lookup(old.certificate.serialNumber)?.reason).toBe('superseded');
    const ops = (await ca.ok('ca.auditLog', {})).entries.map((e) => e.op);
    expect(ops.slice(-3)).toEqual(['renew', 'revoke', 'publish']);
    const reused = await ca.call('ca.renew', { serialNumber: old.certificate.serialNumber, outDir: out });
    expect(reused).toMatchObject({ ok: false, error: { message: expect.stringContaining('never the old one') } });
  });

  it('fails closed: when the audit log cannot be written nothing is issued, recorded or handed out', async () => {
    const log = join(ca.dataDir, 'ca/audit.jsonl');
    await rm(log);
    await mkdir(log);
    const r = await ca.call('ca.issueDevice', { deviceId: 'dev-x', outDir: out, key });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('audit log') } });
    expect(await ca.ok('ca.list', {})).toEqual([]);
    expect(await readdir(out).catch(() => [])).toEqual([]);
    await rm(log, { recursive: true });
    await chmod(join(ca.dataDir, 'ca'), 0o700);
  });
});
