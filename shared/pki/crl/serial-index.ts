/**
 * An open-addressing hash table from serial bytes to entry offsets, kept in typed arrays that
 * point back into the DER: no string or object per entry, so 100k+ serials index in a few ms
 * without garbage. The hash is seeded per table, so a crafted CRL cannot force collisions.
 */

/** Growable int32 column. */
class Column {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

function seed(): number {
  const out = new Uint32Array(1);
  globalThis.crypto.getRandomValues(out);
  return out[0] as number;
}

function hash(bytes: Uint8Array, start: number, end: number, h0: number): number {
  let h = h0 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Serial (INTEGER value without leading zero bytes) → offsets of the entries that list it. */
export class SerialIndex {
  private readonly starts: Column;
  private readonly ends: Column;
  private readonly offsets: Column;
  private table = new Int32Array(0);
  private mask = 0;
  private readonly h0 = seed();
  /** Later entries with the serial of entry i (legitimate only in indirect CRLs). */
  private readonly dups = new Map<number, number[]>();

  constructor(
    private readonly bytes: Uint8Array,
    expected: number,
  ) {
    this.starts = new Column(expected);
    this.ends = new Column(expected);
    this.offsets = new Column(expected);
  }

  get count(): number {
    return this.offsets.length;
  }

  /** Records an entry whose INTEGER value occupies bytes[start, end). */
  add(start: number, end: number, entryOffset: number): void {
    let s = start;
    while (s < end - 1 && this.bytes[s] === 0) s++;
    this.starts.push(s);
    this.ends.push(end);
    this.offsets.push(entryOffset);
  }

  /** Builds the table once every entry is added (load factor ≤ 0.5). */
  seal(): void {
    let size = 16;
    while (size < this.count * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    const { bytes, h0 } = this;
    const starts = this.starts.data;
    const ends = this.ends.data;
    for (let i = 0; i < this.count; i++) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      for (let slot = hash(bytes, s, e, h0) & this.mask; ; slot = (slot + 1) & this.mask) {
        const at = this.table[slot] as number;
        if (at === 0) {
          this.table[slot] = i + 1;
          break;
        }
        if (this.equals(at - 1, bytes, s, e)) {
          const list = this.dups.get(at - 1);
          if (list) list.push(this.offsets.data[i] as number);
          else this.dups.set(at - 1, [this.offsets.data[i] as number]);
          break;
        }
      }
    }
  }

  private equals(entry: number, key: Uint8Array, start: number, end: number): boolean {
    const s = this.starts.data[entry] as number;
    if ((this.ends.data[entry] as number) - s !== end - start) return false;
    for (let k = 0; k < end - start; k++) if (this.bytes[s + k] !== key[start + k]) return false;
    return true;
  }

  /** Entry offsets listing `key` (canonical serial bytes), in document order; empty if none. */
  find(key: Uint8Array): readonly number[] {
    if (this.count === 0 || key.length === 0) return [];
    for (let slot = hash(key, 0, key.length, this.h0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.table[slot] as number;
      if (at === 0) return [];
      if (this.equals(at - 1, key, 0, key.length)) return [this.offsets.data[at - 1] as number, ...(this.dups.get(at - 1) ?? [])];
    }
  }
}

/** Canonical serial bytes from user hex ("0x", colons, spaces, case and leading zeros ignored). */
export function serialBytes(serial: string): Uint8Array {
  let hex = serial.trim().replace(/^0x/i, '').replace(/[:\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) throw new Error(`"${serial.slice(0, 80)}" is not a hexadecimal serial number`);
  hex = hex.replace(/^0+(?=.)/, '');
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  let s = 0;
  while (s < out.length - 1 && out[s] === 0) s++;
  return out.subarray(s);
}
