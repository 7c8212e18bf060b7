// Test-only (imported by *.test.ts): the PKCS#12 KDF the slow, obvious way, to check the fast one against.
import { hash } from 'node:crypto';

/** RFC 7292 B.2 with SHA-256 (u 32, v 64) written plainly, one node:crypto hash per round: the reference. */
export function referenceKdfSha256(password: Uint8Array, salt: Uint8Array, id: number, rounds: number, length: number): Buffer {
  const v = 64;
  const fill = (src: Uint8Array): Buffer => Buffer.from(Array.from({ length: src.length ? v * Math.ceil(src.length / v) : 0 }, (_, i) => src[i % src.length] as number));
  const I = Buffer.concat([fill(salt), fill(password)]);
  const out: Buffer[] = [];
  for (let produced = 0; produced < length; produced += 32) {
    let a = hash('sha256', Buffer.concat([Buffer.alloc(v, id), I]), 'buffer');
    for (let r = 1; r < rounds; r++) a = hash('sha256', a, 'buffer');
    out.push(a);
    const b = Buffer.from(Array.from({ length: v }, (_, i) => a[i % 32] as number));
    for (let k = 0; k < I.length; k += v) {
      let carry = 1;
      for (let j = v - 1; j >= 0; j--) {
        const sum = (I[k + j] as number) + (b[j] as number) + carry;
        I[k + j] = sum & 0xff;
        carry = sum >>> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, length);
}
