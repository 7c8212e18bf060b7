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
  const stack: Array<{ end: number; pos: number }> = [];
  if (root.constructed) stack.push({ end: root.end, pos: root.valueStart });
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { end: number; pos: number };
    if (top.pos >= top.end) {
      stack.pop();
      continue;
    }
    const tlv = readTlv(bytes, top.pos, top.end);
    top.pos = tlv.end;
    if (tlv.constructed) {
      if (stack.length + 1 >= limits.maxDepth) throw new DerError(`nesting deeper than ${limits.maxDepth} levels`, tlv.start);
      stack.push({ end: tlv.end, pos: tlv.valueStart });
    }
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

/** Decodes an OBJECT IDENTIFIER value into dotted form. */
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0) throw new DerError('empty object identifier', 0);
  const parts: number[] = [];
  let acc = 0;
  for (let i = 0; i < value.length; i++) {
    const b = value[i] as number;
    acc = acc * 128 + (b & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER / 128) throw new DerError('object identifier arc too large', i);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) parts.push(acc < 80 ? Math.floor(acc / 40) : 2, acc < 80 ? acc % 40 : acc - 80);
      else parts.push(acc);
      acc = 0;
    }
  }
  if (((value[value.length - 1] as number) & 0x80) !== 0) throw new DerError('object identifier ends inside an arc', value.length - 1);
  return parts.join('.');
}

/** An INTEGER value as lowercase hex without leading zero bytes (how serials are shown). */
export function integerHex(value: Uint8Array): string {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  let hex = '';
  for (let i = start; i < value.length; i++) hex += (value[i] as number).toString(16).padStart(2, '0');
  return hex.replace(/^0+(?=.)/, '');
}

/** Parses UTCTime / GeneralizedTime (the Z forms RFC 5280 requires). */
export function decodeTime(bytes: Uint8Array, tlv: Tlv): Date {
  if (tlv.end - tlv.valueStart > 32) throw new DerError('time value too long', tlv.start);
  const text = String.fromCharCode(...valueOf(bytes, tlv));
  const m = tlv.tag === TAG.UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
  if (!m) throw new DerError(`malformed time "${text.slice(0, 20)}"`, tlv.start);
  const [, y, mo, d, h, mi, s] = m as unknown as [string, string, string, string, string, string, string];
  let year = Number(y);
  if (tlv.tag === TAG.UTC_TIME) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}
