import { describe, expect, it, vi } from 'vitest';
import { createElectronSafeStoragePort, type ElectronSafeStorageLike } from './electron-safe-storage';

/** A stand-in for Electron's safeStorage (reverses strings: enough to see which API ran). */
function fakeElectron(backend: string, options: { async?: boolean; asyncAvailable?: boolean; syncAvailable?: boolean } = {}): ElectronSafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  const flip = (s: string): string => [...s].reverse().join('');
  const sync: ElectronSafeStorageLike = {
    isEncryptionAvailable: () => options.syncAvailable ?? true,
    encryptString: (plain) => (calls.push('encryptString'), Buffer.from(flip(plain))),
    decryptString: (cipher) => (calls.push('decryptString'), flip(cipher.toString())),
    getSelectedStorageBackend: () => backend,
  };
  if (!options.async) return Object.assign(sync, { calls });
  return Object.assign(sync, {
    calls,
    isAsyncEncryptionAvailable: async () => options.asyncAvailable ?? true,
    encryptStringAsync: async (plain: string) => (calls.push('encryptStringAsync'), Buffer.from(flip(plain))),
    decryptStringAsync: async (cipher: Buffer) => (calls.push('decryptStringAsync'), { result: flip(cipher.toString()), shouldReEncrypt: false }),
  });
}

describe('createElectronSafeStoragePort', () => {
  it('refuses basic_text and unknown backends on Linux (a hard-coded key is no protection)', async () => {
    expect(await createElectronSafeStoragePort(fakeElectron('basic_text', { async: true }), 'linux')).toBeNull();
    expect(await createElectronSafeStoragePort(fakeElectron('unknown', { async: true }), 'linux')).toBeNull();
    const noBackendApi = fakeElectron('gnome_libsecret');
    delete noBackendApi.getSelectedStorageBackend;
    expect(await createElectronSafeStoragePort(noBackendApi, 'linux')).toBeNull();
  });

  it('uses the async API when present and round-trips through it', async () => {
    const electron = fakeElectron('gnome_libsecret', { async: true });
    const port = await createElectronSafeStoragePort(electron, 'linux');
    if (!port) throw new Error('expected a port');
    expect(port.available()).toBe(true);
    expect(await port.decrypt(await port.encrypt('wrapping secret'))).toBe('wrapping secret');
    expect(electron.calls).toEqual(['encryptStringAsync', 'decryptStringAsync']);
    expect(await createElectronSafeStoragePort(fakeElectron('kwallet6', { async: true, asyncAvailable: false }), 'linux')).toBeNull();
  });

  it('falls back to the sync API on older Electrons, and ignores the Linux backend elsewhere', async () => {
    const electron = fakeElectron('basic_text');
    const port = await createElectronSafeStoragePort(electron, 'darwin');
    expect(await port?.decrypt(await port.encrypt('w'))).toBe('w');
    expect(electron.calls).toEqual(['encryptString', 'decryptString']);
    expect(await createElectronSafeStoragePort(fakeElectron('kwallet5', { syncAvailable: false }), 'linux')).toBeNull();
    const spy = vi.fn(() => 'gnome_libsecret');
    await createElectronSafeStoragePort({ ...fakeElectron('x'), getSelectedStorageBackend: spy }, 'win32');
    expect(spy).not.toHaveBeenCalled();
  });
});
