import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the upstream saw for one request: the proxy's forwarded headers are the thing under test. */
export interface EchoedRequest {
  method: string;
  url: string;
  httpVersion: string;
  /** Every header received, lowercase names (node:http joins duplicates). */
  headers: IncomingHttpHeaders;
  body: string;
}

/** A running echo upstream; `requests` grows as the proxy forwards traffic. */
export interface EchoUpstream {
  port: number;
  url: string;
  requests: EchoedRequest[];
  close(): Promise<void>;
}

/** Starts a loopback HTTP server standing in for the Flask API: it echoes and records what the proxy forwarded. */
export async function startEchoUpstream(): Promise<EchoUpstream> {
  const requests: EchoedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const echoed: EchoedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        httpVersion: req.httpVersion,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(echoed);
      const payload = JSON.stringify(echoed);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // nginx keeps idle upstream keepalive connections open
      }),
  };
}
