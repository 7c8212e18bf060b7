/**
 * A small DER writer for what the CA writes itself: CRLs of 10,000+ entries (where
 * @peculiar/x509's generator is too slow) and the vault's PKCS#8 and PKCS#12 structures, so
 * every byte emitted is visible and definite-length. Promoted from e2e/support/big-crl.ts, which now
 * uses it too. Pure: no Node built-ins, so the renderer could share it.
 */

export type Bytes = Uint8Array<ArrayBuffer>;

/** Definite-length octets for a content of `n` bytes. */
export function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

/** One TLV around the concatenation of `parts`. */
export function tlv(tag: number, ...parts: readonly Uint8Array[]): Bytes {
  let size = 0;
  for (const p of parts) size += p.length;
  const head = [tag, ...lengthBytes(size)];
  const out = new Uint8Array(head.length + size);
  out.set(head, 0);
  let o = head.length;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const sequence = (...parts: readonly Uint8Array[]): Bytes => tlv(0x30, ...parts);

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §5.1.2.4), whole seconds, Z. */
export function derTime(date: Date): Bytes {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const utc = date.getUTCFullYear() < 2050;
  return tlv(utc ? 0x17 : 0x18, asciiBytes(`${utc ? iso.slice(2) : iso}Z`));
}

export function asciiBytes(text: string): Bytes {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0x7f;
  return out;
}

/** A non-negative INTEGER from big-endian magnitude bytes (leading zeros dropped, sign octet added). */
export function unsignedInteger(bytes: Uint8Array): Bytes {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.subarray(start);
  if (body.length === 0) return Uint8Array.of(0x02, 0x01, 0x00);
  return ((body[0] as number) & 0x80) !== 0 ? tlv(0x02, Uint8Array.of(0), body) : tlv(0x02, body);
}

/** A non-negative safe integer as INTEGER (CRL numbers). */
export function smallInteger(value: number): Bytes {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative safe integer: ${value}`);
  const body: number[] = [];
  let rest = value;
  do {
    body.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  return unsignedInteger(Uint8Array.from(body));
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** Hex (any case and length, leading zeros kept) to bytes; throws on anything else. Table-driven: CRLs convert 10k+ serials. */
export function hexBytes(hex: string): Bytes {
  const odd = hex.length % 2;
  const out = new Uint8Array((hex.length + odd) / 2);
  for (let i = 0, c = -odd; i < out.length; i++, c += 2) {
    const hi = c < 0 ? 0 : (HEX[hex.charCodeAt(c) & 0x7f] as number);
    const lo = HEX[hex.charCodeAt(c + 1) & 0x7f] as number;
    if (hi < 0 || lo < 0 || hex.charCodeAt(c + 1) > 0x7f || (c >= 0 && hex.charCodeAt(c) > 0x7f)) throw new RangeError('not hex');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** One Extension: SEQUENCE { extnID, [critical], extnValue OCTET STRING }. */
export function extension(oidDer: Uint8Array, value: Uint8Array, critical = false): Bytes {
  return critical ? sequence(oidDer, Uint8Array.of(0x01, 0x01, 0xff), tlv(0x04, value)) : sequence(oidDer, tlv(0x04, value));
}

/** An id-ce OID (2.5.29.n) as a complete OBJECT IDENTIFIER TLV. */
export const idCe = (n: number): Bytes => Uint8Array.of(0x06, 0x03, 0x55, 0x1d, n);

/** WebCrypto's raw r||s → DER ECDSA-Sig-Value, as X.509 carries it. */
export function ecdsaSignatureDer(raw: Uint8Array): Bytes {
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

/** Concatenates byte arrays into a new one. */
export function concat(parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** SET OF in DER order: elements sorted by their encodings (X.690 §11.6). */
export function setOf(...items: readonly Uint8Array[]): Bytes {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    }
    return a.length - b.length;
  });
  return tlv(0x31, ...sorted);
}

/** `[n]` constructed, as EXPLICIT tagging writes it. */
export const explicit = (n: number, inner: Uint8Array): Bytes => tlv(0xa0 | n, inner);

export const octetString = (bytes: Uint8Array): Bytes => tlv(0x04, bytes);

export const derNull = (): Bytes => Uint8Array.of(0x05, 0x00);

/** An OBJECT IDENTIFIER from dotted form. */
export function objectId(dotted: string): Bytes {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) throw new RangeError(`bad OID ${dotted}`);
  const out: number[] = [];
  const push = (arc: number): void => {
    const groups: number[] = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v % 128) | 0x80);
    out.push(...groups);
  };
  push((arcs[0] as number) * 40 + (arcs[1] as number));
  for (const arc of arcs.slice(2)) push(arc);
  return tlv(0x06, Uint8Array.from(out));
}

/** BMPString (UTF-16BE), what PKCS#12 friendlyName attributes hold. */
export function bmpString(text: string): Bytes {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[i * 2] = unit >> 8;
    bytes[i * 2 + 1] = unit & 0xff;
  }
  return tlv(0x1e, bytes);
}

/** AlgorithmIdentifier with explicit NULL parameters, as OpenSSL writes digests and HMAC PRFs. */
export const algorithmWithNull = (oid: string): Bytes => sequence(objectId(oid), derNull());
