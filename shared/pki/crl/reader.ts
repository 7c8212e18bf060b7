/**
 * Small helpers on top of ../der.ts for the CRL walker: errors that name the field, a cursor
 * over a SEQUENCE's children, strict time/boolean/integer decoding and fast hex.
 */
import { DerError, decodeOid, readTlv, type Tlv, TAG } from '../der';
import { hexOf, integerHexOf } from '../hex';

/** A DerError that also says which CRL field was being read, so operators can locate damage. */
export class CrlError extends DerError {
  readonly field: string;
  constructor(field: string, detail: string, offset: number) {
    super(`${field}: ${detail}`, offset);
    this.name = 'CrlError';
    this.field = field;
  }
}

const AT_BYTE = / at byte \d+$/;

/** Re-throws a low-level DerError as a CrlError naming `field` (absolute offsets unchanged). */
export function rethrow(field: string, err: unknown, offsetBase = 0): never {
  if (err instanceof CrlError) throw err;
  if (err instanceof DerError) throw new CrlError(field, err.message.replace(AT_BYTE, ''), err.offset + offsetBase);
  throw err;
}

/** Hex name of a tag for messages, e.g. "tag 0x30". */
export function tagName(tag: number): string {
  return `tag 0x${tag.toString(16).padStart(2, '0')}`;
}

/** Reads the TLV at `pos` inside `limit`, naming `field` on failure and checking the tag. */
export function readAt(bytes: Uint8Array, pos: number, limit: number, field: string, tags?: readonly number[]): Tlv {
  let tlv: Tlv;
  try {
    tlv = readTlv(bytes, pos, limit);
  } catch (err) {
    rethrow(field, err);
  }
  if (tags && !tags.includes(tlv.tag)) {
    throw new CrlError(field, `expected ${tags.map(tagName).join(' or ')}, found ${tagName(tlv.tag)}`, tlv.start);
  }
  return tlv;
}

/** Walks the children of one constructed value in order, for schema-shaped reads. */
export class Cursor {
  private pos: number;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly parent: Tlv,
    readonly field: string,
  ) {
    if (!parent.constructed) throw new CrlError(field, `expected a constructed value, found ${tagName(parent.tag)}`, parent.start);
    this.pos = parent.valueStart;
  }
  get done(): boolean {
    return this.pos >= this.parent.end;
  }
  peekTag(): number | null {
    return this.done ? null : (this.bytes[this.pos] as number);
  }
  next(name: string, tags?: readonly number[]): Tlv {
    const field = `${this.field}.${name}`;
    if (this.done) throw new CrlError(field, 'missing', this.pos);
    const tlv = readAt(this.bytes, this.pos, this.parent.end, field, tags);
    this.pos = tlv.end;
    return tlv;
  }
  optional(name: string, tag: number): Tlv | null {
    return this.peekTag() === tag ? this.next(name, [tag]) : null;
  }
  finish(): void {
    if (!this.done) throw new CrlError(this.field, `unexpected extra element (${tagName(this.peekTag() ?? 0)})`, this.pos);
  }
}

/** OBJECT IDENTIFIER at `tlv` in dotted form, with absolute error offsets. */
export function readOid(bytes: Uint8Array, tlv: Tlv, field: string): string {
  if (tlv.tag !== TAG.OID) throw new CrlError(field, `expected an object identifier, found ${tagName(tlv.tag)}`, tlv.start);
  const v = tlv.valueStart;
  // Fast path for id-ce (2.5.29.x), which every CRL extension uses.
  if (tlv.end - v === 3 && bytes[v] === 0x55 && bytes[v + 1] === 0x1d && (bytes[v + 2] as number) < 0x80) return `2.5.29.${bytes[v + 2] as number}`;
  try {
    return decodeOid(bytes.subarray(v, tlv.end));
  } catch (err) {
    rethrow(field, err, tlv.valueStart);
  }
}

/** A DER BOOLEAN (one byte, 0x00 or 0xff; implicit tags allowed). */
export function readBoolean(bytes: Uint8Array, tlv: Tlv, field: string): boolean {
  const v = bytes[tlv.valueStart];
  if (tlv.end - tlv.valueStart !== 1 || (v !== 0 && v !== 0xff)) throw new CrlError(field, 'malformed BOOLEAN', tlv.start);
  return v === 0xff;
}

/** An INTEGER's value as lowercase hex without leading zeros: the serial map key (same as der.ts integerHex). */
export const serialKey: (bytes: Uint8Array, start: number, end: number) => string = integerHexOf;

/** Non-negative INTEGER (at most 64 octets) as a decimal string, as OpenSSL prints CRL numbers. */
export function readDecimal(bytes: Uint8Array, tlv: Tlv, field: string): string {
  const len = tlv.end - tlv.valueStart;
  if (tlv.tag !== TAG.INTEGER || len === 0) throw new CrlError(field, 'expected a non-empty INTEGER', tlv.start);
  if (len > 64) throw new CrlError(field, `INTEGER of ${len} octets is too long (RFC 5280 allows 20)`, tlv.start);
  if (((bytes[tlv.valueStart] as number) & 0x80) !== 0) throw new CrlError(field, 'negative INTEGER', tlv.start);
  return BigInt(`0x${hexOf(bytes, tlv.valueStart, tlv.end)}`).toString(10);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

/** `width` ASCII digits at bytes[at] as a number, or -1 if any is not a digit. */
function digits(bytes: Uint8Array, at: number, width: number): number {
  let x = 0;
  for (let k = 0; k < width; k++) {
    const c = (bytes[at + k] as number) - 48;
    if (c < 0 || c > 9) return -1;
    x = x * 10 + c;
  }
  return x;
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z), ranges checked. */
export function readTime(bytes: Uint8Array, tlv: Tlv, field: string): Date {
  const utc = tlv.tag === TAG.UTC_TIME;
  if (!utc && tlv.tag !== TAG.GENERALIZED_TIME) throw new CrlError(field, `expected UTCTime or GeneralizedTime, found ${tagName(tlv.tag)}`, tlv.start);
  const v = tlv.valueStart;
  const n = tlv.end - v;
  const fraction = !utc && n > 16 && n <= 24 && bytes[v + 14] === 0x2e;
  const y = n === (utc ? 13 : 15) || fraction ? digits(bytes, v, utc ? 2 : 4) : -1;
  const o = utc ? 2 : 4;
  const [mo, d, h, mi, s] = [digits(bytes, v + o, 2), digits(bytes, v + o + 2, 2), digits(bytes, v + o + 4, 2), digits(bytes, v + o + 6, 2), digits(bytes, v + o + 8, 2)];
  const year = utc ? y + (y >= 50 ? 1900 : 2000) : y;
  const ok = y >= 0 && bytes[tlv.end - 1] === 0x5a && (!fraction || digits(bytes, v + 15, n - 16) >= 0);
  if (!ok || mo < 1 || mo > 12 || d < 1 || d > daysIn(year, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
    throw new CrlError(field, `malformed ${utc ? 'UTCTime' : 'GeneralizedTime'}`, tlv.start);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date;
}

/** An AlgorithmIdentifier: OID and the raw parameters TLV (null when absent). */
export interface AlgorithmId {
  readonly oid: string;
  readonly params: Tlv | null;
}

/** Reads AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
export function readAlgorithm(bytes: Uint8Array, tlv: Tlv, field: string): AlgorithmId {
  const c = new Cursor(bytes, tlv, field);
  const oid = readOid(bytes, c.next('algorithm', [TAG.OID]), `${field}.algorithm`);
  const params = c.done ? null : c.next('parameters');
  c.finish();
  return { oid, params };
}

/** Same bytes? (Used to compare the inner and outer signature AlgorithmIdentifiers.) */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
