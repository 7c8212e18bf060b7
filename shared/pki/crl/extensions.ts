/**
 * crlExtensions (RFC 5280 §5.2): CRL number, delta CRL indicator, AKI and the issuing
 * distribution point are interpreted; every extension is listed; critical ones this module
 * cannot act on are reported, because RFC 5280 says such a CRL must not be used.
 */
import type { ExtensionInfo, GeneralName } from '../../model/pki';
import { type Tlv, TAG } from '../der';
import { generalNames } from './names';
import { EXT, EXTENSION_NAMES, KNOWN_CRL_EXTENSIONS, REASON_FLAGS } from './oids';
import { Cursor, CrlError, readAt, readBoolean, readDecimal, readOid } from './reader';
import { hexOf } from '../hex';

/** The issuingDistributionPoint extension: which certificates this CRL covers. */
export interface IssuingDistributionPoint {
  readonly critical: boolean;
  /** fullName; a nameRelativeToCRLIssuer is given as one `other` entry with its #hex. */
  readonly distributionPoint: readonly GeneralName[] | null;
  readonly onlyContainsUserCerts: boolean;
  readonly onlyContainsCACerts: boolean;
  /** ReasonFlags names, or null when the CRL covers all reasons. */
  readonly onlySomeReasons: readonly string[] | null;
  /** True for indirect CRLs: entries may name another issuer via certificateIssuer. */
  readonly indirectCrl: boolean;
  readonly onlyContainsAttributeCerts: boolean;
}

/** What the walker extracts from crlExtensions. */
export interface CrlExtensions {
  readonly list: readonly ExtensionInfo[];
  /** Decimal, as `openssl crl -text` prints it. */
  readonly crlNumber: string | null;
  readonly deltaCrlIndicator: string | null;
  /** keyIdentifier as lowercase hex. */
  readonly authorityKeyId: string | null;
  readonly issuingDistributionPoint: IssuingDistributionPoint | null;
  readonly unknownCritical: readonly string[];
}

function bitNames(bytes: Uint8Array, tlv: Tlv, field: string): string[] {
  const len = tlv.end - tlv.valueStart;
  const unused = bytes[tlv.valueStart] as number;
  if (len < 1 || unused > 7 || (len === 1 && unused !== 0)) throw new CrlError(field, 'malformed BIT STRING', tlv.start);
  const names: string[] = [];
  for (let bit = 0; bit < (len - 1) * 8 - unused; bit++) {
    if (((bytes[tlv.valueStart + 1 + (bit >> 3)] as number) & (0x80 >> (bit & 7))) !== 0) names.push(REASON_FLAGS[bit] ?? `bit${bit}`);
  }
  return names;
}

function readIdp(bytes: Uint8Array, value: Tlv, critical: boolean, field: string): IssuingDistributionPoint {
  const c = new Cursor(bytes, single(bytes, value, field, [TAG.SEQUENCE]), field);
  let distributionPoint: GeneralName[] | null = null;
  const dp = c.optional('distributionPoint', 0xa0);
  if (dp) {
    const choice = new Cursor(bytes, dp, `${field}.distributionPoint`);
    const name = choice.next('name', [0xa0, 0xa1]);
    choice.finish();
    distributionPoint = name.tag === 0xa0 ? generalNames(bytes, name, `${field}.fullName`) : [{ type: 'other', value: `#${hexOf(bytes, name.start, name.end)}` }];
  }
  const flag = (name: string, tag: number): boolean => {
    const tlv = c.optional(name, tag);
    return tlv ? readBoolean(bytes, tlv, `${field}.${name}`) : false;
  };
  const onlyContainsUserCerts = flag('onlyContainsUserCerts', 0x81);
  const onlyContainsCACerts = flag('onlyContainsCACerts', 0x82);
  const reasons = c.optional('onlySomeReasons', 0x83);
  const onlySomeReasons = reasons ? bitNames(bytes, reasons, `${field}.onlySomeReasons`) : null;
  const indirectCrl = flag('indirectCRL', 0x84);
  const onlyContainsAttributeCerts = flag('onlyContainsAttributeCerts', 0x85);
  c.finish();
  return { critical, distributionPoint, onlyContainsUserCerts, onlyContainsCACerts, onlySomeReasons, indirectCrl, onlyContainsAttributeCerts };
}

function readAki(bytes: Uint8Array, value: Tlv, field: string): string | null {
  const c = new Cursor(bytes, single(bytes, value, field, [TAG.SEQUENCE]), field);
  const keyId = c.optional('keyIdentifier', 0x80);
  c.optional('authorityCertIssuer', 0xa1);
  c.optional('authorityCertSerialNumber', 0x82);
  c.finish();
  return keyId ? hexOf(bytes, keyId.valueStart, keyId.end) : null;
}

/** The one value inside an extnValue OCTET STRING. */
function single(bytes: Uint8Array, value: Tlv, field: string, tags?: readonly number[]): Tlv {
  const inner = readAt(bytes, value.valueStart, value.end, field, tags);
  if (inner.end !== value.end) throw new CrlError(field, 'trailing bytes in extnValue', inner.end);
  return inner;
}

/** Reads the explicit [0] crlExtensions wrapper (or nothing when absent). */
export function readCrlExtensions(bytes: Uint8Array, wrapper: Tlv | null): CrlExtensions {
  const out = {
    list: [] as ExtensionInfo[],
    crlNumber: null as string | null,
    deltaCrlIndicator: null as string | null,
    authorityKeyId: null as string | null,
    issuingDistributionPoint: null as IssuingDistributionPoint | null,
    unknownCritical: [] as string[],
  };
  if (!wrapper) return out;
  const outer = new Cursor(bytes, wrapper, 'crlExtensions');
  const seq = outer.next('extensions', [TAG.SEQUENCE]);
  outer.finish();
  const list = new Cursor(bytes, seq, 'crlExtensions');
  if (list.done) throw new CrlError('crlExtensions', 'empty extension list', seq.start);
  const seen = new Set<string>();
  for (let i = 0; !list.done; i++) {
    const f = `crlExtensions[${i}]`;
    const ext = new Cursor(bytes, list.next(`[${i}]`, [TAG.SEQUENCE]), f);
    const oid = readOid(bytes, ext.next('extnID', [TAG.OID]), `${f}.extnID`);
    const flag = ext.optional('critical', TAG.BOOLEAN);
    const critical = flag ? readBoolean(bytes, flag, `${f}.critical`) : false;
    const value = ext.next('extnValue', [TAG.OCTET_STRING]);
    ext.finish();
    const name = EXTENSION_NAMES[oid] ?? oid;
    if (seen.has(oid)) throw new CrlError(f, `${name} appears twice`, value.start);
    seen.add(oid);
    out.list.push({ oid, name, critical, valueHex: hexOf(bytes, value.valueStart, value.end) });
    const field = `${f}.${name}`;
    if (oid === EXT.crlNumber) out.crlNumber = readDecimal(bytes, single(bytes, value, field), field);
    else if (oid === EXT.deltaCrlIndicator) out.deltaCrlIndicator = readDecimal(bytes, single(bytes, value, field), field);
    else if (oid === EXT.authorityKeyIdentifier) out.authorityKeyId = readAki(bytes, value, field);
    else if (oid === EXT.issuingDistributionPoint) out.issuingDistributionPoint = readIdp(bytes, value, critical, field);
    else if (critical && !KNOWN_CRL_EXTENSIONS.has(oid)) out.unknownCritical.push(oid);
  }
  return out;
}
