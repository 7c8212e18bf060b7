import { describe, expect, it } from 'vitest';
import { buildClientHello, MAX_FLIGHT_BYTES, OFFERED_SUITES, parseServerFlight } from './tls12';

const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const u24 = (n: number): number[] => [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const handshake = (type: number, body: number[]): number[] => [type, ...u24(body.length), ...body];
const record = (type: number, payload: number[]): number[] => [type, 0x03, 0x03, ...u16(payload.length), ...payload];

const serverHello = handshake(2, [0x03, 0x03, ...new Array<number>(32).fill(7), 0, ...u16(0xc02b), 0]);
const certificate = (ders: number[][]): number[] => {
  const list = ders.flatMap((d) => [...u24(d.length), ...d]);
  return handshake(11, [...u24(list.length), ...list]);
};
const certificateRequest = (names: number[][]): number[] => {
  const dns = names.flatMap((n) => [...u16(n.length), ...n]);
  return handshake(13, [1, 64, ...u16(4), 0x04, 0x03, 0x08, 0x04, ...u16(dns.length), ...dns]);
};
const done = handshake(14, []);
const fakeDer = [0x30, 0x03, 0x02, 0x01, 0x05];
const nameA = [0x30, 0x00];
const nameB = [0x30, 0x02, 0x31, 0x00];

/** Extensions of a ClientHello, by type, read back from the bytes the builder made. */
function extensionsOf(hello: Uint8Array): Map<number, Uint8Array> {
  let pos = 5 + 4 + 2 + 32;
  pos += 1 + (hello[pos] as number);
  pos += 2 + (((hello[pos] as number) << 8) | (hello[pos + 1] as number));
  pos += 1 + (hello[pos] as number);
  const end = pos + 2 + (((hello[pos] as number) << 8) | (hello[pos + 1] as number));
  pos += 2;
  const out = new Map<number, Uint8Array>();
  while (pos < end) {
    const type = ((hello[pos] as number) << 8) | (hello[pos + 1] as number);
    const len = ((hello[pos + 2] as number) << 8) | (hello[pos + 3] as number);
    out.set(type, hello.subarray(pos + 4, pos + 4 + len));
    pos += 4 + len;
  }
  expect(pos).toBe(hello.length);
  return out;
}

describe('buildClientHello', () => {
  const random = new Uint8Array(32).fill(9);

  it('is one handshake record whose lengths add up, offering TLS 1.2 and the listed suites', () => {
    const hello = buildClientHello('proxy.example', random);
    expect([...hello.subarray(0, 3)]).toEqual([0x16, 0x03, 0x01]);
    expect(((hello[3] as number) << 8) | (hello[4] as number)).toBe(hello.length - 5);
    expect(hello[5]).toBe(1);
    expect([...hello.subarray(9, 11)]).toEqual([0x03, 0x03]);
    expect([...hello.subarray(11, 43)]).toEqual([...random]);
    const suitesLen = ((hello[44] as number) << 8) | (hello[45] as number);
    expect(suitesLen).toBe(OFFERED_SUITES.length * 2);
  });

  it('sends SNI for a host name, none for an IP literal, and never supported_versions', () => {
    const named = extensionsOf(buildClientHello('proxy.example', random));
    expect(new TextDecoder().decode(named.get(0x0000)?.subarray(5))).toBe('proxy.example');
    for (const ext of [0x000a, 0x000b, 0x000d]) expect(named.has(ext)).toBe(true);
    expect(named.has(0x002b)).toBe(false);
    expect(extensionsOf(buildClientHello(null, random)).has(0x0000)).toBe(false);
  });

  it('refuses a random of the wrong size', () => {
    expect(() => buildClientHello(null, new Uint8Array(31))).toThrow(RangeError);
  });
});

describe('parseServerFlight', () => {
  it('reads the certificates as sent and the CA names of a CertificateRequest', () => {
    const bytes = new Uint8Array(record(22, [...serverHello, ...certificate([fakeDer, fakeDer]), ...certificateRequest([nameA, nameB]), ...done]));
    const result = parseServerFlight(bytes);
    expect(result.kind).toBe('complete');
    if (result.kind !== 'complete') return;
    expect(result.flight.version).toBe(0x0303);
    expect(result.flight.cipherSuite).toBe(0xc02b);
    expect(result.flight.certificates.map((c) => [...c])).toEqual([fakeDer, fakeDer]);
    expect(result.flight.certificateRequest?.authorities.map((a) => [...a])).toEqual([nameA, nameB]);
    expect(result.flight.certificateRequest?.signatureAlgorithms).toEqual([0x0403, 0x0804]);
  });

  it('says no CertificateRequest when the server sent none', () => {
    const result = parseServerFlight(new Uint8Array(record(22, [...serverHello, ...certificate([fakeDer]), ...done])));
    expect(result.kind === 'complete' && result.flight.certificateRequest).toBe(null);
  });

  it('waits for more bytes, across records and messages split anywhere', () => {
    const flight = [...serverHello, ...certificate([fakeDer]), ...certificateRequest([nameA]), ...done];
    const split = 20;
    const bytes = [...record(22, flight.slice(0, split)), ...record(22, flight.slice(split))];
    for (let cut = 0; cut < bytes.length; cut++) expect(parseServerFlight(new Uint8Array(bytes.slice(0, cut))).kind).toBe('incomplete');
    expect(parseServerFlight(new Uint8Array(bytes)).kind).toBe('complete');
  });

  it('reports an alert (a TLS 1.3-only server refusing TLS 1.2)', () => {
    expect(parseServerFlight(new Uint8Array(record(21, [2, 70])))).toEqual({ kind: 'alert', level: 2, description: 70 });
  });

  it('calls plain text and lying lengths malformed, not a crash', () => {
    const http = new TextEncoder().encode('HTTP/1.1 400 Bad Request\r\n\r\n');
    expect(parseServerFlight(http)).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/not TLS/) });
    const lyingHello = handshake(2, [0x03, 0x03, ...new Array<number>(32).fill(7), 200, ...u16(0xc02b), 0]);
    expect(parseServerFlight(new Uint8Array(record(22, [...lyingHello, ...done]))).kind).toBe('malformed');
    const badCert = handshake(11, [...u24(50), 0, 0, 1]);
    expect(parseServerFlight(new Uint8Array(record(22, [...serverHello, ...badCert, ...done]))).kind).toBe('malformed');
  });

  it('gives up on a flight larger than the bound', () => {
    expect(parseServerFlight(new Uint8Array(MAX_FLIGHT_BYTES + 1)).kind).toBe('malformed');
  });
});
