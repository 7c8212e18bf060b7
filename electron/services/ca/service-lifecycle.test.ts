import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKED_MESSAGE } from './context';
import { nodeCaFs } from './node-ca';
import { deviceCaTrust } from './trust';
import { caHarness, KEY_PASSPHRASE, PASSPHRASE, type CaHarness } from './test-ca';

let ca: CaHarness;
beforeEach(async () => {
  ca = await caHarness();
});
afterEach(() => ca.cleanup());

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('CA lifecycle', () => {
  it('ca.init creates the vault and a root CA; files are private; a second init is refused', async () => {
    const root = await ca.ok('ca.init', { subject: 'CN=Sentinel Device Root, O=Example', keyAlgorithm: 'ec-p384', passphrase: PASSPHRASE });
    expect(root).toMatchObject({ role: 'root', status: 'active', parentId: null, keyAlgorithm: 'ec-p384', subject: 'O=Example,CN=Sentinel Device Root', crl: null });
    expect(root.daysLeft).toBeGreaterThan(3640);
    expect(await mode(join(ca.dataDir, 'ca'))).toBe(0o700);
    expect(await mode(join(ca.dataDir, 'ca/cas.json'))).toBe(0o600);
    const again = await ca.call('ca.init', { subject: 'CN=Other', passphrase: PASSPHRASE });
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('use ca rotate') } });
    const log = await ca.ok('ca.auditLog', {});
    expect(log.verified).toBe(true);
    expect(log.entries.map((e) => e.op)).toEqual(['create']);
    expect(log.entries[0]?.detail).toContain(root.sha256);
  });

  it('every command that needs keys refuses a locked vault with one clear message', async () => {
    await ca.ok('ca.init', { subject: 'CN=Root', passphrase: PASSPHRASE });
    await ca.ok('ca.lock', {});
    const out = join(ca.dataDir, 'out');
    const calls = [
      ca.call('ca.issueDevice', { deviceId: 'dev-1', outDir: out, key: { passphrase: KEY_PASSPHRASE } }),
      ca.call('ca.issueServer', { commonName: 'proxy.example', outDir: out, key: { passphrase: KEY_PASSPHRASE } }),
      ca.call('ca.signCsr', { csr: { kind: 'text', name: 'x.csr', text: 'x' } }),
      ca.call('ca.revoke', { serialNumber: 'abcd' }),
      ca.call('ca.renew', { serialNumber: 'abcd', outDir: out }),
      ca.call('ca.publishCrl', {}),
      ca.call('ca.export', { outDir: out }),
      ca.call('ca.rotate', { subject: 'CN=Root 2' }),
      ca.call('ca.createIntermediate', { parentId: 'x', subject: 'CN=Inter' }),
    ];
    for (const result of await Promise.all(calls)) expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: LOCKED_MESSAGE } });
  });

  it('unlock: a wrong passphrase is FORBIDDEN and logged; the right one unlocks; events follow the state', async () => {
    await ca.ok('ca.init', { subject: 'CN=Root', passphrase: PASSPHRASE });
    await ca.ok('ca.lock', {});
    const wrong = await ca.call('ca.unlock', { passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ca.ok('ca.unlock', { passphrase: PASSPHRASE })).unlocked).toBe(true);
    const log = await ca.ok('ca.auditLog', {});
    expect(log.entries.map((e) => `${e.op}:${e.detail}`)).toEqual(['create:' + (log.entries[0]?.detail ?? ''), 'lock:vault locked on request', 'unlock:refused: FORBIDDEN', 'unlock:vault unlocked']);
    // The vault's own change (created, unlocked, no CA yet), the CA, then lock and unlock.
    expect(ca.events.map((e) => [e.vault.unlocked, e.cas.length])).toEqual([[true, 0], [true, 1], [false, 1], [true, 1]]);
  });

  it('intermediate: pathLen 0 under the root, becomes the issuer; the one it replaces stays trusted for the overlap', async () => {
    const root = await ca.ok('ca.init', { subject: 'CN=Root', passphrase: PASSPHRASE });
    const i1 = await ca.ok('ca.createIntermediate', { parentId: root.id, subject: 'CN=Issuing 1', keyAlgorithm: 'ed25519' });
    expect(i1).toMatchObject({ role: 'intermediate', parentId: root.id, issuer: 'CN=Root', status: 'active' });
    const nested = await ca.call('ca.createIntermediate', { parentId: i1.id, subject: 'CN=Nested' });
    expect(nested).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('path length 0') } });
    const i2 = await ca.ok('ca.createIntermediate', { parentId: root.id, subject: 'CN=Issuing 2' });
    const issued = await ca.ok('ca.issueDevice', { deviceId: 'dev-1', outDir: join(ca.dataDir, 'out'), key: { passphrase: KEY_PASSPHRASE, formats: ['pkcs8'] } });
    expect(issued.certificate.caId).toBe(i2.id);
    const status = await ca.ok('ca.status', {});
    expect(status.cas.map((c) => [c.id, c.status])).toEqual([[root.id, 'active'], [i1.id, 'previous'], [i2.id, 'active']]);
  });

  it('rotate: the new root issues, the old one is previous until the overlap ends, then retired and out of the bundle', async () => {
    const old = await ca.ok('ca.init', { subject: 'CN=Root 2025', passphrase: PASSPHRASE });
    const fresh = await ca.ok('ca.rotate', { subject: 'CN=Root 2026', keyAlgorithm: 'rsa-3072', overlapDays: 10 });
    expect(fresh).toMatchObject({ status: 'active', role: 'root', keyAlgorithm: 'rsa-3072' });
    const out = join(ca.dataDir, 'export');
    await ca.ok('ca.export', { outDir: out });
    const bundle = await readFile(join(out, 'ca-bundle.pem'), 'utf8');
    expect(bundle.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(await deviceCaTrust(nodeCaFs, join(ca.dataDir, 'ca'), new Date())).toHaveLength(2);
    expect(await deviceCaTrust(nodeCaFs, join(ca.dataDir, 'ca'), new Date(Date.now() + 11 * 86_400_000))).toHaveLength(1);
    const crls = await readFile(join(out, 'ca-crl.pem'), 'utf8');
    expect(crls.match(/BEGIN X509 CRL/g)).toHaveLength(2);
    ca.setNow(new Date(Date.now() + 11 * 86_400_000));
    await ca.ok('ca.unlock', { passphrase: PASSPHRASE });
    const status = await ca.ok('ca.status', {});
    expect(status.cas.map((c) => [c.id, c.status])).toEqual([[old.id, 'retired'], [fresh.id, 'active']]);
    await ca.ok('ca.export', { outDir: out });
    expect((await readFile(join(out, 'ca-bundle.pem'), 'utf8')).match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
    const log = await ca.ok('ca.auditLog', {});
    expect(log.entries.map((e) => e.op)).toEqual(['create', 'rotate', 'publish', 'export', 'unlock', 'publish', 'export']);
  });

  it('the idle lock reaches open screens as a ca.changed event', async () => {
    const quick = await caHarness({ idleLockSeconds: 1 });
    try {
      await quick.ok('ca.init', { subject: 'CN=Idle Root', passphrase: PASSPHRASE });
      expect(quick.events.at(-1)?.vault.unlocked).toBe(true);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(quick.events.at(-1)?.vault).toMatchObject({ unlocked: false, idleLockSeconds: 1 });
      expect(await quick.call('ca.publishCrl', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await quick.cleanup();
    }
  });
});
