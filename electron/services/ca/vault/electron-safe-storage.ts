import type { SafeStorage } from 'electron';
import type { SafeStoragePort } from './vault-types';

/**
 * Builds the vault's SafeStoragePort from Electron's safeStorage, passed in (services never
 * import Electron at runtime). Null whenever the protection would be fake: on Linux without a
 * real keyring (`basic_text` is a hard-coded key; `unknown` means called before `ready`), or
 * when encryption is unavailable. Uses the async API (Electron ≥ 43) when present: the sync
 * one is deprecated in 45. Call after the app's `ready` event.
 */

/** The part of Electron's safeStorage used here (older Electrons lack the async methods). */
export interface ElectronSafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

// Compile-time proof that the real object fits.
const _fits = (real: SafeStorage): ElectronSafeStorageLike => real;

const FAKE_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function createElectronSafeStoragePort(safeStorage: ElectronSafeStorageLike, platform: NodeJS.Platform = process.platform): Promise<SafeStoragePort | null> {
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (FAKE_BACKENDS.has(backend)) return null;
  }
  const { isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync } = safeStorage;
  if (isAsyncEncryptionAvailable && encryptStringAsync && decryptStringAsync) {
    if (!(await isAsyncEncryptionAvailable.call(safeStorage))) return null;
    return {
      available: () => true,
      encrypt: async (plain) => new Uint8Array(await encryptStringAsync.call(safeStorage, plain)),
      // shouldReEncrypt (a rotated OS key) is not acted on: the next remember(true) re-wraps.
      decrypt: async (cipher) => (await decryptStringAsync.call(safeStorage, toBuffer(cipher))).result,
    };
  }
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    available: () => true,
    encrypt: async (plain) => new Uint8Array(safeStorage.encryptString(plain)),
    decrypt: async (cipher) => safeStorage.decryptString(toBuffer(cipher)),
  };
}
