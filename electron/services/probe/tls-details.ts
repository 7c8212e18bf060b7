import { checkServerIdentity, type DetailedPeerCertificate, type PeerCertificate, type SecureVersion } from 'node:tls';
import type { ChainCertificate, TlsDetails, TlsProtocol } from '../../../shared/model/probe';
import { classifyProbeError, describeProbeError } from '../../../shared/probe/classify';
import { summarizeCertificate } from '../../../shared/probe/certificates';
import type { CertRequestResult } from './cert-request';
import { type InspectResult, inspectHandshake } from './inspect-handshake';
import { type ConnectionSettings, identityName } from './target';

const PROTOCOLS: readonly TlsProtocol[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

interface Session {
  readonly version: string | null;
  readonly cipher: string | null;
  readonly sent: readonly Uint8Array[];
  readonly hostnameError: Error | undefined;
  readonly ocspStapled: boolean;
}

/**
 * The certificates in the order the issuer links run. With an empty trust store, Node's walk
 * can only use certificates the server sent, so this is the chain as sent (a sent certificate
 * outside the chain is left out).
 */
function sentChain(leaf: DetailedPeerCertificate): Uint8Array[] {
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

function verification(conn: ConnectionSettings): Promise<InspectResult<string | null>> {
  return inspectHandshake({ target: conn.target, ca: conn.ca, connectMs: conn.timeouts.connectMs }, ({ socket }) =>
    socket.authorized ? null : String(socket.authorizationError ?? 'UNABLE_TO_VERIFY'),
  );
}

function session(conn: ConnectionSettings): Promise<InspectResult<Session>> {
  const spec = { target: conn.target, ca: [], connectMs: conn.timeouts.connectMs, requestOCSP: true };
  return inspectHandshake(spec, ({ socket, ocsp }) => {
    const leaf = socket.getPeerCertificate(true);
    const plain: PeerCertificate = leaf;
    return {
      version: socket.getProtocol(),
      cipher: socket.getCipher()?.name ?? null,
      sent: sentChain(leaf),
      hostnameError: plain.raw ? checkServerIdentity(identityName(conn.target), plain) : new Error('no certificate'),
      ocspStapled: ocsp !== null && ocsp.length > 0,
    };
  });
}

async function protocols(conn: ConnectionSettings): Promise<Record<TlsProtocol, boolean>> {
  const tried = await Promise.all(
    PROTOCOLS.map((version: SecureVersion) => inspectHandshake({ target: conn.target, ca: [], connectMs: conn.timeouts.connectMs, version }, () => true)),
  );
  const out = { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false };
  PROTOCOLS.forEach((p, i) => (out[p] = tried[i]?.ok === true));
  return out;
}

/**
 * Version, cipher, the chain as sent, verification, the versions accepted, stapling and the
 * client-certificate request: each on its own connection, all at once.
 */
export async function collectTlsDetails(conn: ConnectionSettings, certRequest: Promise<CertRequestResult>, now: Date): Promise<TlsDetails> {
  const [s, verified, accepted, request] = await Promise.all([
    session(conn),
    conn.verify ? verification(conn) : Promise.resolve(null),
    protocols(conn),
    certRequest,
  ]);
  const chain: ChainCertificate[] = s.ok ? await Promise.all(s.value.sent.map((der) => summarizeCertificate(der, now))) : [];
  const clientCert = request.known ? { requestsClientCert: request.requestsClientCert, acceptableCas: request.acceptableCas } : { requestsClientCert: null, acceptableCas: [] };
  const base = {
    version: s.ok ? s.value.version : null,
    cipher: s.ok ? s.value.cipher : null,
    chain,
    hostnameVerified: s.ok && s.value.hostnameError === undefined,
    protocols: accepted,
    ocspStapled: s.ok && s.value.ocspStapled,
    ...clientCert,
  };
  if (!s.ok) return { ...base, chainVerified: conn.verify ? false : null, verifyError: s.error, verifyMessage: describeProbeError(s.error, s.code, s.message) };
  if (verified === null) return { ...base, chainVerified: null, verifyError: null, verifyMessage: 'Not verified: the profile is marked insecure.' };
  if (!verified.ok) return { ...base, chainVerified: false, verifyError: verified.error, verifyMessage: describeProbeError(verified.error, verified.code, verified.message) };
  if (verified.value !== null) {
    const error = classifyProbeError(verified.value, '');
    return { ...base, chainVerified: false, verifyError: error, verifyMessage: describeProbeError(error, verified.value, verified.value) };
  }
  const hostError = s.value.hostnameError;
  if (hostError) return { ...base, chainVerified: true, verifyError: 'hostname-mismatch', verifyMessage: describeProbeError('hostname-mismatch', undefined, hostError.message) };
  return { ...base, chainVerified: true, verifyError: null, verifyMessage: null };
}
