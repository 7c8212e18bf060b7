import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** One probe request; PEM strings or buffers. `cert` may hold leaf + chain. */
export interface ProbeRequest {
  port: number;
  path: string;
  method?: string;
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  /** SNI and the name the server cert is checked against; defaults to `localhost`. */
  servername?: string;
  headers?: OutgoingHttpHeaders;
  body?: string;
  timeoutMs?: number;
}

/** A completed HTTP exchange. */
export interface ProbeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * HTTPS request to 127.0.0.1 with server verification ON and a fresh TLS session each time
 * (`agent: false`), so every probe is its own handshake with exactly the client cert given.
 */
export function request(opts: ProbeRequest): Promise<ProbeResponse> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const headers: OutgoingHttpHeaders = { ...opts.headers };
  if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: opts.port,
        path: opts.path,
        method: opts.method ?? 'GET',
        servername: opts.servername ?? 'localhost',
        ca: opts.ca,
        cert: opts.cert,
        key: opts.key,
        headers,
        agent: false,
        rejectUnauthorized: true,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request to 127.0.0.1:${opts.port}${opts.path} timed out`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}
