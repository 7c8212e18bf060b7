const DIGITS = '0123456789abcdef';
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => (DIGITS[i >> 4] as string) + (DIGITS[i & 15] as string));
const ASCII = new TextDecoder();
// The two ASCII codes of each byte's hex, at 2b and 2b+1: one table read per digit.
const HEX_CODES = Uint8Array.from({ length: 512 }, (_, i) => DIGITS.charCodeAt(i & 1 ? (i >> 1) & 15 : i >> 5));

/**
 * Lowercase hex of bytes[start, end), no separators. Long values are written as ASCII bytes
 * and decoded once: `s += pair` in a loop leaves a chain of one string object per byte, which
 * every garbage collection until the result is printed has to copy.
 */
export function hexOf(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start <= 8) {
    let s = '';
    for (let i = start; i < end; i++) s += HEX[bytes[i] as number] as string;
    return s;
  }
  const out = new Uint8Array((end - start) * 2);
  for (let i = start, o = 0; i < end; i++, o += 2) {
    const b = (bytes[i] as number) << 1;
    out[o] = HEX_CODES[b] as number;
    out[o + 1] = HEX_CODES[b + 1] as number;
  }
  return ASCII.decode(out);
}

/** Lowercase hex of bytes, no separators: how fingerprints and key ids are shown everywhere. */
export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return bytes instanceof Uint8Array ? hexOf(bytes) : hexOf(new Uint8Array(bytes));
}

/** An INTEGER's value as lowercase hex without leading zeros (serials, CRL map keys). */
export function integerHexOf(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let i = start;
  while (i < end - 1 && bytes[i] === 0) i++;
  if (i >= end) return '';
  const head = HEX[bytes[i] as number] as string;
  return (head.charCodeAt(0) === 0x30 ? head.charAt(1) : head) + hexOf(bytes, i + 1, end);
}
