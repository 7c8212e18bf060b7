import * as asn1js from 'asn1js';

/**
 * A thin, bounded layer over asn1js for the PKCS#12 reader: BER (indefinite lengths, chunked
 * OCTET STRINGs) as Windows and Java write it, resource limits on every parse, and typed
 * accessors that turn any surprise into a MALFORMED failure with the structure's name.
 */

/** Why a read failed, so the UI can ask for a passphrase or show a fix. */
export type FailureCode = 'PASSPHRASE_REQUIRED' | 'WRONG_PASSPHRASE' | 'UNSUPPORTED' | 'MALFORMED';

/** Thrown inside the readers and turned into a result at their edge, so every failure has an operator-grade message. */
export class PkiFailure extends Error {
  readonly code: FailureCode;
  constructor(code: FailureCode, message: string) {
    super(message);
    this.name = 'PkiFailure';
    this.code = code;
  }
}

/** Shorthand for the most common failure: the bytes are not the structure they claim to be. */
export const malformed = (message: string): PkiFailure => new PkiFailure('MALFORMED', message);

/** Hard limits for untrusted input: asn1js enforces them while parsing. */
export const PARSE_LIMITS = { maxDepth: 32, maxNodes: 200_000, maxContentLength: 16 * 1024 * 1024 } as const;

/** The size of the largest PKCS#12 file the console reads (real ones are kilobytes). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * Parses one BER value that must fill `bytes` exactly. No copy is made (`copyInput: false`), so
 * zeroing `bytes` afterwards also clears every view the tree holds into decrypted plaintext.
 */
export function parseBer(bytes: Uint8Array, what: string): asn1js.AsnType {
  if (bytes.length === 0) throw malformed(`${what} is empty`);
  const { offset, result } = asn1js.fromBER(bytes, { ...PARSE_LIMITS, parseEmbedded: false, copyInput: false });
  if (offset === -1) throw malformed(`${what} is not valid DER/BER (${result.error || 'unreadable'})`);
  if (offset !== bytes.length) throw malformed(`${what} has ${bytes.length - offset} unexpected trailing bytes`);
  return result;
}

const isEoc = (n: asn1js.AsnType): boolean => n.idBlock.tagClass === 1 && n.idBlock.tagNumber === 0 && !n.idBlock.isConstructed;

function universal(node: asn1js.AsnType | undefined, tag: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 1 && node.idBlock.tagNumber === tag;
}

/** The elements of a SEQUENCE (or SET when `set`), at least `min` of them. */
export function items(node: asn1js.AsnType | undefined, what: string, min = 0, set = false): asn1js.AsnType[] {
  if (!universal(node, set ? 17 : 16) || !(node instanceof asn1js.Constructed)) throw malformed(`${what}: expected a ${set ? 'SET' : 'SEQUENCE'}`);
  const list = node.valueBlock.value.filter((n) => !isEoc(n));
  if (list.length < min) throw malformed(`${what}: expected at least ${min} elements, found ${list.length}`);
  return list;
}

/** A dotted OBJECT IDENTIFIER. */
export function oid(node: asn1js.AsnType | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier) || !universal(node, 6)) throw malformed(`${what}: expected an OBJECT IDENTIFIER`);
  return node.valueBlock.toString();
}

/** A non-negative INTEGER that fits comfortably in a JS number (iteration counts, versions, key lengths). */
export function smallInt(node: asn1js.AsnType | undefined, what: string): number {
  if (!(node instanceof asn1js.Integer) || !universal(node, 2)) throw malformed(`${what}: expected an INTEGER`);
  const bytes = node.valueBlock.valueHexView;
  if (bytes.length === 0 || ((bytes[0] as number) & 0x80) !== 0) throw malformed(`${what}: expected a non-negative INTEGER`);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  if (bytes.length - start > 6) return Number.MAX_SAFE_INTEGER;
  let value = 0;
  for (let i = start; i < bytes.length; i++) value = value * 256 + (bytes[i] as number);
  return value;
}

/** Whether `node` is `[tag]` in the context class. */
export function isContext(node: asn1js.AsnType | undefined, tag: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tag;
}

/** The single value inside an `[tag] EXPLICIT` wrapper. */
export function explicit(node: asn1js.AsnType | undefined, tag: number, what: string): asn1js.AsnType {
  if (!isContext(node, tag) || !(node instanceof asn1js.Constructed)) throw malformed(`${what}: expected [${tag}] EXPLICIT`);
  const inner = node.valueBlock.value.filter((n) => !isEoc(n));
  if (inner.length !== 1) throw malformed(`${what}: [${tag}] EXPLICIT must hold exactly one value`);
  return inner[0] as asn1js.AsnType;
}

/**
 * The content of an OCTET STRING, or of an `[n] IMPLICIT OCTET STRING` when `implicitTag` is
 * given. BER allows both to be constructed from chunks; those are joined (into a new buffer).
 */
export function octets(node: asn1js.AsnType | undefined, what: string, implicitTag?: number): Uint8Array {
  const tagOk = implicitTag === undefined ? universal(node, 4) : isContext(node, implicitTag);
  if (!node || !tagOk) throw malformed(`${what}: expected ${implicitTag === undefined ? 'an OCTET STRING' : `[${implicitTag}] IMPLICIT OCTET STRING`}`);
  if (!node.idBlock.isConstructed) {
    if (node instanceof asn1js.OctetString || node instanceof asn1js.Primitive) return node.valueBlock.valueHexView;
    throw malformed(`${what}: unexpected primitive encoding`);
  }
  const chunks: Uint8Array[] = [];
  const stack: Array<{ node: asn1js.AsnType; depth: number }> = [{ node, depth: 0 }];
  while (stack.length > 0) {
    const { node: current, depth } = stack.pop() as { node: asn1js.AsnType; depth: number };
    if (!current.idBlock.isConstructed) {
      if (!(current instanceof asn1js.OctetString)) throw malformed(`${what}: a constructed OCTET STRING may hold only OCTET STRING chunks`);
      chunks.push(current.valueBlock.valueHexView);
      continue;
    }
    if (depth > 4) throw malformed(`${what}: OCTET STRING chunks nested too deeply`);
    const kids = current instanceof asn1js.OctetString || current instanceof asn1js.Constructed ? current.valueBlock.value : [];
    const parts = kids.filter((n) => !isEoc(n));
    for (let i = parts.length - 1; i >= 0; i--) stack.push({ node: parts[i] as asn1js.AsnType, depth: depth + 1 });
  }
  const joined = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  return joined;
}

/** The exact encoded bytes of a node (a view into what was parsed). */
export function encoded(node: asn1js.AsnType): Uint8Array {
  return node.valueBeforeDecodeView;
}

/** An AlgorithmIdentifier: its OID and the parameters node, if any. */
export function algorithm(node: asn1js.AsnType | undefined, what: string): { oid: string; params: asn1js.AsnType | undefined } {
  const [id, params] = items(node, what, 1);
  return { oid: oid(id, what), params: params !== undefined && universal(params, 5) ? undefined : params };
}

/** Lowercase hex of bytes that are public by nature (key ids, OIDs' contents); never used on secrets. */
export { toHex } from '../../../shared/pki/hex';
