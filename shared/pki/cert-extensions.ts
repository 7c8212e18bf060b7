import type { CertificateObject, ExtensionInfo, GeneralName } from '../model/pki';
import { children, integerHex, readTlv, TAG, valueOf, type Tlv, oidOf } from './der';
import { generalNamesOf, readGeneralName, readGeneralNames } from './general-names';
import { toHex } from './hex';
import { EXTENSION_NAMES, ekuName } from './oids';

type Facts = Pick<
  CertificateObject,
  'subjectAltNames' | 'basicConstraints' | 'keyUsage' | 'extendedKeyUsage' | 'subjectKeyId' | 'authorityKeyId' | 'crlDistributionPoints' | 'authorityInfoAccess' | 'policies' | 'nameConstraints' | 'extensions'
>;

/** One raw extension: its OID, criticality and value bytes (the OCTET STRING contents). */
export interface RawExtension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

const KEY_USAGES = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

/** The Extensions SEQUENCE (inside [3] of a certificate or an extensionRequest) as raw entries. */
export function readRawExtensions(der: Uint8Array, seq: Tlv): RawExtension[] {
  return children(der, seq).map((ext) => {
    const parts = children(der, ext);
    const oid = oidOf(der, parts[0] as Tlv);
    const critical = parts.length === 3 && parts[1]?.tag === TAG.BOOLEAN && valueOf(der, parts[1])[0] !== 0;
    return { oid, critical, value: valueOf(der, parts[parts.length - 1] as Tlv) };
  });
}

const root = (v: Uint8Array): Tlv => readTlv(v, 0);

function keyUsage(v: Uint8Array): string[] {
  const bits = valueOf(v, root(v)).subarray(1);
  return KEY_USAGES.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

function subtrees(v: Uint8Array, tlv: Tlv | undefined): GeneralName[] {
  return tlv ? children(v, tlv).map((s) => readGeneralName(v, children(v, s)[0] as Tlv)) : [];
}

/** Reads the extensions operators care about from raw entries; everything stays in the raw list too. */
export function extensionFacts(raw: readonly RawExtension[]): Facts {
  const f: { -readonly [K in keyof Facts]: Facts[K] } = {
    subjectAltNames: [], basicConstraints: null, keyUsage: null, extendedKeyUsage: null, subjectKeyId: null, authorityKeyId: null,
    crlDistributionPoints: [], authorityInfoAccess: { ocsp: [], caIssuers: [] }, policies: [], nameConstraints: null, extensions: [],
  };
  const list: ExtensionInfo[] = [];
  for (const { oid, critical, value: v } of raw) {
    list.push({ oid, name: EXTENSION_NAMES[oid] ?? oid, critical, valueHex: toHex(v) });
    switch (oid) {
      case '2.5.29.17':
        f.subjectAltNames = generalNamesOf(v);
        break;
      case '2.5.29.19': {
        const parts = children(v, root(v));
        const ca = parts[0]?.tag === TAG.BOOLEAN && valueOf(v, parts[0])[0] !== 0;
        const len = parts.find((p) => p.tag === TAG.INTEGER);
        f.basicConstraints = { ca, pathLen: len ? parseInt(integerHex(valueOf(v, len)), 16) : null, critical };
        break;
      }
      case '2.5.29.15':
        f.keyUsage = keyUsage(v);
        break;
      case '2.5.29.37':
        f.extendedKeyUsage = children(v, root(v)).map((t) => ekuName(oidOf(v, t)));
        break;
      case '2.5.29.14':
        f.subjectKeyId = toHex(valueOf(v, root(v)));
        break;
      case '2.5.29.35': {
        const id = children(v, root(v)).find((t) => t.tag === 0x80);
        f.authorityKeyId = id ? toHex(valueOf(v, id)) : null;
        break;
      }
      case '2.5.29.31':
        f.crlDistributionPoints = children(v, root(v)).flatMap((dp) => {
          const name = children(v, dp).find((t) => t.tag === 0xa0);
          const full = name ? children(v, name).find((t) => t.tag === 0xa0) : undefined;
          return full ? readGeneralNames(v, full).map((g) => g.value) : [];
        });
        break;
      case '1.3.6.1.5.5.7.1.1': {
        const ocsp: string[] = [];
        const caIssuers: string[] = [];
        for (const ad of children(v, root(v))) {
          const pair = children(v, ad);
          const m = pair[0];
          const loc = pair[1];
          if (!m || !loc) continue;
          const method = oidOf(v, m);
          if (method === '1.3.6.1.5.5.7.48.1') ocsp.push(readGeneralName(v, loc).value);
          else if (method === '1.3.6.1.5.5.7.48.2') caIssuers.push(readGeneralName(v, loc).value);
        }
        f.authorityInfoAccess = { ocsp, caIssuers };
        break;
      }
      case '2.5.29.32':
        f.policies = children(v, root(v)).map((p) => oidOf(v, children(v, p)[0] as Tlv));
        break;
      case '2.5.29.30': {
        const parts = children(v, root(v));
        f.nameConstraints = { permitted: subtrees(v, parts.find((t) => t.tag === 0xa0)), excluded: subtrees(v, parts.find((t) => t.tag === 0xa1)) };
        break;
      }
      default:
        break;
    }
  }
  f.extensions = list;
  return f;
}
