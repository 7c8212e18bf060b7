// x509 (via tsyringe) needs the Reflect polyfill before it loads; keep this import first.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { children, readTlv } from '../../shared/pki/der';
import { algorithmProfile, signDer } from '../../shared/ca/algorithms';
import { writeCrl, type CrlEntryInput } from '../../shared/ca/crl-encode';

/**
 * Fleet-sized signed CRLs in well under a second, for tests and `npm run bench`: the CA comes
 * from @peculiar/x509, the CRL from the CA's own fast writer (shared/ca/crl-encode.ts: x509's
 * generator and parser cannot handle 100k entries), signed with WebCrypto.
 */

export interface BigCrlOptions {
  readonly entries: number;
  /** If given, writes ca.pem, crl.pem (label `X509 CRL`) and crl.der here. */
  readonly dir?: string;
  readonly thisUpdate?: Date;
  /** null omits nextUpdate (allowed by RFC 5280, refused by some consumers). Default thisUpdate + 7 days. */
  readonly nextUpdate?: Date | null;
  readonly crlNumber?: number;
  /** How many revoked serials to return as a sample (spread evenly, first and last included). */
  readonly sampleSize?: number;
}

/** A revoked serial as the parser reports it: lowercase hex, no leading zeros; reason name or null. */
export interface RevokedSample {
  readonly serial: string;
  readonly reason: string | null;
}

export interface BigCrl {
  readonly der: Uint8Array<ArrayBuffer>;
  readonly pem: string;
  readonly ca: { readonly cert: x509.X509Certificate; readonly keys: CryptoKeyPair; readonly pem: string; readonly spkiDer: Uint8Array };
  readonly entries: number;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  readonly crlNumber: number;
  readonly revoked: readonly RevokedSample[];
  /** Serials guaranteed absent (first byte below 0x40, while every listed serial starts at 0x40-0x7f). */
  readonly notRevoked: readonly string[];
  readonly paths: { readonly ca: string; readonly crlPem: string; readonly crlDer: string } | null;
}

const DAY = 86_400_000;
/** Reason codes used round-robin on every third entry (removeFromCRL is for delta CRLs only). */
const REASON_CODES = [1, 2, 3, 4, 5, 6, 9, 10] as const;
const REASON_NAMES: Readonly<Record<number, string>> = {
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
};
const DATES = 64;

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').replace(/^0+(?=.)/, '');
}

async function makeCa(now: Date): Promise<BigCrl['ca']> {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: hex(Uint8Array.of(0x40, ...randomBytes(15))),
    name: 'CN=Sentinel Bench CRL CA, O=Sentinel Test',
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 365 * DAY),
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys, pem: cert.toString('pem'), spkiDer: new Uint8Array(cert.publicKey.rawData) };
}

/** The CA's subject exactly as encoded in its certificate (the CRL issuer must match byte for byte). */
function subjectDer(cert: x509.X509Certificate): Uint8Array {
  const der = new Uint8Array(cert.rawData);
  const tbs = children(der, readTlv(der, 0))[0];
  if (!tbs) throw new Error('CA certificate has no tbsCertificate');
  const fields = children(der, tbs);
  const subject = fields[(fields[0]?.tag === 0xa0 ? 1 : 0) + 4];
  if (!subject) throw new Error('CA certificate has no subject');
  return der.subarray(subject.start, subject.end);
}

/** Random 16-byte serials in 0x40-0x7f.., every third with a reasonCode, 64 distinct revocation times. */
function revokedEntries(count: number, thisUpdate: Date, sampleSize: number): { entries: CrlEntryInput[]; sample: RevokedSample[] } {
  const serials = randomBytes(16 * count);
  const dates = Array.from({ length: DATES }, (_, i) => new Date(thisUpdate.getTime() - (i + 1) * 3_600_000));
  const every = Math.max(1, Math.floor(count / Math.max(1, sampleSize - 1)));
  const sample: RevokedSample[] = [];
  const entries: CrlEntryInput[] = new Array<CrlEntryInput>(count);
  for (let i = 0; i < count; i++) {
    const code = i % 3 === 0 ? REASON_CODES[(i / 3) % REASON_CODES.length] : undefined;
    const s = serials.subarray(i * 16, i * 16 + 16);
    s[0] = ((s[0] as number) & 0x7f) | 0x40;
    entries[i] = { serial: s, revokedAt: dates[i % DATES] as Date, reasonCode: code ?? null };
    if (i % every === 0 || i === count - 1) sample.push({ serial: hex(s), reason: code === undefined ? null : (REASON_NAMES[code] ?? null) });
  }
  return { entries, sample };
}

function pemOf(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Generates a CA and a signed CRL listing `entries` random serials (every third with a reasonCode). */
export async function generateBigCrl(opts: BigCrlOptions): Promise<BigCrl> {
  if (!Number.isInteger(opts.entries) || opts.entries < 0) throw new Error(`entries must be a non-negative integer, got ${opts.entries}`);
  const thisUpdate = opts.thisUpdate ?? new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  const nextUpdate = opts.nextUpdate === undefined ? new Date(thisUpdate.getTime() + 7 * DAY) : opts.nextUpdate;
  const crlNumber = opts.crlNumber ?? 1;
  const ca = await makeCa(thisUpdate);
  const ski = ca.cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  if (!ski) throw new Error('CA has no subject key identifier');
  const { entries, sample } = revokedEntries(opts.entries, thisUpdate, opts.sampleSize ?? 200);
  const ec = algorithmProfile('ec-p256');
  const der = await writeCrl(
    {
      issuerDer: subjectDer(ca.cert),
      signatureAlgorithmDer: ec.signatureAlgorithmDer,
      thisUpdate,
      nextUpdate,
      crlNumber,
      authorityKeyId: Buffer.from(ski, 'hex'),
      entries,
    },
    (tbs) => signDer('ec-p256', ca.keys.privateKey, tbs),
  );
  const pem = pemOf(der, 'X509 CRL');
  const notRevoked = Array.from({ length: 8 }, () => {
    const s = randomBytes(16);
    s[0] = ((s[0] as number) & 0x3f) | 0x01;
    return hex(s);
  });
  let paths: BigCrl['paths'] = null;
  if (opts.dir) {
    await mkdir(opts.dir, { recursive: true });
    paths = { ca: join(opts.dir, 'ca.pem'), crlPem: join(opts.dir, 'crl.pem'), crlDer: join(opts.dir, 'crl.der') };
    await Promise.all([writeFile(paths.ca, ca.pem), writeFile(paths.crlPem, pem), writeFile(paths.crlDer, der)]);
  }
  return { der, pem, ca, entries: opts.entries, thisUpdate, nextUpdate, crlNumber, revoked: sample, notRevoked, paths };
}
