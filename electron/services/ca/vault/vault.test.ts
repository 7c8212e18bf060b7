import { createHash, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandFailure } from '../../../../shared/ipc/errors';
import type { KeyAlgorithm, VaultState } from '../../../../shared/model/ca';
import { toPem } from '../../../../shared/pki/pem';
import { createLab } from '../../pki/test-openssl';
import { allFiles, leaks, newPkcs8, privateScalar } from './test-vault-helpers';
import { createVault, type Vault } from './vault';

const PASS = 'vault passphrase for tests';
let root = '';
let dir = '';
let changes: VaultState[] = [];
let vault: Vault;

const realTimers = { setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms), clearTimeout: (h: unknown): void => clearTimeout(h as NodeJS.Timeout) };
const make = (): Vault => createVault({ dir, clock: () => new Date(), timers: realTimers, safeStorage: null, idleLockSeconds: 900, onChange: (s) => changes.push(s) });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sc-vault-'));
  dir = join(root, 'ca', 'vault');
  changes = [];
  vault = make();
});
afterEach(async () => {
  vault.lock();
  await rm(root, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<CommandFailure> {
  const error: unknown = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof CommandFailure)) throw new Error(`expected a CommandFailure, got ${String(error)}`);
  return error;
}

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;
const digestAll = async (): Promise<string[]> => (await allFiles(dir)).map((f) => `${f.path} ${createHash('sha256').update(f.bytes).digest('hex')}`);

/** Signs with the vault's key and verifies with the public half of the original. */
async function signsLike(key: webcrypto.CryptoKey, pkcs8: Uint8Array): Promise<boolean> {
  const params = key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : key.algorithm;
  const data = new TextEncoder().encode('tbs');
  const signature = await webcrypto.subtle.sign(params, key, data);
  const spki = createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'der' });
  const publicKey = await webcrypto.subtle.importKey('spki', spki, key.algorithm, false, ['verify']);
  return webcrypto.subtle.verify(params, publicKey, signature, data);
}

describe('vault: create, store, lock, unlock', () => {
  it('creates 0700 directories and a 0600 vault.json that holds no passphrase, and starts unlocked', async () => {
    expect(vault.state()).toMatchObject({ initialized: false, unlocked: false, rememberAvailable: false, remembered: false });
    await vault.initialize(PASS);
    expect(vault.state()).toMatchObject({ initialized: true, unlocked: true, idleLockSeconds: 900 });
    expect(changes.at(-1)?.unlocked).toBe(true);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, 'keys'))).toBe(0o700);
    expect(await modeOf(join(dir, 'vault.json'))).toBe(0o600);
    expect(await leaks(dir, [PASS])).toEqual([]);
    expect((await failure(vault.initialize(PASS))).code).toBe('INVALID_INPUT');
    expect((await failure(make().initialize('short'))).code).toBe('INVALID_INPUT');
  });

  it('stores each algorithm encrypted (openssl opens it with the passphrase) and signs with non-extractable keys', async () => {
    await vault.initialize(PASS);
    const lab = await createLab();
    const keys = new Map<KeyAlgorithm, Uint8Array>((['ec-p256', 'ec-p384', 'rsa-3072', 'ed25519'] as const).map((alg) => [alg, newPkcs8(alg)]));
    try {
      for (const [alg, der] of keys) {
        await vault.storeKey(`ca-${alg}`, der, alg);
        const file = join(dir, 'keys', `ca-${alg}.key`);
        expect(await modeOf(file)).toBe(0o600);
        expect(await readFile(file, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
        const out = (await lab.openssl('pkcs8', '-in', file, '-passin', `pass:${PASS}`)).toString();
        expect(createPrivateKey(out).export({ format: 'jwk' })).toEqual(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }));
        const key = await vault.signingKey(`ca-${alg}`);
        expect(key.extractable).toBe(false);
        await expect(webcrypto.subtle.exportKey('pkcs8', key)).rejects.toThrow();
        expect(await signsLike(key, der)).toBe(true);
      }
    } finally {
      await lab.cleanup();
    }
    expect(await leaks(dir, [PASS, ...keys.values(), ...[...keys.values()].map(privateScalar)])).toEqual([]);
  });

  it('locks (dropping keys), refuses a wrong passphrase without changing anything, then unlocks', async () => {
    await vault.initialize(PASS);
    const der = newPkcs8('ec-p256');
    await vault.storeKey('root', der, 'ec-p256');
    vault.lock();
    expect(changes.at(-1)?.unlocked).toBe(false);
    expect((await failure(vault.signingKey('root'))).code).toBe('FORBIDDEN');

    const before = await digestAll();
    const wrong = await failure(vault.unlock('not the passphrase at all'));
    expect(wrong.code).toBe('FORBIDDEN');
    expect(wrong.message).toMatch(/^wrong passphrase/);
    expect(vault.state().unlocked).toBe(false);
    expect(await digestAll()).toEqual(before);

    const fresh = make();
    await fresh.unlock(PASS);
    expect(await signsLike(await fresh.signingKey('root'), der)).toBe(true);
    expect(await fresh.checkPassphrase(PASS)).toBe(true);
    expect(await fresh.checkPassphrase('nope nope nope')).toBe(false);
    fresh.lock();
  });

  it('refuses bad store requests', async () => {
    await vault.initialize(PASS);
    const der = newPkcs8('ec-p256');
    expect((await failure(vault.storeKey('../escape', der, 'ec-p256'))).code).toBe('INVALID_INPUT');
    expect((await failure(vault.storeKey('a', der, 'ed25519'))).message).toMatch(/is ec-p256, not ed25519/);
    await vault.storeKey('a', der, 'ec-p256');
    expect((await failure(vault.storeKey('a', der, 'ec-p256'))).message).toMatch(/already holds/);
    expect((await failure(vault.signingKey('missing'))).code).toBe('NOT_FOUND');
    vault.lock();
    expect((await failure(vault.storeKey('b', der, 'ec-p256'))).code).toBe('FORBIDDEN');
    expect((await failure(make().unlock(PASS).then(() => vault.remember(true)))).code).toBe('UNAVAILABLE');
  });

  it('refuses a key file or directory that group or others can read, naming the chmod to run', async () => {
    await vault.initialize(PASS);
    await vault.storeKey('root', newPkcs8('ec-p256'), 'ec-p256');
    vault.lock();
    const file = join(dir, 'keys', 'root.key');
    await chmod(file, 0o644);
    const open = await failure(vault.unlock(PASS));
    expect(open.code).toBe('UNREADABLE_FILE');
    expect(open.message).toContain(file);
    expect(open.message).toContain(`chmod 600 ${file}`);
    await chmod(file, 0o600);
    await chmod(join(dir, 'keys'), 0o750);
    expect((await failure(vault.unlock(PASS))).message).toContain(`chmod 700 ${join(dir, 'keys')}`);
    await chmod(join(dir, 'keys'), 0o700);
    await rm(file);
    await symlink(join(root, 'elsewhere.key'), file);
    expect((await failure(vault.unlock(PASS))).message).toMatch(/symlinks are refused/);
  });

  it('(control) the plaintext scan does find a planted key, its bytes or the passphrase', async () => {
    await vault.initialize(PASS);
    const der = newPkcs8('ec-p256');
    await writeFile(join(dir, 'keys', '.planted.tmp-1'), toPem(der, 'PRIVATE KEY'));
    await writeFile(join(dir, 'raw.bin'), Buffer.concat([Buffer.from('xx'), privateScalar(der)]));
    await writeFile(join(dir, 'note.txt'), Buffer.from(PASS, 'utf16le'));
    expect((await leaks(dir, [PASS, der, privateScalar(der)])).sort()).toEqual([
      `${join(dir, 'keys', '.planted.tmp-1')}: secret bytes`,
      `${join(dir, 'keys', '.planted.tmp-1')}: unencrypted PEM key`,
      `${join(dir, 'note.txt')}: secret bytes`,
      `${join(dir, 'raw.bin')}: secret bytes`,
    ]);
  });
});
