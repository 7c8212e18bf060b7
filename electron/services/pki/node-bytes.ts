import { createHash } from 'node:crypto';
import type { BytesPort } from '../../../shared/pki/bytes-port';

/** node:crypto digests and Buffer base64: synchronous, native, no thread-pool hop per certificate. */
export const nodeBytes: BytesPort = {
  hashHex: (hash, data) => createHash(hash).update(data).digest('hex'),
  base64: (data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
};
