/**
 * Certificate serials: 16 random bytes, positive, and exactly 16 bytes in DER (top bit clear so
 * no sign octet, second bit set so no leading zero is stripped), i.e. 126 bits of entropy.
 */
export function serialFromRandom(random: Uint8Array): string {
  if (random.length !== 16) throw new RangeError('a serial needs 16 random bytes');
  const bytes = Uint8Array.from(random);
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x40;
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}
