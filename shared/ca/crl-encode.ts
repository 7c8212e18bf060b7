import type { RevocationReason } from '../model/ca';
import { assertNever } from '../util/assert-never';
import { derTime, extension, idCe, lengthBytes, sequence, smallInteger, tlv, type Bytes } from './der-writer';

/**
 * CertificateList (RFC 5280 §5) written byte by byte: the revoked list goes into one buffer
 * sized up front, so 10,000 or 100,000 entries cost milliseconds rather than the seconds
 * (or the failure) of a generic ASN.1 serializer.
 */

export interface CrlEntryInput {
  /** The serial's magnitude, big-endian (leading zeros allowed). */
  readonly serial: Uint8Array;
  readonly revokedAt: Date;
  /** CRLReason code; null omits the extension (RFC 5280 §5.3.1: omit rather than say unspecified). */
  readonly reasonCode: number | null;
}

export interface CrlInput {
  /** The issuer Name exactly as encoded in the CA certificate's subject. */
  readonly issuerDer: Uint8Array;
  readonly signatureAlgorithmDer: Uint8Array;
  readonly thisUpdate: Date;
  /** null omits nextUpdate (RFC 5280 allows it; nginx and most consumers need it). */
  readonly nextUpdate: Date | null;
  readonly crlNumber: number;
  /** The CA's subject key identifier, for the AKI extension. */
  readonly authorityKeyId: Uint8Array;
  readonly entries: readonly CrlEntryInput[];
}

export function reasonCode(reason: RevocationReason): number | null {
  switch (reason) {
    case 'unspecified':
      return null;
    case 'keyCompromise':
      return 1;
    case 'caCompromise':
      return 2;
    case 'affiliationChanged':
      return 3;
    case 'superseded':
      return 4;
    case 'cessationOfOperation':
      return 5;
    case 'certificateHold':
      return 6;
    case 'privilegeWithdrawn':
      return 9;
    default:
      return assertNever(reason, 'revocation reason');
  }
}

const REASON_EXT_HEAD = Uint8Array.of(0x30, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0a, 0x01);

/**
 * revokedCertificates as one SEQUENCE OF, in two passes over typed arrays (sizes, then bytes)
 * with no per-entry allocation; each distinct revocation time is encoded once.
 */
export function encodeRevokedList(entries: readonly CrlEntryInput[]): Bytes {
  const n = entries.length;
  const times = new Map<number, Bytes>();
  const stamps: Bytes[] = new Array<Bytes>(n);
  const start = new Int32Array(n);
  const pad = new Uint8Array(n);
  const body = new Int32Array(n);
  let content = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as CrlEntryInput;
    const serial = e.serial;
    let s = 0;
    while (s < serial.length - 1 && serial[s] === 0) s++;
    const len = serial.length - s;
    if (len === 0 || len > 125) throw new RangeError(`serial of ${serial.length} bytes cannot be encoded`);
    start[i] = s;
    pad[i] = ((serial[s] as number) & 0x80) !== 0 ? 1 : 0;
    const ms = Math.floor(e.revokedAt.getTime() / 1000) * 1000;
    let t = times.get(ms);
    if (!t) times.set(ms, (t = derTime(new Date(ms))));
    stamps[i] = t;
    body[i] = 2 + len + (pad[i] as number) + t.length + (e.reasonCode === null ? 0 : REASON_EXT_HEAD.length + 1);
    content += 1 + lengthBytes(body[i] as number).length + (body[i] as number);
  }
  const head = [0x30, ...lengthBytes(content)];
  const out = new Uint8Array(head.length + content);
  out.set(head, 0);
  let o = head.length;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as CrlEntryInput;
    const b = body[i] as number;
    out[o++] = 0x30;
    if (b < 0x80) out[o++] = b;
    else for (const x of lengthBytes(b)) out[o++] = x;
    const s = start[i] as number;
    const p = pad[i] as number;
    out[o++] = 0x02;
    out[o++] = e.serial.length - s + p;
    if (p) out[o++] = 0;
    out.set(e.serial.subarray(s), o);
    o += e.serial.length - s;
    const t = stamps[i] as Bytes;
    out.set(t, o);
    o += t.length;
    if (e.reasonCode !== null) {
      out.set(REASON_EXT_HEAD, o);
      o += REASON_EXT_HEAD.length;
      out[o++] = e.reasonCode;
    }
  }
  return out;
}

/** The TBSCertList: v2, AKI and CRLNumber, revoked list omitted when empty (RFC 5280 §5.1.2.6). */
export function encodeTbsCertList(input: CrlInput): Bytes {
  const extensions = tlv(
    0xa0,
    sequence(extension(idCe(0x23), sequence(tlv(0x80, input.authorityKeyId))), extension(idCe(0x14), smallInteger(input.crlNumber))),
  );
  return sequence(
    Uint8Array.of(0x02, 0x01, 0x01),
    input.signatureAlgorithmDer,
    input.issuerDer,
    derTime(input.thisUpdate),
    ...(input.nextUpdate ? [derTime(input.nextUpdate)] : []),
    ...(input.entries.length > 0 ? [encodeRevokedList(input.entries)] : []),
    extensions,
  );
}

/** Encodes and signs a CRL; `sign` gets the TBSCertList and returns the X.509 signature bytes. */
export async function writeCrl(input: CrlInput, sign: (tbs: Bytes) => Promise<Uint8Array>): Promise<Bytes> {
  const tbs = encodeTbsCertList(input);
  const signature = await sign(tbs);
  return sequence(tbs, input.signatureAlgorithmDer, tlv(0x03, Uint8Array.of(0), signature));
}
