import { toHex } from './hex';
import { decodeBase64, encodeBase64 } from './pem';

export type HashName = 'sha256' | 'sha1';

/**
 * Byte work a host may do natively. The portable default (WebCrypto, base64 in JS) runs in
 * every process; the main process passes node:crypto and Buffer, which are synchronous and
 * several times faster on a 140-certificate bundle, where a thread-pool round trip per
 * digest dominated the whole inspection.
 */
export interface BytesPort {
  /** Lowercase hex digest, no separators. */
  readonly hashHex: (hash: HashName, data: Uint8Array) => string | Promise<string>;
  readonly base64: (data: Uint8Array) => string;
  /** Strict base64 (whitespace allowed, nothing else outside the alphabet), null when invalid; see decodeBase64. */
  readonly fromBase64: (text: string) => Uint8Array | null;
}

const WEBCRYPTO_NAMES: Readonly<Record<HashName, string>> = { sha256: 'SHA-256', sha1: 'SHA-1' };

export const portableBytes: BytesPort = {
  hashHex: async (hash, data) => toHex(await crypto.subtle.digest(WEBCRYPTO_NAMES[hash], data.slice())),
  base64: encodeBase64,
  fromBase64: decodeBase64,
};

/**
 * Several digests at once. A native port answers synchronously, and then so does this: no
 * promise per digest, which was a tenth of describing a 140-certificate bundle.
 */
export function digests(bytes: BytesPort, jobs: ReadonlyArray<readonly [HashName, Uint8Array]>): string[] | Promise<string[]> {
  const out = jobs.map((job) => bytes.hashHex(job[0], job[1]));
  return out.every((d): d is string => typeof d === 'string') ? out : Promise.all(out);
}

/** SHA-256 and SHA-1 of DER, by the host's byte port (WebCrypto unless the host has something faster). */
export async function fingerprints(der: Uint8Array, bytes: BytesPort = portableBytes): Promise<{ sha256: string; sha1: string }> {
  const hashes = await digests(bytes, [
    ['sha256', der],
    ['sha1', der],
  ]);
  return { sha256: hashes[0] as string, sha1: hashes[1] as string };
}

export async function sha256Hex(der: Uint8Array, bytes: BytesPort = portableBytes): Promise<string> {
  return bytes.hashHex('sha256', der);
}
