import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VaultState } from '../../../../shared/model/ca';
import { newPkcs8 } from './test-vault-helpers';
import { createVault, type Vault } from './vault';

const PASS = 'vault passphrase for tests';
let root = '';
let changes: VaultState[] = [];

/** Looks the globals up on each call, so vi's fake timers apply. */
const timers = { setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms), clearTimeout: (h: unknown): void => clearTimeout(h as NodeJS.Timeout) };
const make = (idleLockSeconds: number): Vault =>
  createVault({ dir: join(root, 'vault'), clock: () => new Date(), timers, safeStorage: null, idleLockSeconds, onChange: (s) => changes.push(s) });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sc-vault-idle-'));
  changes = [];
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(root, { recursive: true, force: true });
});

describe('vault idle lock', () => {
  it('locks after idleLockSeconds without touch(); touch() restarts the countdown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const vault = make(60);
    await vault.initialize(PASS);
    await vault.storeKey('root', newPkcs8('ec-p256'), 'ec-p256');
    vi.advanceTimersByTime(59_000);
    expect(vault.state().unlocked).toBe(true);
    vault.touch();
    vi.advanceTimersByTime(59_000);
    expect(vault.state().unlocked).toBe(true);
    const before = changes.length;
    vi.advanceTimersByTime(1_000);
    expect(vault.state().unlocked).toBe(false);
    expect(changes.slice(before)).toEqual([expect.objectContaining({ unlocked: false })]);
    await expect(vault.signingKey('root')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('locks on first use after a suspend, when the clock moved but the timer never fired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const vault = make(60);
    await vault.initialize(PASS);
    await vault.storeKey('root', newPkcs8('ec-p256'), 'ec-p256');
    vi.setSystemTime(Date.now() + 61_000);
    await expect(vault.signingKey('root')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(changes.at(-1)?.unlocked).toBe(false);
    vault.touch();
    expect(vault.state().unlocked).toBe(false);
  });

  it('a lock() while an unlock is deriving cancels that unlock', async () => {
    const vault = make(60);
    await vault.initialize(PASS);
    vault.lock();
    const unlocking = vault.unlock(PASS);
    vault.lock();
    await expect(unlocking).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/locked while it was being opened/) });
    expect(vault.state().unlocked).toBe(false);
    await vault.unlock(PASS);
    expect(vault.state().unlocked).toBe(true);
    vault.lock();
  });
});
