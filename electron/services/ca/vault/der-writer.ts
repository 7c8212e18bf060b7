/**
 * The few DER encoders the vault's writers need (PKCS#8, PKCS#12). Written here rather than
 * through asn1js so every byte of what we emit is visible and definite-length: the readers we
 * must satisfy (OpenSSL, BoringSSL, our own) all accept DER, not all accept every BER form.
 */

function lengthOf(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Concatenates byte arrays into a new one. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One TLV with a low tag number and definite length. */
export function tlv(tag: number, ...content: readonly Uint8Array[]): Uint8Array {
  const value = concat(content);
  return concat([Uint8Array.of(tag), lengthOf(value.length), value]);
}

export const sequence = (...items: readonly Uint8Array[]): Uint8Array => tlv(0x30, ...items);

/** SET OF in DER order: elements sorted by their encodings (X.690 §11.6). */
export function setOf(...items: readonly Uint8Array[]): Uint8Array {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    }
    return a.length - b.length;
  });
  return tlv(0x31, ...sorted);
}

/** `[n]` constructed, as EXPLICIT tagging writes it. */
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 | n, inner);

export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);

export const derNull = (): Uint8Array => Uint8Array.of(0x05, 0x00);

/** A non-negative INTEGER (iteration counts, versions) in minimal two's complement. */
export function integer(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot encode ${value} as a non-negative INTEGER`);
  const bytes: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  if (bytes.length === 0 || ((bytes[0] as number) & 0x80) !== 0) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

/** An OBJECT IDENTIFIER from dotted form. */
export function objectId(dotted: string): Uint8Array {
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
export function bmpString(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[i * 2] = unit >> 8;
    bytes[i * 2 + 1] = unit & 0xff;
  }
  return tlv(0x1e, bytes);
}

/** AlgorithmIdentifier with explicit NULL parameters, as OpenSSL writes digests and HMAC PRFs. */
export const algorithmWithNull = (oid: string): Uint8Array => sequence(objectId(oid), derNull());
