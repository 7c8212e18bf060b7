import type { OutgoingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import type { Socket } from 'node:net';
import type { Attempt } from '../../../shared/probe/attempt';
import { classifyProbeError } from '../../../shared/probe/classify';
import type { ConnectionSettings, TlsIdentity } from './target';

/** Bodies are read for verdicts only (error JSON, echoes); more than this is never needed. */
const MAX_BODY_BYTES = 64 * 1024;

export interface HttpsSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: string;
  /** Client certificate to present when the proxy asks for one; null: none. */
  readonly identity: TlsIdentity | null;
}

const BASE_HEADERS: OutgoingHttpHeaders = { 'user-agent': 'sentinel-console-probe', accept: 'application/json' };

class ProbeTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

/**
 * One HTTPS request on its own connection: no agent is shared (`agent: false`), so no session
 * is resumed and each request makes a full handshake with exactly the identity given. The
 * connect bound covers TCP + TLS handshake, the total bound the whole exchange; either one
 * destroys the socket. Never throws: every outcome is an Attempt.
 */
export function httpsAttempt(conn: ConnectionSettings, spec: HttpsSpec): Promise<Attempt> {
  const { target, timeouts } = conn;
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let phase: 'connect' | 'response' = 'connect';
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const headers: OutgoingHttpHeaders = { ...BASE_HEADERS, ...spec.headers };
    if (spec.body !== undefined) headers['content-length'] = Buffer.byteLength(spec.body);

    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      const e = err as NodeJS.ErrnoException;
      const message = e instanceof Error ? e.message : String(err);
      resolve({ kind: 'error', error: classifyProbeError(e.code, message), code: e.code, message, phase, ms: elapsed() });
    };

    let req: ReturnType<typeof request>;
    try {
      req = request({
        host: target.host,
        port: target.port,
        method: spec.method,
        path: spec.path,
        headers,
        agent: false,
        // '' keeps an IP literal out of SNI; the certificate is then checked against the IP.
        servername: target.servername ?? '',
        ca: conn.ca,
        cert: spec.identity?.cert,
        key: spec.identity?.key,
        rejectUnauthorized: conn.verify,
      });
    } catch (err) {
      fail(err);
      return;
    }
    const abort = (message: string): void => {
      const err = new ProbeTimeout(message);
      fail(err);
      req.destroy(err);
    };
    timers.push(setTimeout(() => abort(`no TCP connection and TLS handshake within ${timeouts.connectMs} ms`), timeouts.connectMs));
    timers.push(setTimeout(() => abort(`no complete answer within ${timeouts.totalMs} ms`), timeouts.totalMs));

    req.on('socket', (socket: Socket) => {
      socket.once('secureConnect', () => {
        phase = 'response';
        clearTimeout(timers[0]);
      });
    });
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (): void => {
        if (settled) return;
        settled = true;
        timers.forEach(clearTimeout);
        const body = Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
        resolve({ kind: 'response', status: res.statusCode ?? 0, body, ms: elapsed() });
        req.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_BODY_BYTES) done();
      });
      res.on('end', done);
      res.on('error', fail);
    });
    req.end(spec.body);
  });
}
