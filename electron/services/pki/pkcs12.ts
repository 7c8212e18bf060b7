import { PkiFailure, explicit, items, malformed, octets, oid, parseBer, smallInt, MAX_INPUT_BYTES, type FailureCode } from './asn1';
import { decryptOrExplain, readSafeContents, type BagCollector, type BagContext, type Pkcs12Certificate, type Pkcs12Key } from './bags';
import { WorkBudget, bmpPassword, widenedUtf8Password } from './kdf';
import { matchMac, readMacData, type MacInfo } from './mac';

/** Re-exported so callers need only this module. */
export type { Pkcs12Certificate, Pkcs12Key } from './bags';
export type { MacInfo } from './mac';

/**
 * Reads a PKCS#12 (.p12/.pfx) file in process with our own parser, because Node offers no
 * PKCS#12 API and Electron's BoringSSL differs from OpenSSL. Verifies the MAC first, then
 * decrypts; private keys are used only to derive public information and never leave here.
 */

const CONTENT = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
} as const;

/** The outcome of readPkcs12: public facts only, or an operator-grade failure. */
export type Pkcs12Read =
  | {
      readonly ok: true;
      readonly certificates: Pkcs12Certificate[];
      readonly keys: Pkcs12Key[];
      readonly crls: Uint8Array[];
      /** The MAC that was verified, or null when the file has none (no integrity protection). */
      readonly mac: MacInfo | null;
      /** Encryption schemes met, e.g. "PBES2/PBKDF2-HMAC-SHA-256/AES-256-CBC": input for weak-crypto findings. */
      readonly schemes: string[];
      /** Bags that were present but not read (secret bags, non-X.509 certificates). */
      readonly skipped: string[];
    }
  | { readonly ok: false; readonly code: FailureCode; readonly message: string };

/** How readPkcs12 names its input in messages. */
export interface Pkcs12Options {
  /** How messages name the input, e.g. the file name. */
  readonly name?: string;
}

/** Passphrase encodings to try on the MAC, in the order OpenSSL tries them. */
function candidates(passphrase: string): Buffer[] {
  const list = [bmpPassword(passphrase)];
  // OpenSSL before 1.1.0 encoded non-ASCII passphrases byte by byte.
  if ([...passphrase].some((c) => c.charCodeAt(0) > 0x7f)) list.push(widenedUtf8Password(passphrase));
  // An empty passphrase may also mean "no password" (zero bytes rather than the BMP terminator).
  if (passphrase === '') list.push(Buffer.alloc(0));
  return list;
}

/** Reads the file: certificates (DER), CRLs and the public half of each key. Never throws. */
export function readPkcs12(der: Uint8Array, passphrase: string, options: Pkcs12Options = {}): Pkcs12Read {
  const name = options.name ?? 'the PKCS#12 file';
  const tried = candidates(passphrase);
  const utf8 = Buffer.from(passphrase, 'utf8');
  try {
    if (der.length > MAX_INPUT_BYTES) throw malformed(`${name} is ${der.length} bytes; PKCS#12 files over ${MAX_INPUT_BYTES / 1024 / 1024} MiB are refused`);
    const pfx = items(parseBer(der, name), `${name} (PFX)`, 2);
    const version = smallInt(pfx[0], 'PFX version');
    if (version !== 3) throw new PkiFailure('UNSUPPORTED', `${name} is PKCS#12 version ${version}; only version 3 is supported`);
    const [typeNode, contentNode] = items(pfx[1], 'authSafe ContentInfo', 2);
    const type = oid(typeNode, 'authSafe content type');
    if (type === CONTENT.signedData) {
      throw new PkiFailure('UNSUPPORTED', `${name} uses public-key integrity mode (signedData), which is not supported; re-export with a passphrase MAC (\`-macalg sha256\`)`);
    }
    if (type !== CONTENT.data) throw malformed(`${name}: authSafe has content type ${type}, expected data`);
    const authSafe = octets(explicit(contentNode, 0, 'authSafe content'), 'authSafe content');

    const budget = new WorkBudget();
    let mac: MacInfo | null = null;
    let bmp: Buffer = tried[0] as Buffer;
    if (pfx[2] !== undefined) {
      const params = readMacData(pfx[2]);
      const index = matchMac(params, authSafe, tried, budget);
      if (index < 0) {
        if (passphrase === '') throw new PkiFailure('PASSPHRASE_REQUIRED', `${name} is protected by a passphrase; enter it to read the file`);
        throw new PkiFailure('WRONG_PASSPHRASE', `wrong passphrase for ${name}: its integrity check (MAC) does not match (or the file is damaged)`);
      }
      bmp = tried[index] as Buffer;
      mac = { digest: params.digest, iterations: params.iterations };
    }

    const ctx: BagContext = { secret: { utf8, bmp, budget }, macVerified: mac !== null, name };
    const out: BagCollector = { certificates: [], keys: [], crls: [], schemes: new Set(), skipped: [] };
    items(parseBer(authSafe, 'AuthenticatedSafe'), 'AuthenticatedSafe').forEach((info, i) => {
      const [ciType, ciContent] = items(info, `AuthenticatedSafe item ${i + 1}`, 1);
      const contentType = oid(ciType, 'ContentInfo type');
      if (contentType === CONTENT.data) {
        readSafeContents(parseBer(octets(explicit(ciContent, 0, 'data'), 'data'), 'SafeContents'), ctx, out);
      } else if (contentType === CONTENT.encryptedData) {
        const [, eci] = items(explicit(ciContent, 0, 'encryptedData'), 'EncryptedData', 2);
        const [, algNode, dataNode] = items(eci, 'EncryptedContentInfo', 3);
        const plain = decryptOrExplain(algNode, octets(dataNode, 'encrypted content', 0), ctx, `the certificate section (encryptedData) of ${name}`, out);
        try {
          readSafeContents(parseBer(plain, 'decrypted SafeContents'), ctx, out);
        } finally {
          plain.fill(0);
        }
      } else if (contentType === CONTENT.envelopedData) {
        throw new PkiFailure('UNSUPPORTED', `${name} uses public-key privacy mode (envelopedData), which needs the recipient's key; re-export with a passphrase`);
      } else {
        throw malformed(`${name}: AuthenticatedSafe item ${i + 1} has content type ${contentType}`);
      }
    });
    return { ok: true, certificates: out.certificates, keys: out.keys, crls: out.crls, mac, schemes: [...out.schemes], skipped: out.skipped };
  } catch (error) {
    if (error instanceof PkiFailure) return { ok: false, code: error.code, message: error.message };
    // asn1js and node:crypto surprises on hostile input: report, never crash the main process.
    return { ok: false, code: 'MALFORMED', message: `${name} could not be read (${error instanceof Error ? error.name : 'error'})` };
  } finally {
    for (const b of tried) b.fill(0);
    utf8.fill(0);
  }
}
