import { createHmac } from 'node:crypto';
import { bmpPassword, pkcs12Kdf } from '../../pki/kdf';
import { sha256Chain } from '../../pki/sha256-chain';

/**
 * The PKCS#12 MAC (RFC 7292 §4, B.2) with SHA-256 at the vault's work factor. The KDF with
 * ID 3 and a 32-byte output is one block: A = H^c(D || S || P). kdf.ts computes the first
 * round (it builds D, S and P); the remaining c − 1 rounds are a plain hash chain, run by
 * sha256Chain in slices: the reader's KDF runs the same chain in one go (~0.3 s for 600k
 * rounds), and the vault must not hold the main process that long.
 */

/** The MAC key: the PKCS#12 KDF, SHA-256, ID 3, 32 bytes, over the BMPString passphrase. */
export async function pkcs12MacKeySha256(passphrase: string, salt: Uint8Array, iterations: number): Promise<Buffer> {
  const bmp = bmpPassword(passphrase);
  // One round through the reader's KDF, which also applies its iteration limits.
  const first = pkcs12Kdf('sha256', bmp, salt, 3, 1, 32);
  bmp.fill(0);
  if (iterations < 1 || !Number.isSafeInteger(iterations)) throw new RangeError(`bad iteration count ${iterations}`);
  try {
    return await sha256Chain(first, iterations - 1);
  } finally {
    first.fill(0);
  }
}

/** HMAC-SHA256 over the AuthenticatedSafe's content octets. */
export async function pkcs12MacSha256(content: Uint8Array, passphrase: string, salt: Uint8Array, iterations: number): Promise<Buffer> {
  const key = await pkcs12MacKeySha256(passphrase, salt, iterations);
  try {
    return createHmac('sha256', key).update(content).digest();
  } finally {
    key.fill(0);
  }
}
