import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { checkServerIdentity, type DetailedPeerCertificate, type PeerCertificate, type SecureVersion } from 'node:tls';
import type { ChainCertificate, TlsDetails, TlsProtocol } from '../../../shared/model/probe';
import { describeProbeError, isCertificateTrust } from '../../../shared/probe/classify';
import { summarizeCertificate } from '../../../shared/probe/certificates';
import type { CertRequestResult } from './cert-request';
import { type InspectResult, inspectHandshake } from './inspect-handshake';
import { type ConnectionSettings, identityName } from './target';

const PROTOCOLS: readonly TlsProtocol[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Whether the leaf the proxy sent names `name` (DNS, or an IP SAN for an address), read from its DER when no session stands. */
function leafNames(der: Uint8Array, name: string): boolean {
  const cert = new X509Certificate(der);
  return (isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined;
}

interface Session {
  readonly version: string | null;
  readonly cipher: string | null;
  /** Node's issuer walk: the chain as sent, plus the anchor from the trust store when it was not sent. */
  readonly walked: readonly Uint8Array[];
  readonly hostnameError: Error | undefined;
  readonly ocspStapled: boolean;
}

function issuerWalk(leaf: DetailedPeerCertificate): Uint8Array[] {
  const out: Uint8Array[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(new Uint8Array(cert.raw));
    cert = cert.issuerCertificate;
  }
  return out;
}

/** One handshake verified as the profile says: version, cipher, stapling, and the chain and host name facts. */
function session(conn: ConnectionSettings): Promise<InspectResult<Session>> {
  const spec = { target: conn.target, ca: conn.ca, verify: conn.verify, connectMs: conn.timeouts.connectMs, requestOCSP: true };
  return inspectHandshake(spec, ({ socket, ocsp }) => {
    const leaf = socket.getPeerCertificate(true);
    const plain: PeerCertificate = leaf;
    return {
      version: socket.getProtocol(),
      cipher: socket.getCipher()?.name ?? null,
      walked: issuerWalk(leaf),
      hostnameError: plain.raw ? checkServerIdentity(identityName(conn.target), plain) : new Error('no certificate'),
      ocspStapled: ocsp !== null && ocsp.length > 0,
    };
  });
}

/**
 * Each version on its own handshake. A version counts as accepted when the handshake reached
 * the certificate: an untrusted proxy still speaks the version, and its trust is reported apart.
 */
async function protocols(conn: ConnectionSettings): Promise<Record<TlsProtocol, boolean>> {
  const tried = await Promise.all(
    PROTOCOLS.map((version: SecureVersion) =>
      inspectHandshake({ target: conn.target, ca: conn.ca, verify: conn.verify, connectMs: conn.timeouts.connectMs, version }, () => true),
    ),
  );
  const out = { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false };
  PROTOCOLS.forEach((p, i) => {
    const t = tried[i];
    out[p] = t !== undefined && (t.ok || isCertificateTrust(t.error));
  });
  return out;
}

/**
 * Version, cipher, the chain as sent, verification, the versions accepted, stapling and the
 * client-certificate request: each on its own connection, all at once. Every handshake verifies
 * unless the profile is insecure; the chain as sent is read from the plaintext TLS 1.2 flight
 * (so it is there even when the proxy is not trusted), else from Node's issuer walk.
 */
export async function collectTlsDetails(conn: ConnectionSettings, certRequest: Promise<CertRequestResult>, now: Date): Promise<TlsDetails> {
  const [s, accepted, request] = await Promise.all([session(conn), protocols(conn), certRequest]);
  const sent = request.known && request.certificates.length > 0 ? request.certificates : s.ok ? s.value.walked : [];
  const chain: ChainCertificate[] = await Promise.all(sent.map((der) => summarizeCertificate(der, now)));
  const clientCert = request.known ? { requestsClientCert: request.requestsClientCert, acceptableCas: request.acceptableCas } : { requestsClientCert: null, acceptableCas: [] };
  const base = {
    // Untrusted: no session to read, so the newest version the proxy accepted stands in.
    version: s.ok ? s.value.version : ([...PROTOCOLS].reverse().find((p) => accepted[p]) ?? null),
    cipher: s.ok ? s.value.cipher : null,
    chain,
    hostnameVerified: s.ok ? s.value.hostnameError === undefined : sent[0] !== undefined && leafNames(sent[0], identityName(conn.target)),
    protocols: accepted,
    ocspStapled: s.ok && s.value.ocspStapled,
    ...clientCert,
  };
  if (!s.ok) return { ...base, chainVerified: conn.verify ? false : null, verifyError: s.error, verifyMessage: describeProbeError(s.error, s.code, s.message) };
  if (!conn.verify) return { ...base, chainVerified: null, verifyError: null, verifyMessage: 'Not verified: the profile is marked insecure.' };
  const hostError = s.value.hostnameError;
  if (hostError) return { ...base, chainVerified: true, verifyError: 'hostname-mismatch', verifyMessage: describeProbeError('hostname-mismatch', undefined, hostError.message) };
  return { ...base, chainVerified: true, verifyError: null, verifyMessage: null };
}
