import { hash as oneShotHash } from 'node:crypto';
import type { BytesPort } from '../../../shared/pki/bytes-port';

const STRICT_BASE64 = /^[A-Za-z0-9+/ \t\r\n]*(?:=[ \t\r\n]*){0,2}$/;
const WHITESPACE = /[ \t\r\n]+/g;

/** node:crypto digests and Buffer base64: synchronous, native, no thread-pool hop per certificate. */
export const nodeBytes: BytesPort = {
  // crypto.hash (Node 20.12+): one call, no Hash stream object per certificate.
  hashHex: (hash, data) => oneShotHash(hash, data, 'hex'),
  base64: (data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
  fromBase64: (text) => {
    // The same strictness as the portable decoder: whitespace anywhere, at most two '=' at the end.
    if (!STRICT_BASE64.test(text)) return null;
    const compact = text.replace(WHITESPACE, '');
    if (compact.length % 4 !== 0) return null;
    const buf = Buffer.from(compact, 'base64');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  },
};
