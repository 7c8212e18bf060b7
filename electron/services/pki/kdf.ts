import { hash, pbkdf2Sync } from 'node:crypto';
import { PkiFailure } from './asn1';
import { sha256ChainSync } from './sha256-chain';

/**
 * Password-based key derivation for PKCS#12: the PKCS#12 KDF (RFC 7292 Appendix B, used by
 * the MAC and the legacy pbeWithSHAAnd… ciphers) and PBKDF2 (PBES2), with the passphrase
 * encodings each one expects and iteration limits that stop a hostile file from freezing main.
 */

/** Digests the PKCS#12 MAC, the PKCS#12 KDF and PBKDF2 PRFs use. */
export type DigestName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** Output length `u` and block length `v` (RFC 7292 B.2) of each digest. */
const DIGEST_SIZES: Readonly<Record<DigestName, { u: number; v: number }>> = {
  sha1: { u: 20, v: 64 },
  sha224: { u: 28, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
};

/** The HMAC key length the PKCS#12 MAC uses: the digest's output length. */
export const digestLength = (digest: DigestName): number => DIGEST_SIZES[digest].u;

/** PBKDF2 runs natively (~4 s for 10 M rounds of SHA-256); more than this is an attack, not a key file. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
/** The PKCS#12 KDF loops in JS (~1 µs a round, run twice for a 3DES key); real files use 2,000–10,000 rounds. */
export const MAX_PKCS12_KDF_ITERATIONS = 1_000_000;

/** Refuses a zero or absurd iteration count before any work is done. */
export function checkIterations(count: number, max: number, what: string): void {
  if (count < 1) throw new PkiFailure('MALFORMED', `${what}: iteration count ${count} is invalid`);
  if (count > max) {
    throw new PkiFailure('UNSUPPORTED', `${what}: iteration count ${count} is above the ${max.toLocaleString('en-US')} this console accepts (refused as hostile: it would block for minutes)`);
  }
}

/**
 * Total key-derivation work one file may ask for, in PBKDF2-round equivalents (about 5 s), so
 * many bags that each pass the per-operation limit cannot add up to a hang.
 */
export class WorkBudget {
  private remaining: number;
  constructor(total = 20_000_000) {
    this.remaining = total;
  }
  /** Charges `rounds`, refusing the whole read once the budget is gone. */
  spend(rounds: number, what: string): void {
    this.remaining -= rounds;
    if (this.remaining < 0) throw new PkiFailure('UNSUPPORTED', `${what}: the file asks for more key-derivation work in total than this console allows (refused as hostile)`);
  }
}

/** BMPString with a two-byte terminator (RFC 7292 B.1): what the PKCS#12 KDF hashes. */
export function bmpPassword(passphrase: string): Buffer {
  const out = Buffer.alloc(passphrase.length * 2 + 2);
  for (let i = 0; i < passphrase.length; i++) out.writeUInt16BE(passphrase.charCodeAt(i), i * 2);
  return out;
}

/** What OpenSSL before 1.1.0 hashed for non-ASCII passphrases: each UTF-8 byte widened to 16 bits. */
export function widenedUtf8Password(passphrase: string): Buffer {
  const utf8 = Buffer.from(passphrase, 'utf8');
  const out = Buffer.alloc(utf8.length * 2 + 2);
  for (let i = 0; i < utf8.length; i++) out[i * 2 + 1] = utf8[i] as number;
  utf8.fill(0);
  return out;
}

/** Repeats `src` to fill a whole number of `v`-byte blocks (RFC 7292 B.2 step 2–3). */
function stretch(src: Uint8Array, v: number): Buffer {
  if (src.length === 0) return Buffer.alloc(0);
  const out = Buffer.alloc(v * Math.ceil(src.length / v));
  for (let i = 0; i < out.length; i++) out[i] = src[i % src.length] as number;
  return out;
}

/**
 * The PKCS#12 KDF (RFC 7292 Appendix B.2). `id` 1 derives cipher keys, 2 IVs, 3 MAC keys.
 * `password` is already encoded (see bmpPassword). The caller zeroes the returned key.
 */
export function pkcs12Kdf(digest: DigestName, password: Uint8Array, salt: Uint8Array, id: 1 | 2 | 3, iterations: number, length: number, budget?: WorkBudget): Buffer {
  checkIterations(iterations, MAX_PKCS12_KDF_ITERATIONS, 'PKCS#12 key derivation');
  const { u, v } = DIGEST_SIZES[digest];
  // A JS-driven round costs about four native PBKDF2 rounds.
  budget?.spend(iterations * Math.ceil(length / u) * 4, 'PKCS#12 key derivation');
  const diversifier = Buffer.alloc(v, id);
  const saltBlock = stretch(salt, v);
  const passBlock = stretch(password, v);
  const input = Buffer.concat([diversifier, saltBlock, passBlock]);
  passBlock.fill(0);
  const I = input.subarray(v);
  const out = Buffer.alloc(length);
  const blocks = Math.ceil(length / u);
  try {
    for (let i = 0; i < blocks; i++) {
      let a: Buffer = hash(digest, input, 'buffer');
      if (digest === 'sha256' && iterations > 1) {
        // The rest is a plain hash chain; in JS it is three times faster than a native call a round.
        const chained = sha256ChainSync(a, iterations - 1);
        a.fill(0);
        a = chained;
      } else {
        for (let r = 1; r < iterations; r++) {
          const next = hash(digest, a, 'buffer');
          a.fill(0);
          a = next;
        }
      }
      a.copy(out, i * u, 0, Math.min(u, length - i * u));
      if (i + 1 < blocks) {
        // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block of I, where B is A repeated to v bytes.
        for (let k = 0; k < I.length; k += v) {
          let carry = 1;
          for (let j = v - 1; j >= 0; j--) {
            const sum = (I[k + j] as number) + (a[j % u] as number) + carry;
            I[k + j] = sum & 0xff;
            carry = sum >>> 8;
          }
        }
      }
      a.fill(0);
    }
  } finally {
    input.fill(0);
  }
  return out;
}

/** PBKDF2 (RFC 8018 §5.2) over the passphrase's UTF-8 bytes, as PBES2 inside PKCS#12 and PKCS#8 uses it. */
export function pbkdf2(passphrase: Uint8Array, salt: Uint8Array, iterations: number, length: number, prf: DigestName, budget?: WorkBudget): Buffer {
  checkIterations(iterations, MAX_PBKDF2_ITERATIONS, 'PBKDF2');
  budget?.spend(iterations * Math.ceil(length / DIGEST_SIZES[prf].u), 'PBKDF2');
  return pbkdf2Sync(passphrase, salt, iterations, length, prf);
}
