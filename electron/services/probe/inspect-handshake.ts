import { connect, type ConnectionOptions, type SecureVersion, type TLSSocket } from 'node:tls';
import type { ProbeErrorClass } from '../../../shared/model/probe';
import { classifyProbeError } from '../../../shared/probe/classify';
import type { ProbeTarget } from './target';

export interface InspectSpec {
  readonly target: ProbeTarget;
  /** Trust for the chain: PEM, or undefined for the system store. */
  readonly ca: string | readonly string[] | undefined;
  /** False only when the profile is marked insecure; otherwise an untrusted chain fails the handshake. */
  readonly verify: boolean;
  readonly connectMs: number;
  readonly version?: SecureVersion;
  readonly requestOCSP?: boolean;
}

export type InspectResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ProbeErrorClass; readonly code: string | undefined; readonly message: string };

/** What the reader gets once the handshake stands: the socket and the stapled OCSP response, if any. */
export interface Handshaken {
  readonly socket: TLSSocket;
  readonly ocsp: Buffer | null;
}

// Node 20's OpenSSL refuses to even offer TLS 1.0/1.1 above security level 0.
const LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';

/**
 * A bare TLS handshake that looks and leaves: no application data is ever written on it. The
 * chain is verified as the profile says (an untrusted one fails with its classified error);
 * the host name is checked by the caller, so a name mismatch is reported as such rather than
 * hiding the version and cipher.
 */
export function inspectHandshake<T>(spec: InspectSpec, read: (h: Handshaken) => T): Promise<InspectResult<T>> {
  const legacy = spec.version === 'TLSv1' || spec.version === 'TLSv1.1';
  return new Promise((resolve) => {
    let settled = false;
    let ocsp: Buffer | null = null;
    let socket: TLSSocket | undefined;
    const finish = (result: InspectResult<T>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(result);
    };
    const fail = (err: unknown): void => {
      const e = err as NodeJS.ErrnoException;
      const message = e instanceof Error ? e.message : String(err);
      finish({ ok: false, error: classifyProbeError(e.code, message), code: e.code, message });
    };
    const timer = setTimeout(
      () => finish({ ok: false, error: 'timeout', code: 'ETIMEDOUT', message: `no TCP connection and TLS handshake within ${spec.connectMs} ms` }),
      spec.connectMs,
    );
    try {
      // requestOCSP is passed on to the TLSSocket by tls.connect, though @types/node omits it there.
      const options: ConnectionOptions & { requestOCSP: boolean } = {
        host: spec.target.host,
        port: spec.target.port,
        servername: spec.target.servername ?? '',
        ca: typeof spec.ca === 'string' || spec.ca === undefined ? spec.ca : [...spec.ca],
        rejectUnauthorized: spec.verify,
        ...(spec.version ? { minVersion: spec.version, maxVersion: spec.version } : {}),
        ...(legacy ? { ciphers: LEGACY_CIPHERS } : {}),
        requestOCSP: spec.requestOCSP === true,
        // The host name is checked by the caller with tls.checkServerIdentity, and reported apart.
        checkServerIdentity: () => undefined,
      };
      socket = connect(options);
    } catch (err) {
      fail(err);
      return;
    }
    socket.on('OCSPResponse', (response: Buffer | null) => {
      ocsp = response;
    });
    socket.once('secureConnect', () => {
      if (!socket) return;
      try {
        finish({ ok: true, value: read({ socket, ocsp }) });
      } catch (err) {
        fail(err);
      }
    });
    // `on`, not `once`: a TLS socket can emit a second error (alert, then reset) after the first.
    socket.on('error', fail);
  });
}
