import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leaks, privateScalar } from './test-vault-helpers';
import { createVault, type Vault } from './vault';

/**
 * Crash safety: a process SIGKILLed in the middle of storing a key never leaves unencrypted
 * key material on disk, and the vault still opens afterwards (the half-written key is absent).
 */

const PASS = 'vault passphrase for tests';
const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'test-crash-child.ts');
let root = '';
let dir = '';

const timers = { setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms), clearTimeout: (h: unknown): void => clearTimeout(h as NodeJS.Timeout) };
const make = (): Vault => createVault({ dir, clock: () => new Date(), timers, safeStorage: null, idleLockSeconds: 900, onChange: () => undefined });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sc-vault-crash-'));
  dir = join(root, 'vault');
  const vault = make();
  await vault.initialize(PASS);
  vault.lock();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

interface ChildRun {
  readonly signal: NodeJS.Signals | null;
  readonly keys: Uint8Array[];
  readonly stored: number;
}

/** Runs the child; with `killAfterMs` the parent kills it that long after its first key line. */
function runChild(hook: 'write' | 'sync' | 'none', remember: boolean, killAfterMs?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, PASS, hook, remember ? 'yes' : 'no'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const first = !out.includes('KEY ');
      out += chunk.toString();
      if (killAfterMs !== undefined && first && out.includes('KEY ')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null) reject(new Error(`child exited ${String(code)}: ${err}`));
      const keys = [...out.matchAll(/^KEY ([0-9a-f]+)$/gm)].map((m) => new Uint8Array(Buffer.from(m[1] as string, 'hex')));
      resolve({ signal, keys, stored: [...out.matchAll(/^STORED /gm)].length });
    });
  });
}

async function expectNoPlaintext(run: ChildRun): Promise<void> {
  expect(run.keys.length).toBeGreaterThan(0);
  const secrets = [PASS, ...run.keys, ...run.keys.map(privateScalar)];
  expect(await leaks(dir, secrets)).toEqual([]);
}

describe('vault crash safety (child SIGKILLed mid-store)', () => {
  for (const remember of [false, true]) {
    for (const hook of ['write', 'sync'] as const) {
      it(`after the temp file's ${hook === 'write' ? 'bytes are written' : 'fsync'}${remember ? ', with a remembered copy' : ''}: only ciphertext on disk; the vault opens without the key`, async () => {
        const run = await runChild(hook, remember);
        expect(run.signal).toBe('SIGKILL');
        expect(run.stored).toBe(0);
        const temps = (await readdir(join(dir, 'keys'))).filter((n) => n.includes('.tmp-'));
        expect(temps).toEqual([expect.stringMatching(remember ? /^\.k0\.wrapped\.key\.tmp-/ : /^\.k0\.key\.tmp-/)]);
        await expectNoPlaintext(run);

        const vault = make();
        await vault.unlock(PASS);
        await expect(vault.signingKey('k0')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect((await readdir(join(dir, 'keys'))).filter((n) => n.includes('.tmp-'))).toEqual([]);
        vault.lock();
      }, 60_000);
    }
  }

  it('killed at arbitrary moments while storing keys in a loop: never any plaintext', async () => {
    for (const delay of [0, 90, 260]) {
      const run = await runChild('none', delay === 90, delay);
      expect(run.signal).toBe('SIGKILL');
      await expectNoPlaintext(run);
    }
    const vault = make();
    await vault.unlock(PASS);
    vault.lock();
  }, 120_000);
});
