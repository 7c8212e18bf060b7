import { integerHexOf } from './hex';

/**
 * A bounded, iterative DER reader. Everything that parses untrusted bytes walks them with
 * this first (or instead of a full decoder), so truncated lengths, absurd sizes and deep
 * nesting become a precise error rather than a hang or a stack overflow.
 */

export class DerError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'DerError';
    this.offset = offset;
  }
}

/** One tag-length-value: offsets into the buffer it was read from. */
export interface Tlv {
  /** The identifier octet (for low tag numbers, e.g. 0x30 SEQUENCE, 0xa0 [0] constructed). */
  readonly tag: number;
  readonly constructed: boolean;
  readonly start: number;
  readonly valueStart: number;
  readonly end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Reads the TLV at `offset`, which must end at or before `limit`. DER only: definite lengths. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated: no room for a tag and length', offset);
  const tag = bytes[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used by X.509 structures', offset);
  let pos = offset + 1;
  const first = bytes[pos++] as number;
  let length: number;
  if (first < 0x80) length = first;
  else if (first === 0x80) throw new DerError('indefinite length is not DER', offset);
  else {
    const count = first & 0x7f;
    if (count > 4) throw new DerError(`length field of ${count} bytes is too large`, offset);
    if (pos + count > limit) throw new DerError('truncated length field', offset);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[pos++] as number);
  }
  const end = pos + length;
  if (end > limit) throw new DerError(`value of ${length} bytes runs past the end of its container`, offset);
  return { tag, constructed: (tag & 0x20) !== 0, start: offset, valueStart: pos, end };
}

/** The direct children of a constructed TLV, in order. */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  if (!parent.constructed) throw new DerError('expected a constructed value', parent.start);
  const out: Tlv[] = [];
  let pos = parent.valueStart;
  while (pos < parent.end) {
    const child = readTlv(bytes, pos, parent.end);
    out.push(child);
    pos = child.end;
  }
  return out;
}

export interface StructureLimits {
  readonly maxDepth: number;
  readonly maxBytes: number;
}

export const DEFAULT_LIMITS: StructureLimits = { maxDepth: 48, maxBytes: 64 * 1024 * 1024 };

/**
 * Checks that `bytes` is exactly one well-formed DER value whose constructed parts nest no
 * deeper than the limit. Iterative, so hostile nesting cannot exhaust the stack.
 */
export function checkStructure(bytes: Uint8Array, limits: StructureLimits = DEFAULT_LIMITS): Tlv {
  if (bytes.length > limits.maxBytes) {
    throw new DerError(`input of ${bytes.length} bytes exceeds the ${limits.maxBytes}-byte limit`, 0);
  }
  const root = readTlv(bytes, 0);
  if (root.end !== bytes.length) throw new DerError(`${bytes.length - root.end} trailing bytes after the value`, root.end);
  if (!root.constructed) return root;
  // The ends of the open constructed values, innermost last, in a fixed array: every
  // certificate is walked here node by node, so headers are read inline, without a Tlv object
  // each. Anything readTlv would refuse goes back to readTlv, so the errors are its precise ones.
  const maxDepth = limits.maxDepth;
  const ends = new Float64Array(maxDepth + 1);
  let depth = 1;
  let end = root.end;
  ends[0] = end;
  let pos = root.valueStart;
  for (;;) {
    if (pos >= end) {
      if (--depth === 0) break;
      end = ends[depth - 1] as number;
      continue;
    }
    const tag = bytes[pos] as number;
    const first = bytes[pos + 1] as number;
    let length = first;
    let valueStart = pos + 2;
    if (first >= 0x80) {
      const count = first & 0x7f;
      // Indefinite (0x80) or over four length bytes: readTlv names the fault.
      if (count === 0 || count > 4 || valueStart + count > end) readTlv(bytes, pos, end);
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (bytes[valueStart + i] as number);
      valueStart += count;
    }
    if (pos + 2 > end || (tag & 0x1f) === 0x1f || valueStart + length > end) readTlv(bytes, pos, end);
    if ((tag & 0x20) !== 0) {
      if (depth + 1 >= maxDepth) throw new DerError(`nesting deeper than ${maxDepth} levels`, pos);
      end = valueStart + length;
      ends[depth++] = end;
      pos = valueStart;
    } else pos = valueStart + length;
  }
  return root;
}

/** The value bytes of a TLV (a view, not a copy). */
export function valueOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.valueStart, tlv.end);
}

/** The whole TLV, header included (a view). */
export function rawOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

// A few dozen OIDs make up nearly every certificate (name attributes, extensions, algorithms):
// remembering their text saves building the same strings thousands of times in a bundle.
// Keyed by a hash of the bytes, checked against the bytes; bounded, so hostile input cannot grow it.
const OID_MEMO = new Map<number, { readonly bytes: Uint8Array; readonly text: string }>();
const OID_MEMO_LIMIT = 512;

/** Decodes an OBJECT IDENTIFIER value into dotted form. */
export function decodeOid(value: Uint8Array): string {
  return decodeOidAt(value, 0, value.length);
}

/** The OID a TLV holds, read in place. */
export function oidOf(bytes: Uint8Array, tlv: Tlv): string {
  return decodeOidAt(bytes, tlv.valueStart, tlv.end);
}

/** decodeOid of bytes[start, end), without making a view of them: the hot paths read OIDs in place. */
export function decodeOidAt(bytes: Uint8Array, start: number, end: number): string {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + (bytes[i] as number)) | 0;
  const known = OID_MEMO.get(hash);
  if (known && sameOidBytes(known.bytes, bytes, start, end)) return known.text;
  const value = bytes.subarray(start, end);
  const text = decodeOidText(value);
  if (OID_MEMO.size < OID_MEMO_LIMIT && !known) OID_MEMO.set(hash, { bytes: value.slice(), text });
  return text;
}

function sameOidBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[start + i]) return false;
  return true;
}

function decodeOidText(value: Uint8Array): string {
  if (value.length === 0) throw new DerError('empty object identifier', 0);
  // Built as a string, not an array joined: a bundle decodes thousands of OIDs.
  let out = '';
  let acc = 0;
  for (let i = 0; i < value.length; i++) {
    const b = value[i] as number;
    acc = acc * 128 + (b & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER / 128) throw new DerError('object identifier arc too large', i);
    if ((b & 0x80) === 0) {
      if (out === '') out = acc < 80 ? `${Math.floor(acc / 40)}.${acc % 40}` : `2.${acc - 80}`;
      else out += `.${acc}`;
      acc = 0;
    }
  }
  if (((value[value.length - 1] as number) & 0x80) !== 0) throw new DerError('object identifier ends inside an arc', value.length - 1);
  return out;
}

/** An INTEGER value as lowercase hex without leading zero bytes (how serials are shown). */
export function integerHex(value: Uint8Array): string {
  return integerHexOf(value);
}

/**
 * Bytes as Latin-1 code points (PrintableString, IA5String and the like). fromCharCode.apply
 * reads the typed array by index, where spreading it walks an iterator, one result object per
 * byte; chunked so a huge value cannot overflow the argument stack.
 */
export function latin1(bytes: Uint8Array): string {
  if (bytes.length <= 4096) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return out;
}

/** `count` ASCII digits at `at` as a number, or -1 if any is not a digit. */
function digitsAt(bytes: Uint8Array, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = (bytes[i] as number) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Parses UTCTime (YYMMDDHHMMSSZ) / GeneralizedTime (YYYYMMDDHHMMSS[.f]Z), the Z forms RFC 5280
 * requires. Read digit by digit: a regex per time was a visible share of describing a bundle.
 */
export function decodeTime(bytes: Uint8Array, tlv: Tlv): Date {
  const length = tlv.end - tlv.valueStart;
  if (length > 32) throw new DerError('time value too long', tlv.start);
  const at = tlv.valueStart;
  const utc = tlv.tag === TAG.UTC_TIME;
  const yearDigits = utc ? 2 : 4;
  // Digits end where the fraction (GeneralizedTime only) or the Z starts.
  const fixed = yearDigits + 10;
  let ok = length >= fixed + 1 && bytes[tlv.end - 1] === 0x5a;
  if (ok && length > fixed + 1) ok = !utc && bytes[at + fixed] === 0x2e && length > fixed + 2 && digitsAt(bytes, at + fixed + 1, length - fixed - 2) >= 0;
  const year = ok ? digitsAt(bytes, at, yearDigits) : -1;
  const f = at + yearDigits;
  const mo = digitsAt(bytes, f, 2);
  const d = digitsAt(bytes, f + 2, 2);
  const h = digitsAt(bytes, f + 4, 2);
  const mi = digitsAt(bytes, f + 6, 2);
  const sec = digitsAt(bytes, f + 8, 2);
  if (year < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) {
    throw new DerError(`malformed time "${latin1(bytes.subarray(at, Math.min(tlv.end, at + 20)))}"`, tlv.start);
  }
  return new Date(Date.UTC(utc ? year + (year >= 50 ? 1900 : 2000) : year, mo - 1, d, h, mi, sec));
}
