import type { webcrypto } from 'node:crypto';
import { CommandFailure } from '../../../../shared/ipc/errors';
import { importSigningKey } from './key-import';
import { decryptPkcs8Bytes } from './pkcs8-encrypt';
import { readKeyFile } from './vault-files';

/**
 * Opens stored keys into non-extractable signing keys. Each plaintext lives only between its
 * decryption and its import, then is zeroed; a file that does not open is named.
 */
export async function loadKeys(ids: readonly string[], fileOf: (id: string) => string, secret: Uint8Array, secretName: string): Promise<Map<string, webcrypto.CryptoKey>> {
  const entries = await Promise.all(
    ids.map(async (id): Promise<[string, webcrypto.CryptoKey]> => {
      const file = fileOf(id);
      const plain = await decryptPkcs8Bytes(await readKeyFile(file), secret).catch((err: unknown) => {
        if (err instanceof CommandFailure && err.code === 'FORBIDDEN') throw new CommandFailure('FORBIDDEN', `${file} does not open with ${secretName}: damaged, or from another vault`);
        throw err;
      });
      try {
        return [id, await importSigningKey(plain)];
      } finally {
        plain.fill(0);
      }
    }),
  );
  return new Map(entries);
}
