/**
 * A bare TLS 1.2 ClientHello. Node cannot say whether a server sent a CertificateRequest (it
 * answers one silently), but in TLS 1.2 the server's whole first flight is plaintext, so the
 * probe sends this on a plain TCP socket and reads the flight with tls12-flight.ts.
 */

/** AEAD suites first (what current proxies choose), then CBC and RSA key exchange for old ones. */
export const OFFERED_SUITES: readonly number[] = [
  0xc02b, // ECDHE-ECDSA-AES128-GCM-SHA256
  0xc02f, // ECDHE-RSA-AES128-GCM-SHA256
  0xc02c, // ECDHE-ECDSA-AES256-GCM-SHA384
  0xc030, // ECDHE-RSA-AES256-GCM-SHA384
  0xcca9, // ECDHE-ECDSA-CHACHA20-POLY1305
  0xcca8, // ECDHE-RSA-CHACHA20-POLY1305
  0x009e, // DHE-RSA-AES128-GCM-SHA256
  0x009f, // DHE-RSA-AES256-GCM-SHA384
  0xc009, // ECDHE-ECDSA-AES128-SHA
  0xc013, // ECDHE-RSA-AES128-SHA
  0xc00a, // ECDHE-ECDSA-AES256-SHA
  0xc014, // ECDHE-RSA-AES256-SHA
  0x009c, // AES128-GCM-SHA256
  0x009d, // AES256-GCM-SHA384
  0x002f, // AES128-SHA
  0x0035, // AES256-SHA
  0x00ff, // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
];

const GROUPS = [0x001d, 0x0017, 0x0018, 0x0019, 0x001e]; // x25519, P-256, P-384, P-521, x448
const SIGNATURE_ALGORITHMS = [
  0x0403, 0x0503, 0x0603, // ecdsa_secp256r1_sha256 ... secp521r1_sha512
  0x0807, 0x0808, // ed25519, ed448
  0x0804, 0x0805, 0x0806, // rsa_pss_rsae_sha256 ... sha512
  0x0809, 0x080a, 0x080b, // rsa_pss_pss_sha256 ... sha512
  0x0401, 0x0501, 0x0601, // rsa_pkcs1_sha256 ... sha512
  0x0203, 0x0201, // ecdsa_sha1, rsa_pkcs1_sha1 (old servers only)
];

const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const u24 = (n: number): number[] => [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const list16 = (values: readonly number[]): number[] => [...u16(values.length * 2), ...values.flatMap(u16)];
const extension = (type: number, body: readonly number[]): number[] => [...u16(type), ...u16(body.length), ...body];

/** RFC 6066: SNI carries a DNS name only, never an IP literal. */
function sniExtension(serverName: string): number[] {
  const name = Array.from(new TextEncoder().encode(serverName));
  const entry = [0x00, ...u16(name.length), ...name];
  return extension(0x0000, [...u16(entry.length), ...entry]);
}

/**
 * The ClientHello record: TLS 1.2 only (no supported_versions extension, so a TLS 1.3-only
 * server answers protocol_version). `random` must be 32 bytes; `serverName` null for IP hosts.
 */
export function buildClientHello(serverName: string | null, random: Uint8Array): Uint8Array {
  if (random.length !== 32) throw new RangeError('the ClientHello random must be 32 bytes');
  if (serverName !== null && (serverName.length === 0 || serverName.length > 253)) throw new RangeError('bad server name');
  const extensions = [
    ...(serverName === null ? [] : sniExtension(serverName)),
    ...extension(0x000a, list16(GROUPS)), // supported_groups
    ...extension(0x000b, [0x01, 0x00]), // ec_point_formats: uncompressed
    ...extension(0x000d, list16(SIGNATURE_ALGORITHMS)),
    ...extension(0x0017, []), // extended_master_secret
  ];
  const body = [
    0x03, 0x03, // client_version TLS 1.2
    ...random,
    0x00, // session_id: empty
    ...list16(OFFERED_SUITES),
    0x01, 0x00, // compression: null
    ...u16(extensions.length),
    ...extensions,
  ];
  const handshake = [0x01, ...u24(body.length), ...body];
  // Record version 1.0 is what clients send in the first record for compatibility.
  return new Uint8Array([0x16, 0x03, 0x01, ...u16(handshake.length), ...handshake]);
}

export { parseServerFlight, type ServerFlight, type FlightResult, MAX_FLIGHT_BYTES } from './tls12-flight';
