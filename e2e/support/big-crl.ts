// x509 (via tsyringe) needs the Reflect polyfill before it loads; keep this import first.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { children, readTlv } from '../../shared/pki/der';

/**
 * Fleet-sized signed CRLs in well under a second, for tests and `npm run bench`: the CA comes
 * from @peculiar/x509, but the TBSCertList is written byte by byte into one buffer (x509's
 * generator and parser cannot handle 100k entries) and signed with WebCrypto.
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
const ECDSA_SHA256 = Uint8Array.of(0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02);
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

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const size = parts.reduce((n, p) => n + p.length, 0);
  const head = [tag, ...lengthBytes(size)];
  const out = new Uint8Array(head.length + size);
  out.set(head, 0);
  let o = head.length;
  for (const p of parts) out.set(p, (o += p.length) - p.length);
  return out;
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §5.1.2.4). */
function time(date: Date): Uint8Array {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const utc = date.getUTCFullYear() < 2050;
  return tlv(utc ? 0x17 : 0x18, new TextEncoder().encode(`${utc ? iso.slice(2) : iso}Z`));
}

function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.subarray(start);
  return tlv(0x02, ((body[0] as number) & 0x80) !== 0 ? Uint8Array.of(0, ...body) : body);
}

function extension(oidLastByte: number, value: Uint8Array): Uint8Array {
  return tlv(0x30, Uint8Array.of(0x06, 0x03, 0x55, 0x1d, oidLastByte), tlv(0x04, value));
}

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

/** revokedCertificates written straight into one buffer: 35 bytes per entry, 49 with a reasonCode. */
function revokedList(count: number, thisUpdate: Date, sampleSize: number): { list: Uint8Array; sample: RevokedSample[] } {
  const serials = randomBytes(16 * count);
  const dates = Array.from({ length: DATES }, (_, i) => time(new Date(thisUpdate.getTime() - (i + 1) * 3_600_000)));
  const withReason = Math.floor((count + 2) / 3);
  const content = count * 35 + withReason * 14;
  const head = [0x30, ...lengthBytes(content)];
  const out = new Uint8Array(head.length + content);
  out.set(head, 0);
  const every = Math.max(1, Math.floor(count / Math.max(1, sampleSize - 1)));
  const sample: RevokedSample[] = [];
  let o = head.length;
  for (let i = 0; i < count; i++) {
    const code = i % 3 === 0 ? REASON_CODES[(i / 3) % REASON_CODES.length] : undefined;
    out[o] = 0x30;
    out[o + 1] = code === undefined ? 33 : 47;
    out[o + 2] = 0x02;
    out[o + 3] = 16;
    const s = serials.subarray(i * 16, i * 16 + 16);
    s[0] = ((s[0] as number) & 0x7f) | 0x40;
    out.set(s, o + 4);
    out.set(dates[i % DATES] as Uint8Array, o + 20);
    o += 35;
    if (code !== undefined) {
      out.set([0x30, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0a, 0x01, code], o);
      o += 14;
    }
    if (i % every === 0 || i === count - 1) sample.push({ serial: hex(s), reason: code === undefined ? null : (REASON_NAMES[code] ?? null) });
  }
  return { list: out, sample };
}

/** WebCrypto's raw r||s → DER ECDSA-Sig-Value, as X.509 carries it. */
function ecdsaDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return tlv(0x30, unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
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
  const { list, sample } = revokedList(opts.entries, thisUpdate, opts.sampleSize ?? 200);
  const crlNumberBytes = new Uint8Array(8);
  new DataView(crlNumberBytes.buffer).setBigUint64(0, BigInt(crlNumber));
  const extensions = tlv(
    0xa0,
    tlv(0x30, extension(0x23, tlv(0x30, tlv(0x80, Buffer.from(ski, 'hex')))), extension(0x14, unsignedInteger(crlNumberBytes))),
  );
  const tbs = tlv(
    0x30,
    Uint8Array.of(0x02, 0x01, 0x01),
    ECDSA_SHA256,
    subjectDer(ca.cert),
    time(thisUpdate),
    ...(nextUpdate ? [time(nextUpdate)] : []),
    ...(opts.entries > 0 ? [list] : []),
    extensions,
  );
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ca.keys.privateKey, tbs));
  const der = tlv(0x30, tbs, ECDSA_SHA256, tlv(0x03, Uint8Array.of(0), ecdsaDer(raw)));
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
