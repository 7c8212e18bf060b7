import { existsSync } from 'node:fs';
import { CommandFailure } from '../../../../shared/ipc/errors';
import type { VaultState } from '../../../../shared/model/ca';
import { importSigningKey, keyAlgorithmOf } from './key-import';
import { encryptPkcs8Bytes } from './pkcs8-encrypt';
import { loadKeys } from './vault-keys';
import { assertPrivate, checkKeyId, exists, listKeyIds, makePrivateDir, readPrivateFile, removeStaleTemps, vaultLayout, writeKeyFile, writePrivateFile } from './vault-files';
import { createMeta, parseMeta, verifyPassphrase, type VaultMeta } from './vault-meta';
import { enableRemember, forgetFiles, loadWrapSecret, writeWrappedKey } from './vault-remember';
import { createSession, type Session } from './vault-session';
import type { Vault, VaultDeps } from './vault-types';

/**
 * The CA key vault (main process only). At rest: encrypted PKCS#8 under the operator's
 * passphrase (see vault-files.ts for the layout). Unlocked: non-extractable WebCrypto keys and
 * the passphrase as bytes in memory (to encrypt new keys); lock zeroes and drops all of it.
 * Operations run one at a time. lock() is immediate: an unlock in flight is cancelled, a store
 * in flight finishes its (encrypted) write and then reports the lock.
 */

export type { SafeStoragePort, Vault, VaultDeps } from './vault-types';

const MIN_PASSPHRASE = 12;
const WRONG = 'wrong passphrase for the CA vault; nothing was changed (try again: there is no lockout)';
const NEEDS_PASSPHRASE = 'the vault was unlocked with the remembered key; enter the vault passphrase (unlock with it) before storing a new key';

export function createVault(deps: VaultDeps): Vault {
  const layout = vaultLayout(deps.dir);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  /** For operations that open a session: the ticket is taken at the call, so a lock() requested after it cancels them even while they wait their turn. */
  const opening = <T>(task: (ticket: number) => Promise<T>): Promise<T> => {
    const ticket = sessions.ticket();
    return serial(() => task(ticket));
  };
  const rememberAvailable = (): boolean => deps.safeStorage?.available() ?? false;
  const state = (): VaultState => ({
    initialized: existsSync(layout.meta),
    unlocked: sessions.current() !== null,
    idleLockSeconds: deps.idleLockSeconds,
    rememberAvailable: rememberAvailable(),
    remembered: rememberAvailable() && existsSync(layout.remembered),
  });
  const sessions = createSession(deps, () => deps.onChange(state()));

  async function readMeta(): Promise<VaultMeta> {
    if (!(await exists(layout.meta))) throw new CommandFailure('NOT_FOUND', `there is no CA vault in ${layout.dir} yet: create a CA first`);
    await assertPrivate(layout.dir, 'dir');
    return parseMeta((await readPrivateFile(layout.meta)).toString('utf8'), layout.meta);
  }

  /** A copy of W for a new key's second copy: null when not remembered; forgets when safeStorage cannot give W back. */
  async function wrapSecretFor(session: Session): Promise<Buffer | null> {
    if (session.wrapSecret) return Buffer.from(session.wrapSecret);
    const port = deps.safeStorage;
    if (!port || !port.available() || !(await exists(layout.remembered))) return null;
    const secret = await loadWrapSecret(port, layout);
    if (secret === null) {
      await forgetFiles(layout);
      sessions.changed();
      return null;
    }
    try {
      sessions.stillOpen(session, 'nothing was stored');
    } catch (err) {
      secret.fill(0);
      throw err;
    }
    session.wrapSecret = secret;
    return Buffer.from(secret);
  }

  return {
    state,
    initialize: (passphrase) =>
      opening(async (ticket) => {
        if (await exists(layout.meta)) throw new CommandFailure('INVALID_INPUT', `a CA vault already exists in ${layout.dir}`);
        if ([...passphrase].length < MIN_PASSPHRASE) throw new CommandFailure('INVALID_INPUT', `the vault passphrase needs at least ${MIN_PASSPHRASE} characters`);
        await makePrivateDir(layout.dir);
        if ((await listKeyIds(layout)).length > 0) {
          throw new CommandFailure('INVALID_INPUT', `${layout.keysDir} holds keys but there is no vault.json: move ${layout.dir} aside before creating a new vault`);
        }
        await makePrivateDir(layout.keysDir);
        await forgetFiles(layout);
        const secret = Buffer.from(passphrase, 'utf8');
        const meta = await createMeta(secret, deps.clock());
        await writePrivateFile(layout.meta, `${JSON.stringify(meta, null, 2)}\n`);
        sessions.begin(ticket, new Map(), secret, null);
      }),
    unlock: (passphrase) =>
      opening(async (ticket) => {
        const meta = await readMeta();
        const secret = Buffer.from(passphrase, 'utf8');
        let kept = false;
        try {
          if (!(await verifyPassphrase(meta, secret))) throw new CommandFailure('FORBIDDEN', WRONG);
          const open = sessions.current();
          if (open) {
            if (!open.passphrase) open.passphrase = Buffer.from(secret);
            sessions.touch();
            return;
          }
          const ids = await listKeyIds(layout);
          await removeStaleTemps(layout);
          const keys = await loadKeys(ids, layout.keyFile, secret, 'the vault passphrase');
          sessions.begin(ticket, keys, secret, null);
          kept = true;
        } finally {
          if (!kept) secret.fill(0);
        }
      }),
    unlockRemembered: () =>
      opening(async (ticket) => {
        if (sessions.current()) {
          sessions.touch();
          return true;
        }
        const port = deps.safeStorage;
        if (!port || !port.available() || !(await exists(layout.meta)) || !(await exists(layout.remembered))) return false;
        await assertPrivate(layout.dir, 'dir');
        const secret = await loadWrapSecret(port, layout);
        if (secret === null) return false;
        try {
          const ids = await listKeyIds(layout);
          for (const id of ids) if (!(await exists(layout.wrappedFile(id)))) return false;
          const keys = await loadKeys(ids, layout.wrappedFile, secret, 'the remembered key').catch((err: unknown) => {
            if (err instanceof CommandFailure && err.code === 'FORBIDDEN') return null;
            throw err;
          });
          if (keys === null) return false;
          sessions.begin(ticket, keys, null, Buffer.from(secret));
          return true;
        } finally {
          secret.fill(0);
        }
      }),
    lock: () => sessions.lock(),
    touch: () => sessions.touch(),
    storeKey: (id, pkcs8Der, algorithm) =>
      serial(async () => {
        checkKeyId(id);
        const session = sessions.active();
        if (!session.passphrase) throw new CommandFailure('FORBIDDEN', NEEDS_PASSPHRASE);
        const found = keyAlgorithmOf(pkcs8Der);
        if (found !== algorithm) throw new CommandFailure('INVALID_INPUT', `the key to store is ${found}, not ${algorithm}`);
        if (await exists(layout.keyFile(id))) throw new CommandFailure('INVALID_INPUT', `the vault already holds a key with id ${id}`);
        const key = await importSigningKey(pkcs8Der, algorithm);
        // Copies: lock() zeroes the session's buffers, which must never become an all-zero passphrase here.
        const passphrase = Buffer.from(session.passphrase);
        let wrap: Buffer | null = null;
        try {
          await makePrivateDir(layout.keysDir);
          wrap = await wrapSecretFor(session);
          // The wrapped copy first: the passphrase copy is the commit point that makes the key exist.
          if (wrap) await writeWrappedKey(layout, id, pkcs8Der, wrap);
          await writeKeyFile(layout.keyFile(id), await encryptPkcs8Bytes(pkcs8Der, passphrase));
        } finally {
          passphrase.fill(0);
          wrap?.fill(0);
        }
        sessions.stillOpen(session, 'the key was saved encrypted; unlock to use it').keys.set(id, key);
      }),
    signingKey: async (id) => {
      const key = sessions.active().keys.get(id);
      if (!key) throw new CommandFailure('NOT_FOUND', `the vault holds no key with id ${id}`);
      return key;
    },
    checkPassphrase: (passphrase) =>
      serial(async () => {
        if (!(await exists(layout.meta))) return false;
        const secret = Buffer.from(passphrase, 'utf8');
        const ok = await verifyPassphrase(await readMeta(), secret);
        const open = sessions.current();
        if (ok && open && !open.passphrase) open.passphrase = secret;
        else secret.fill(0);
        return ok;
      }),
    remember: (enabled) =>
      serial(async () => {
        const open = sessions.current();
        if (!enabled) {
          await forgetFiles(layout);
          open?.wrapSecret?.fill(0);
          if (open) open.wrapSecret = null;
          sessions.changed();
          return;
        }
        const port = deps.safeStorage;
        if (!port || !port.available()) {
          throw new CommandFailure('UNAVAILABLE', 'remembering needs the OS keychain (Electron safeStorage with a real backend, not basic_text); enter the passphrase instead');
        }
        const session = sessions.active();
        if (await exists(layout.remembered)) return;
        if (!session.passphrase) throw new CommandFailure('FORBIDDEN', NEEDS_PASSPHRASE);
        const passphrase = Buffer.from(session.passphrase);
        const secret = await enableRemember(layout, port, passphrase).finally(() => passphrase.fill(0));
        if (sessions.current() !== session) {
          secret.fill(0);
          sessions.changed();
          return;
        }
        session.wrapSecret = secret;
        sessions.changed();
      }),
  };
}
