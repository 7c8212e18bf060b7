/**
 * Reads a TLS 1.2 server's first flight (ServerHello .. ServerHelloDone) from the bytes
 * received so far. Pure and bounded: called again on the whole buffer whenever more arrives,
 * it answers "incomplete" until the flight ends, an alert arrives or the bytes make no sense.
 */

export const MAX_FLIGHT_BYTES = 1024 * 1024;

const RECORD_HANDSHAKE = 22;
const RECORD_ALERT = 21;
const MAX_RECORD = 16_384 + 2048;

const HS_SERVER_HELLO = 2;
const HS_CERTIFICATE = 11;
const HS_CERTIFICATE_REQUEST = 13;
const HS_SERVER_HELLO_DONE = 14;

export interface CertificateRequestInfo {
  readonly certificateTypes: readonly number[];
  readonly signatureAlgorithms: readonly number[];
  /** DER Names of the CAs the server accepts client certificates from (may be empty). */
  readonly authorities: readonly Uint8Array[];
}

export interface ServerFlight {
  /** server_version of the ServerHello: 0x0303 for TLS 1.2. */
  readonly version: number;
  readonly cipherSuite: number;
  /** The certificate_list exactly as sent, leaf first. */
  readonly certificates: readonly Uint8Array[];
  readonly certificateRequest: CertificateRequestInfo | null;
}

export type FlightResult =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'complete'; readonly flight: ServerFlight }
  | { readonly kind: 'alert'; readonly level: number; readonly description: number }
  | { readonly kind: 'malformed'; readonly message: string };

class Malformed extends Error {}

/** A cursor over one handshake message body; every read checks its bounds. */
class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  private need(n: number): void {
    if (this.pos + n > this.bytes.length) throw new Malformed('a handshake message is shorter than its fields say');
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.pos++] as number;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u24(): number {
    return (this.u8() << 16) | (this.u8() << 8) | this.u8();
  }
  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
  get offset(): number {
    return this.pos;
  }
}

function readCertificates(body: Uint8Array): Uint8Array[] {
  const r = new Reader(body);
  const list = new Reader(r.take(r.u24()));
  const out: Uint8Array[] = [];
  while (!list.done) out.push(list.take(list.u24()));
  return out;
}

function readCertificateRequest(body: Uint8Array, version: number): CertificateRequestInfo {
  const r = new Reader(body);
  const certificateTypes = Array.from(r.take(r.u8()));
  const signatureAlgorithms: number[] = [];
  if (version >= 0x0303) {
    const algs = new Reader(r.take(r.u16()));
    while (!algs.done) signatureAlgorithms.push(algs.u16());
  }
  const names = new Reader(r.take(r.u16()));
  const authorities: Uint8Array[] = [];
  while (!names.done) authorities.push(names.take(names.u16()));
  return { certificateTypes, signatureAlgorithms, authorities };
}

/** Concatenates the handshake records' payloads; stops at the first alert or incomplete record. */
function collect(bytes: Uint8Array): { handshake: Uint8Array; alert: { level: number; description: number } | null; complete: boolean } {
  const parts: Uint8Array[] = [];
  let pos = 0;
  while (pos + 5 <= bytes.length) {
    const type = bytes[pos] as number;
    if (type !== RECORD_HANDSHAKE && type !== RECORD_ALERT) {
      const hint = type >= 0x20 && type < 0x7f ? ` ("${String.fromCharCode(type)}…": plain text, not TLS)` : '';
      throw new Malformed(`unexpected TLS record type ${type}${hint}`);
    }
    if (bytes[pos + 1] !== 0x03) throw new Malformed('the server answered with a record that is not TLS');
    const length = ((bytes[pos + 3] as number) << 8) | (bytes[pos + 4] as number);
    if (length > MAX_RECORD) throw new Malformed(`TLS record of ${length} bytes is too long`);
    if (pos + 5 + length > bytes.length) break;
    const payload = bytes.subarray(pos + 5, pos + 5 + length);
    if (type === RECORD_ALERT) {
      if (payload.length < 2) throw new Malformed('truncated alert');
      return { handshake: join(parts), alert: { level: payload[0] as number, description: payload[1] as number }, complete: true };
    }
    parts.push(payload);
    pos += 5 + length;
  }
  return { handshake: join(parts), alert: null, complete: false };
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function parseServerFlight(bytes: Uint8Array): FlightResult {
  try {
    if (bytes.length > MAX_FLIGHT_BYTES) throw new Malformed(`the server's first flight exceeds ${MAX_FLIGHT_BYTES} bytes`);
    const { handshake, alert } = collect(bytes);
    let version = 0;
    let cipherSuite = 0;
    let sawHello = false;
    let certificates: Uint8Array[] = [];
    let certificateRequest: CertificateRequestInfo | null = null;
    const r = new Reader(handshake);
    while (handshake.length - r.offset >= 4) {
      const start = r.offset;
      const type = r.u8();
      const length = r.u24();
      if (length > MAX_FLIGHT_BYTES) throw new Malformed(`handshake message of ${length} bytes is too long`);
      if (start + 4 + length > handshake.length) break;
      const body = r.take(length);
      if (!sawHello && type !== HS_SERVER_HELLO) throw new Malformed(`expected ServerHello, got handshake type ${type}`);
      switch (type) {
        case HS_SERVER_HELLO: {
          const hello = new Reader(body);
          version = hello.u16();
          hello.take(32);
          hello.take(hello.u8());
          cipherSuite = hello.u16();
          sawHello = true;
          break;
        }
        case HS_CERTIFICATE:
          certificates = readCertificates(body);
          break;
        case HS_CERTIFICATE_REQUEST:
          certificateRequest = readCertificateRequest(body, version);
          break;
        case HS_SERVER_HELLO_DONE:
          return { kind: 'complete', flight: { version, cipherSuite, certificates, certificateRequest } };
        default:
          break; // ServerKeyExchange, CertificateStatus: not needed here
      }
    }
    if (alert) return { kind: 'alert', ...alert };
    return { kind: 'incomplete' };
  } catch (err) {
    if (err instanceof Malformed) return { kind: 'malformed', message: err.message };
    throw err;
  }
}

