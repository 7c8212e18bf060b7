const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex of bytes[start, end), no separators. A table, not toString(16) per byte: bundles hex thousands of extension values. */
export function hexOf(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX[bytes[i] as number] as string;
  return s;
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
