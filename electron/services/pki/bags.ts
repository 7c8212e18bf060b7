import * as asn1js from 'asn1js';
import { PkiFailure, algorithm, encoded, explicit, items, malformed, octets, oid, parseBer, toHex } from './asn1';
import { BadDecrypt, decrypt, type Secret } from './decrypt';
import { publicFromPrivate } from './key-object';
import type { PublicKeyRead } from './public-info';

/**
 * Walks PKCS#12 SafeContents (RFC 7292 §4.2): certificates and CRLs are copied out, keys are
 * decrypted only long enough to derive their public information, then the plaintext is zeroed.
 */

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  crl: '1.2.840.113549.1.12.10.1.4',
  secret: '1.2.840.113549.1.12.10.1.5',
  safeContents: '1.2.840.113549.1.12.10.1.6',
} as const;
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const X509_CRL = '1.2.840.113549.1.9.23.1';
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
const MAX_NESTING = 4;

/** Bag attributes that tie a certificate to its key and name it in key stores. */
export interface BagAttributes {
  readonly friendlyName?: string;
  /** Lowercase hex of the localKeyId attribute (often the SHA-1 of the certificate). */
  readonly localKeyId?: string;
}

/** A certificate from a certBag: DER as stored in the file. */
export interface Pkcs12Certificate extends BagAttributes {
  readonly der: Uint8Array;
}

/** A private key from a keyBag or shrouded keyBag: its public information only. */
export interface Pkcs12Key extends PublicKeyRead, BagAttributes {
  readonly shrouded: boolean;
}

/** What a walk over all SafeContents collects. */
export interface BagCollector {
  readonly certificates: Pkcs12Certificate[];
  readonly keys: Pkcs12Key[];
  readonly crls: Uint8Array[];
  readonly schemes: Set<string>;
  readonly skipped: string[];
}

/** The passphrase and whether the MAC already proved it right (then a bad decrypt means damage). */
export interface BagContext {
  readonly secret: Secret;
  readonly macVerified: boolean;
  readonly name: string;
}

function attributesOf(node: asn1js.AsnType | undefined): BagAttributes {
  if (node === undefined) return {};
  let friendlyName: string | undefined;
  let localKeyId: string | undefined;
  for (const attr of items(node, 'bag attributes', 0, true)) {
    const [idNode, valuesNode] = items(attr, 'bag attribute', 2);
    const values = items(valuesNode, 'bag attribute values', 0, true);
    const id = oid(idNode, 'bag attribute type');
    const first = values[0];
    if (id === FRIENDLY_NAME && first instanceof asn1js.BmpString) friendlyName = first.valueBlock.value;
    else if (id === LOCAL_KEY_ID && first !== undefined) localKeyId = toHex(octets(first, 'localKeyId'));
  }
  return { ...(friendlyName !== undefined && { friendlyName }), ...(localKeyId !== undefined && { localKeyId }) };
}

/** Bytes that stay valid after the buffer they were parsed from is zeroed. */
const copy = (view: Uint8Array): Uint8Array => new Uint8Array(view);

/** Wraps a decrypt so a padding failure reads as what it most likely is. */
export function decryptOrExplain(algNode: asn1js.AsnType | undefined, data: Uint8Array, ctx: BagContext, what: string, out: BagCollector): Buffer {
  try {
    const { plain, scheme } = decrypt(algNode, data, ctx.secret, what);
    out.schemes.add(scheme);
    return plain;
  } catch (error) {
    if (!(error instanceof BadDecrypt)) throw error;
    if (ctx.macVerified) {
      throw new PkiFailure('MALFORMED', `${error.message} although the MAC matched: the file is damaged or was made with a separate encryption password (openssl pkcs12 -twopass)`);
    }
    throw new PkiFailure('WRONG_PASSPHRASE', `wrong passphrase for ${ctx.name} (${error.message}; the file has no MAC to check the passphrase first)`);
  }
}

function readKey(der: Uint8Array, attrs: BagAttributes, shrouded: boolean, what: string, out: BagCollector): void {
  let algorithmOid: string;
  try {
    const [, algNode] = items(parseBer(der, what), what, 3);
    algorithmOid = algorithm(algNode, `${what} algorithm`).oid;
  } catch {
    throw malformed(`${what} is not a PKCS#8 PrivateKeyInfo`);
  }
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  const info = publicFromPrivate({ key, format: 'der', type: 'pkcs8' }, what, algorithmOid);
  out.keys.push({ ...info, ...attrs, shrouded });
}

/** Reads every bag of one SafeContents, recursing into nested safeContentsBags up to a small depth. */
export function readSafeContents(node: asn1js.AsnType, ctx: BagContext, out: BagCollector, depth = 0): void {
  if (depth > MAX_NESTING) throw malformed('safeContentsBag nested too deeply');
  items(node, 'SafeContents').forEach((bag, index) => {
    const [typeNode, valueNode, attrNode] = items(bag, 'SafeBag', 2);
    const type = oid(typeNode, 'SafeBag type');
    const value = explicit(valueNode, 0, 'SafeBag value');
    const attrs = attributesOf(attrNode);
    const what = `key bag ${out.keys.length + 1}`;
    switch (type) {
      case BAG.key:
        readKey(encoded(value), attrs, false, what, out);
        break;
      case BAG.shroudedKey: {
        const [algNode, dataNode] = items(value, 'EncryptedPrivateKeyInfo', 2);
        const plain = decryptOrExplain(algNode, octets(dataNode, 'encrypted key'), ctx, `the private key (${what}) of ${ctx.name}`, out);
        try {
          readKey(plain, attrs, true, what, out);
        } finally {
          plain.fill(0);
        }
        break;
      }
      case BAG.cert:
      case BAG.crl: {
        const [idNode, inner] = items(value, type === BAG.cert ? 'CertBag' : 'CRLBag', 2);
        const id = oid(idNode, 'bag content type');
        const bytes = copy(octets(explicit(inner, 0, 'bag content'), 'bag content'));
        if (type === BAG.cert && id === X509_CERTIFICATE) out.certificates.push({ der: bytes, ...attrs });
        else if (type === BAG.crl && id === X509_CRL) out.crls.push(bytes);
        else out.skipped.push(`bag ${index + 1}: ${type === BAG.cert ? 'certificate' : 'CRL'} of type ${id}`);
        break;
      }
      case BAG.safeContents:
        readSafeContents(value, ctx, out, depth + 1);
        break;
      case BAG.secret:
        out.skipped.push(`bag ${index + 1}: secret bag`);
        break;
      default:
        out.skipped.push(`bag ${index + 1}: unknown bag type ${type}`);
    }
  });
}
