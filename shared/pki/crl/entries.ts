/**
 * revokedCertificates without an object per entry: one pass checks each entry's framing and
 * maps serial → byte offset; an entry is decoded only when looked up or iterated.
 */
import type { GeneralName } from '../../model/pki';
import { DerError, decodeOid, readTlv, type Tlv, TAG } from '../der';
import { generalNames } from './names';
import { SerialIndex } from './serial-index';
import { EXT, REASONS } from './oids';
import { Cursor, CrlError, readAt, readBoolean, readOid, readTime, rethrow, serialKey, tagName } from './reader';

/** One revoked certificate, decoded on demand. */
export interface RevokedEntry {
  /** Lowercase hex, no leading zeros (negative serials: two's complement bytes). */
  readonly serial: string;
  readonly revocationDate: string;
  /** RFC 5280 CRLReason name (e.g. keyCompromise), `unknown(N)` for unassigned codes, null if absent. */
  readonly reason: string | null;
  readonly invalidityDate?: string;
  /** Indirect CRLs: the entry's certificateIssuer, carried over from the last entry that set it. */
  readonly certificateIssuer?: readonly GeneralName[];
}

/** Where each serial lives in the DER; built once by indexEntries. */
export interface EntryIndex {
  readonly count: number;
  readonly serials: SerialIndex;
  /** Offsets of entries carrying a certificateIssuer extension, ascending. */
  readonly issuerChanges: readonly number[];
  readonly unknownCritical: readonly string[];
}

const OID_PREFIX = [0x55, 0x1d] as const; // 2.5.29
const ENTRY_EXTS = new Set([0x15, 0x17, 0x18, 0x1d]); // reasonCode, holdInstructionCode, invalidityDate, certificateIssuer

/** Checks the framing of crlEntryExtensions; true if it holds a certificateIssuer. */
function scanExtensions(bytes: Uint8Array, list: Tlv, unknown: Set<string>): boolean {
  let hasIssuer = false;
  for (let pos = list.valueStart; pos < list.end; ) {
    const ext = readTlv(bytes, pos, list.end);
    if (ext.tag !== TAG.SEQUENCE) throw new DerError(`extension is ${tagName(ext.tag)}, not a SEQUENCE`, ext.start);
    const oid = readTlv(bytes, ext.valueStart, ext.end);
    if (oid.tag !== TAG.OID) throw new DerError('extnID is not an object identifier', oid.start);
    let next = oid.end;
    let critical = false;
    if (next < ext.end && bytes[next] === TAG.BOOLEAN) {
      const flag = readTlv(bytes, next, ext.end);
      const b = bytes[flag.valueStart];
      if (flag.end - flag.valueStart !== 1 || (b !== 0 && b !== 0xff)) throw new DerError('malformed critical BOOLEAN', flag.start);
      critical = b === 0xff;
      next = flag.end;
    }
    const value = readTlv(bytes, next, ext.end);
    if (value.tag !== TAG.OCTET_STRING || value.end !== ext.end) throw new DerError('extnValue is not a final OCTET STRING', value.start);
    const v = oid.valueStart;
    const ours = oid.end - v === 3 && bytes[v] === OID_PREFIX[0] && bytes[v + 1] === OID_PREFIX[1] && ENTRY_EXTS.has(bytes[v + 2] as number);
    if (ours && bytes[v + 2] === 0x1d) hasIssuer = true;
    if (!ours && critical) {
      try {
        unknown.add(decodeOid(bytes.subarray(v, oid.end)));
      } catch {
        throw new DerError('malformed extnID', oid.start);
      }
    }
    pos = ext.end;
  }
  return hasIssuer;
}

/** One pass over revokedCertificates: validates each entry's frame and indexes its serial. */
export function indexEntries(bytes: Uint8Array, list: Tlv | null): EntryIndex {
  const serials = new SerialIndex(bytes, list ? Math.ceil((list.end - list.valueStart) / 40) : 0);
  const issuerChanges: number[] = [];
  const unknown = new Set<string>();
  let count = 0;
  let part = '';
  try {
    for (let pos = list ? list.valueStart : 0; list && pos < list.end; count++) {
      part = '';
      const e = readTlv(bytes, pos, list.end);
      if (e.tag !== TAG.SEQUENCE) throw new DerError(`expected a SEQUENCE, found ${tagName(e.tag)}`, e.start);
      part = '.userCertificate';
      const s = readTlv(bytes, e.valueStart, e.end);
      if (s.tag !== TAG.INTEGER || s.end === s.valueStart) throw new DerError('expected a non-empty INTEGER', s.start);
      part = '.revocationDate';
      const t = readTlv(bytes, s.end, e.end);
      if (t.tag !== TAG.UTC_TIME && t.tag !== TAG.GENERALIZED_TIME) throw new DerError(`expected a time, found ${tagName(t.tag)}`, t.start);
      if (t.end !== e.end) {
        part = '.crlEntryExtensions';
        const x = readTlv(bytes, t.end, e.end);
        if (x.tag !== TAG.SEQUENCE || x.end !== e.end) throw new DerError('expected one final SEQUENCE of extensions', x.start);
        if (scanExtensions(bytes, x, unknown)) issuerChanges.push(e.start);
      }
      serials.add(s.valueStart, s.end, e.start);
      pos = e.end;
    }
  } catch (err) {
    rethrow(`revokedCertificates[${count}]${part}`, err);
  }
  serials.seal();
  return { count, serials, issuerChanges, unknownCritical: [...unknown] };
}

interface Decoded {
  readonly entry: RevokedEntry;
  readonly ownIssuer: readonly GeneralName[] | undefined;
  readonly end: number;
}

function enumerated(bytes: Uint8Array, tlv: Tlv, field: string): number {
  const len = tlv.end - tlv.valueStart;
  if (tlv.tag !== TAG.ENUMERATED || len < 1 || len > 4 || ((bytes[tlv.valueStart] as number) & 0x80) !== 0) {
    throw new CrlError(field, 'expected a small non-negative ENUMERATED', tlv.start);
  }
  let code = 0;
  for (let i = tlv.valueStart; i < tlv.end; i++) code = code * 256 + (bytes[i] as number);
  return code;
}

/** Fully decodes the entry at `offset` (every field checked). */
export function decodeEntry(bytes: Uint8Array, offset: number, limit: number, field: string): Decoded {
  const tlv = readAt(bytes, offset, limit, field, [TAG.SEQUENCE]);
  const c = new Cursor(bytes, tlv, field);
  const serial = c.next('userCertificate', [TAG.INTEGER]);
  const date = c.next('revocationDate', [TAG.UTC_TIME, TAG.GENERALIZED_TIME]);
  let reason: string | null = null;
  let invalidityDate: string | undefined;
  let ownIssuer: GeneralName[] | undefined;
  const exts = c.optional('crlEntryExtensions', TAG.SEQUENCE);
  c.finish();
  if (exts) {
    const list = new Cursor(bytes, exts, `${field}.crlEntryExtensions`);
    const seen: string[] = [];
    for (let j = 0; !list.done; j++) {
      const f = `${field}.crlEntryExtensions[${j}]`;
      const ext = new Cursor(bytes, list.next(`[${j}]`, [TAG.SEQUENCE]), f);
      const oid = readOid(bytes, ext.next('extnID', [TAG.OID]), `${f}.extnID`);
      const critical = ext.optional('critical', TAG.BOOLEAN);
      if (critical) readBoolean(bytes, critical, `${f}.critical`);
      const value = ext.next('extnValue', [TAG.OCTET_STRING]);
      ext.finish();
      if (seen.includes(oid)) throw new CrlError(f, `extension ${oid} appears twice`, value.start);
      if (seen.push(oid) > 64) throw new CrlError(f, 'more than 64 entry extensions', value.start);
      const inner = readAt(bytes, value.valueStart, value.end, `${f}.extnValue`);
      if (inner.end !== value.end) throw new CrlError(`${f}.extnValue`, 'trailing bytes', inner.end);
      if (oid === EXT.reasonCode) {
        const code = enumerated(bytes, inner, `${f}.reasonCode`);
        reason = REASONS[code] ?? `unknown(${code})`;
      } else if (oid === EXT.invalidityDate) {
        invalidityDate = readTime(bytes, inner, `${f}.invalidityDate`).toISOString();
      } else if (oid === EXT.certificateIssuer) {
        ownIssuer = generalNames(bytes, inner, `${f}.certificateIssuer`);
      }
    }
  }
  const entry: RevokedEntry = {
    serial: serialKey(bytes, serial.valueStart, serial.end),
    revocationDate: readTime(bytes, date, `${field}.revocationDate`).toISOString(),
    reason,
    ...(invalidityDate === undefined ? {} : { invalidityDate }),
  };
  return { entry, ownIssuer, end: tlv.end };
}

/** Decodes every entry in order, carrying certificateIssuer forward (RFC 5280 §5.3.3). */
export function* iterateEntries(bytes: Uint8Array, list: Tlv | null): Generator<RevokedEntry, void, undefined> {
  if (!list) return;
  let issuer: readonly GeneralName[] | undefined;
  for (let pos = list.valueStart, i = 0; pos < list.end; i++) {
    const d = decodeEntry(bytes, pos, list.end, `revokedCertificates[${i}]`);
    issuer = d.ownIssuer ?? issuer;
    yield issuer ? { ...d.entry, certificateIssuer: issuer } : d.entry;
    pos = d.end;
  }
}

/** Decodes the entry at `offset` with its effective certificateIssuer (binary search of changes). */
export function entryAt(bytes: Uint8Array, list: Tlv, index: EntryIndex, offset: number): RevokedEntry {
  const d = decodeEntry(bytes, offset, list.end, `revokedCertificates[@${offset}]`);
  let issuer = d.ownIssuer;
  if (!issuer) {
    const changes = index.issuerChanges;
    let lo = 0;
    let hi = changes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((changes[mid] as number) < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) {
      const at = changes[found] as number;
      issuer = decodeEntry(bytes, at, list.end, `revokedCertificates[@${at}]`).ownIssuer;
    }
  }
  return issuer ? { ...d.entry, certificateIssuer: issuer } : d.entry;
}


