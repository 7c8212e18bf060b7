import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultState } from '../../../../shared/model/ca';
import { allFiles, base64FakeSafeStorage, leaks, newPkcs8, privateScalar } from './test-vault-helpers';
import { createVault, type SafeStoragePort, type Vault } from './vault';

const PASS = 'vault passphrase for tests';
let root = '';
let dir = '';
let changes: VaultState[] = [];
const opened: Vault[] = [];

const timers = { setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms), clearTimeout: (h: unknown): void => clearTimeout(h as NodeJS.Timeout) };
function make(safeStorage: SafeStoragePort | null): Vault {
  const vault = createVault({ dir, clock: () => new Date(), timers, safeStorage, idleLockSeconds: 900, onChange: (s) => changes.push(s) });
  opened.push(vault);
  return vault;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sc-vault-rem-'));
  dir = join(root, 'vault');
  changes = [];
});
afterEach(async () => {
  for (const v of opened.splice(0)) v.lock();
  await rm(root, { recursive: true, force: true });
});

describe('vault remember (file flow with base64FakeSafeStorage, which is NOT secure)', () => {
  it('keeps a wrapped copy of every key and unlocks with it, never storing the passphrase', async () => {
    const port = base64FakeSafeStorage();
    const vault = make(port);
    await vault.initialize(PASS);
    const first = newPkcs8('ec-p256');
    await vault.storeKey('root', first, 'ec-p256');
    expect(vault.state()).toMatchObject({ rememberAvailable: true, remembered: false });
    await vault.remember(true);
    expect(vault.state().remembered).toBe(true);
    expect(changes.at(-1)?.remembered).toBe(true);
    for (const name of ['remembered.bin', 'keys/root.wrapped.key']) expect((await stat(join(dir, name))).mode & 0o777).toBe(0o600);
    const second = newPkcs8('ed25519');
    await vault.storeKey('sub', second, 'ed25519');
    expect((await readdir(join(dir, 'keys'))).sort()).toEqual(['root.key', 'root.wrapped.key', 'sub.key', 'sub.wrapped.key']);
    vault.lock();

    const later = make(port);
    expect(await later.unlockRemembered()).toBe(true);
    expect(later.state().unlocked).toBe(true);
    expect((await later.signingKey('sub')).extractable).toBe(false);
    // Never the passphrase: safeStorage only ever saw W, and no file holds the passphrase or a plain key.
    expect(port.plaintexts).toHaveLength(1);
    expect(port.plaintexts[0]).not.toContain(PASS);
    expect(await leaks(dir, [PASS, first, second, privateScalar(first), privateScalar(second)])).toEqual([]);
    // W itself is on disk only as safeStorage's output (here the fake's base64 of it).
    const w = Buffer.from(port.plaintexts[0] ?? '');
    expect((await allFiles(dir)).filter((f) => f.bytes.includes(w)).map((f) => f.path)).toEqual([]);
  });

  it('asks for the passphrase before storing after a remembered unlock, and adopts it from unlock', async () => {
    const port = base64FakeSafeStorage();
    const vault = make(port);
    await vault.initialize(PASS);
    await vault.remember(true);
    vault.lock();
    const later = make(port);
    expect(await later.unlockRemembered()).toBe(true);
    await expect(later.storeKey('k', newPkcs8('ec-p384'), 'ec-p384')).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/remembered key; enter the vault passphrase/) });
    await expect(later.unlock('wrong wrong wrong')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(later.state().unlocked).toBe(true);
    await later.unlock(PASS);
    await later.storeKey('k', newPkcs8('ec-p384'), 'ec-p384');
    later.lock();
    expect(await make(port).unlockRemembered()).toBe(true);
  });

  it('forgets: remember(false) deletes remembered.bin and every wrapped copy', async () => {
    const port = base64FakeSafeStorage();
    const vault = make(port);
    await vault.initialize(PASS);
    await vault.storeKey('root', newPkcs8('ec-p256'), 'ec-p256');
    await vault.remember(true);
    await vault.remember(false);
    expect(vault.state().remembered).toBe(false);
    expect(await readdir(dir)).not.toContain('remembered.bin');
    expect(await readdir(join(dir, 'keys'))).toEqual(['root.key']);
    vault.lock();
    expect(await make(port).unlockRemembered()).toBe(false);
  });

  it('returns false (passphrase needed) when safeStorage cannot decrypt, is unavailable, or is absent', async () => {
    const port = base64FakeSafeStorage();
    const vault = make(port);
    await vault.initialize(PASS);
    await vault.storeKey('root', newPkcs8('ec-p256'), 'ec-p256');
    await vault.remember(true);
    vault.lock();
    port.failDecrypt = true;
    expect(await make(port).unlockRemembered()).toBe(false);
    expect(await make(base64FakeSafeStorage({ available: false })).unlockRemembered()).toBe(false);
    const nodeHost = make(null);
    expect(await nodeHost.unlockRemembered()).toBe(false);
    expect(nodeHost.state()).toMatchObject({ rememberAvailable: false, remembered: false });
    await expect(make(base64FakeSafeStorage({ available: false })).remember(true)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // A new key while safeStorage has lost W: stored under the passphrase, remembering switched off.
    const unlocked = make(port);
    await unlocked.unlock(PASS);
    await unlocked.storeKey('next', newPkcs8('ec-p256'), 'ec-p256');
    expect(unlocked.state().remembered).toBe(false);
    expect((await readdir(join(dir, 'keys'))).sort()).toEqual(['next.key', 'root.key']);
  });
});
