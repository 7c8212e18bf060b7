import type { AuditLogEntry, CaOverview } from '../../../shared/model/ca';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { CaDeps } from './deps';
import { createCaStore, type CaStore } from './store';
import { DEFAULT_CA_SETTINGS, type CaSettings, type CasFile, type StoredCa } from './store-types';

/** The vault's non-extractable CryptoKey, typed as the vault declares it. */
export type SigningKey = Awaited<ReturnType<CaDeps['vault']['signingKey']>>;

export const LOCKED_MESSAGE = 'the vault is locked: unlock it with the CA passphrase';

/** What every ca.* command shares: the store, the vault gate, the audit rule and change events. */
export interface CaContext {
  readonly deps: CaDeps;
  readonly store: CaStore;
  now(): Date;
  settings(file: CasFile): CaSettings;
  /** Refuses unless the vault is unlocked, then counts as activity for the idle timer. */
  requireUnlocked(): void;
  /** Appends to the audit log; when that fails the operation fails (fail closed). */
  audit(op: AuditLogEntry['op'], detail: string): Promise<void>;
  /** The CA's non-extractable signing key from the vault. */
  signingKey(ca: StoredCa): Promise<SigningKey>;
  /** Pushes 'ca.changed' when the overview differs from the last one pushed. */
  changed(): Promise<void>;
  /** 16 random bytes as hex, or a 16-hex-digit id. */
  randomHex(bytes: number): string;
}

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 300);

export function createCaContext(deps: CaDeps, overview: (ctx: CaContext) => Promise<CaOverview>): CaContext {
  const store = createCaStore(deps.fs, deps.dir);
  let lastPushed = '';
  const ctx: CaContext = {
    deps,
    store,
    now: () => deps.clock(),
    settings: (file) => ({ ...DEFAULT_CA_SETTINGS, ...deps.settings, ...file.settings }),
    requireUnlocked() {
      const state = deps.vault.state();
      if (!state.initialized) throw new CommandFailure('NOT_FOUND', 'there is no CA yet: create one with ca init or bring one in with ca import');
      if (!state.unlocked) throw new CommandFailure('FORBIDDEN', LOCKED_MESSAGE);
      deps.vault.touch();
    },
    async audit(op, detail) {
      try {
        await deps.audit.append(op, detail);
      } catch (err) {
        if (err instanceof CommandFailure) throw err;
        throw new CommandFailure('UNAVAILABLE', `the audit log could not be written (${reason(err)}), so the ${op} was not completed`);
      }
    },
    async signingKey(ca) {
      try {
        return await deps.vault.signingKey(ca.id);
      } catch (err) {
        if (err instanceof CommandFailure) throw err;
        throw new CommandFailure('UNAVAILABLE', `the key of CA ${ca.id} could not be loaded from the vault (${reason(err)})`);
      }
    },
    async changed() {
      try {
        const value = await overview(ctx);
        const json = JSON.stringify(value);
        if (json === lastPushed) return;
        lastPushed = json;
        deps.events.emit('ca.changed', value);
      } catch {
        // An event is a courtesy to open screens; the operation itself already succeeded.
      }
    },
    randomHex(bytes) {
      let hex = '';
      for (const b of deps.random(bytes)) hex += b.toString(16).padStart(2, '0');
      return hex;
    },
  };
  return ctx;
}
