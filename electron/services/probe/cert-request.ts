import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { nameDerToRfc4514 } from '../../../shared/probe/certificates';
import { buildClientHello, MAX_FLIGHT_BYTES, parseServerFlight } from '../../../shared/probe/tls12';
import { toHex } from '../../../shared/pki/hex';
import type { ProbeTarget } from './target';

/** Whether the proxy asks for a client certificate, read off a TLS 1.2 handshake; or why that is unknown. */
export type CertRequestResult =
  | {
      readonly known: true;
      readonly requestsClientCert: boolean;
      readonly acceptableCas: readonly string[];
      /** The Certificate message exactly as sent (plaintext in TLS 1.2), leaf first. */
      readonly certificates: readonly Uint8Array[];
    }
  | { readonly known: false; readonly reason: string };

// TLS alert descriptions worth naming (RFC 8446 §6).
const ALERTS: Readonly<Record<number, string>> = {
  40: 'handshake_failure',
  47: 'illegal_parameter',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  112: 'unrecognized_name',
};

function caName(der: Uint8Array): string {
  try {
    return nameDerToRfc4514(der);
  } catch {
    return `#${toHex(der)}`;
  }
}

/**
 * Sends a TLS 1.2 ClientHello on a plain TCP socket and reads the server's plaintext first
 * flight up to ServerHelloDone, then hangs up: no keys are ever agreed. A server that does
 * not speak TLS 1.2 answers with an alert, and the result is "unknown".
 */
export function probeCertificateRequest(target: ProbeTarget, connectMs: number): Promise<CertRequestResult> {
  return new Promise((resolve) => {
    let settled = false;
    let received = new Uint8Array(0);
    const socket = connect({ host: target.host, port: target.port });
    const finish = (result: CertRequestResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ known: false, reason: `no TLS 1.2 server hello within ${connectMs} ms` }), connectMs);
    socket.once('connect', () => socket.write(buildClientHello(target.servername, randomBytes(32))));
    socket.on('data', (chunk: Buffer) => {
      if (received.length + chunk.length > MAX_FLIGHT_BYTES) {
        finish({ known: false, reason: `the server's first flight exceeds ${MAX_FLIGHT_BYTES} bytes` });
        return;
      }
      const next = new Uint8Array(received.length + chunk.length);
      next.set(received);
      next.set(chunk, received.length);
      received = next;
      const result = parseServerFlight(received);
      switch (result.kind) {
        case 'incomplete':
          return;
        case 'complete': {
          const request = result.flight.certificateRequest;
          finish({ known: true, requestsClientCert: request !== null, acceptableCas: request ? request.authorities.map(caName) : [], certificates: result.flight.certificates });
          return;
        }
        case 'alert':
          finish({ known: false, reason: `the server refused a TLS 1.2 handshake (alert ${ALERTS[result.description] ?? result.description})` });
          return;
        case 'malformed':
          finish({ known: false, reason: `the server's TLS 1.2 answer could not be read: ${result.message}` });
          return;
      }
    });
    socket.once('end', () => finish({ known: false, reason: 'the server closed the connection during a TLS 1.2 handshake' }));
    socket.on('error', (err: NodeJS.ErrnoException) => finish({ known: false, reason: `no TLS 1.2 handshake: ${err.code ?? err.message}` }));
  });
}
