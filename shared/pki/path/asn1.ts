import { DerError, TAG, type Tlv, checkStructure, children, decodeOid, valueOf } from '../der';

/**
 * Strict typed reads on top of the bounded DER reader: each helper checks the tag it expects,
 * so malformed extensions become a precise error instead of a silently wrong value.
 */

/** A DER value plus the buffer it lives in: what every decoder here passes around. */
export interface Node {
  readonly bytes: Uint8Array;
  readonly tlv: Tlv;
}

/** Parses exactly one DER value (bounded nesting, no trailing bytes). */
export function parseDer(bytes: Uint8Array): Node {
  return { bytes, tlv: checkStructure(bytes) };
}

/** The node with tag `tag`, or an error naming `what`. */
export function expectTag(node: Node, tag: number, what: string): Node {
  if (node.tlv.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${node.tlv.tag.toString(16)}`, node.tlv.start);
  return node;
}

/** Children of a constructed node. */
export function kids(node: Node): Node[] {
  return children(node.bytes, node.tlv).map((tlv) => ({ bytes: node.bytes, tlv }));
}

/** Children of a SEQUENCE (or SET) with the given tag, requiring at least `min` of them. */
export function seq(node: Node, what: string, min = 0, tag: number = TAG.SEQUENCE): Node[] {
  expectTag(node, tag, what);
  const out = kids(node);
  if (out.length < min) throw new DerError(`${what}: needs at least ${min} element(s)`, node.tlv.start);
  return out;
}

/** The value bytes of a node (a view). */
export function value(node: Node): Uint8Array {
  return valueOf(node.bytes, node.tlv);
}

/** The whole TLV of a node, header included (a view). */
export function raw(node: Node): Uint8Array {
  return node.bytes.subarray(node.tlv.start, node.tlv.end);
}

/** Decodes an OBJECT IDENTIFIER node to dotted form. */
export function oid(node: Node, what = 'object identifier'): string {
  return decodeOid(value(expectTag(node, TAG.OID, what)));
}

/** Decodes a DER BOOLEAN (0x00 or 0xff only). */
export function bool(node: Node, what = 'boolean'): boolean {
  const v = value(expectTag(node, TAG.BOOLEAN, what));
  if (v.length !== 1 || (v[0] !== 0 && v[0] !== 0xff)) throw new DerError(`${what}: not a DER boolean`, node.tlv.start);
  return v[0] === 0xff;
}

/** A non-negative INTEGER small enough for a number (pathLen, skipCerts). */
export function smallUint(node: Node, what: string, tag: number = TAG.INTEGER): number {
  const v = value(expectTag(node, tag, what));
  if (v.length === 0 || v.length > 6 || ((v[0] as number) & 0x80) !== 0) throw new DerError(`${what}: not a small non-negative integer`, node.tlv.start);
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

/** BIT STRING bits, most significant first: bit n of the named-bit list. */
export function bits(node: Node, what: string, tag: number = TAG.BIT_STRING): (n: number) => boolean {
  const v = value(expectTag(node, tag, what));
  if (v.length === 0 || (v[0] as number) > 7) throw new DerError(`${what}: malformed bit string`, node.tlv.start);
  return (n: number) => {
    const byte = v[1 + (n >> 3)];
    return byte !== undefined && (byte & (0x80 >> (n & 7))) !== 0;
  };
}

/** Context-specific tag number of a node, or -1 for universal/application tags. */
export function contextTag(node: Node): number {
  return (node.tlv.tag & 0xc0) === 0x80 ? node.tlv.tag & 0x1f : -1;
}

export { toHex as hex } from '../hex';

/** Byte-wise equality (keys, algorithm identifiers, serials). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A copy backed by a plain ArrayBuffer, as WebCrypto's BufferSource type requires. */
export function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** Re-exported so decoders need one import. */
export { DerError, TAG };
