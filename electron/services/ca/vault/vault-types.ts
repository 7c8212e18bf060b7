import type { webcrypto } from 'node:crypto';
import type { KeyAlgorithm, VaultState } from '../../../../shared/model/ca';
import type { SessionDeps } from './vault-session';

/** The vault's public surface (implemented in vault.ts, which re-exports these). */

/** Electron's safeStorage as the vault needs it; null on hosts without a real OS backend. */
export interface SafeStoragePort {
  available(): boolean;
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(cipher: Uint8Array): Promise<string>;
}

export interface Vault {
  state(): VaultState;
  /** Creates the vault (0700 dir) with its passphrase check; refuses if one exists. Leaves it unlocked. */
  initialize(passphrase: string): Promise<void>;
  /** Wrong → FORBIDDEN; no lockout, no data change. When already unlocked, only checks (and adopts) the passphrase. */
  unlock(passphrase: string): Promise<void>;
  /** Unlock with the remembered wrapping key (safeStorage), if any. */
  unlockRemembered(): Promise<boolean>;
  lock(): void;
  /** Activity: restarts the idle timer. */
  touch(): void;
  /** Encrypts and stores a private key under id (0600, atomic). Needs unlocked with the passphrase. Does not zero `pkcs8Der`. */
  storeKey(id: string, pkcs8Der: Uint8Array, algorithm: KeyAlgorithm): Promise<void>;
  /** The non-extractable signing key for id. Needs unlocked. */
  signingKey(id: string): Promise<webcrypto.CryptoKey>;
  /** Verifies `passphrase` is the vault's; after a remembered unlock a correct one is kept for storeKey. */
  checkPassphrase(passphrase: string): Promise<boolean>;
  remember(enabled: boolean): Promise<void>;
}

export interface VaultDeps extends SessionDeps {
  readonly dir: string;
  readonly safeStorage: SafeStoragePort | null;
  readonly onChange: (state: VaultState) => void;
}

