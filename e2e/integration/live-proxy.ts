import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNginxConfig } from '../../shared/nginx/render';
import type { NginxRenderInput } from '../../shared/nginx/types';
import { type EchoedRequest, type EchoUpstream, startEchoUpstream } from '../support/echo-upstream';
import { freePort } from '../support/free-port';
import { type ProbeRequest, type ProbeResponse, request } from '../support/https-client';
import { type RunningNginx, startNginx } from '../support/nginx';
import { type DeviceKind, generateTestPki, type TestPki } from '../support/test-pki';
import { pkiRenderInput } from './render-fixtures';

/** One request through the proxy and what the upstream saw of it (undefined: not proxied). */
export interface Probe {
  res: ProbeResponse;
  seen: EchoedRequest | undefined;
}

export interface ProbeOptions {
  device?: DeviceKind;
  headers?: OutgoingHttpHeaders;
  body?: string;
  /** Send the request to [::1]:port instead of 127.0.0.1. */
  ipv6Port?: number;
}

/** A real nginx running the rendered config in front of an echo upstream, on a fresh test PKI. */
export interface LiveProxy {
  pki: TestPki;
  text: string;
  nginx: RunningNginx;
  probe(method: string, path: string, opts?: ProbeOptions): Promise<Probe>;
  stop(): Promise<void>;
}

/** HTTPS to [::1] with the same settings as the shared https-client (which only speaks to 127.0.0.1). */
function requestIpv6(opts: ProbeRequest): Promise<ProbeResponse> {
  const { port, path, method, headers, ca, cert, key } = opts;
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '::1', port, path, method, servername: 'localhost', ca, cert, key, headers, agent: false, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request to [::1]:${port}${path} timed out`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.setHeader('content-length', Buffer.byteLength(opts.body));
    req.end(opts.body);
  });
}

/** Starts echo upstream + nginx; `overrides` gets the IPv4 port nginx listens on. Stop everything with stop(). */
export async function startRenderedProxy(
  overrides: (port: number, pki: TestPki) => Partial<NginxRenderInput> = () => ({}),
): Promise<LiveProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'sentinel-live-pki-'));
  let echo: EchoUpstream | undefined;
  try {
    const pki = await generateTestPki(dir);
    echo = await startEchoUpstream();
    const port = await freePort();
    const input = pkiRenderInput(pki, { listen: [`127.0.0.1:${port}`], upstreamUrl: echo.url, ...overrides(port, pki) });
    const text = renderNginxConfig(input);
    const nginx = await startNginx({ port, serverBlocks: text });
    const upstream = echo;
    const probe = async (method: string, path: string, opts: ProbeOptions = {}): Promise<Probe> => {
      const id = randomUUID();
      const device = opts.device ? pki.devices[opts.device] : undefined;
      const headers = { 'x-probe-id': id, ...opts.headers };
      const req: ProbeRequest = { port, path, method, ca: pki.root.certPem, cert: device?.chainPem, key: device?.keyPem, headers, body: opts.body };
      const res = opts.ipv6Port !== undefined ? await requestIpv6({ ...req, port: opts.ipv6Port }) : await request(req);
      return { res, seen: upstream.requests.find((r) => r.headers['x-probe-id'] === id) };
    };
    const stop = async (): Promise<void> => {
      await nginx.stop();
      await upstream.close();
      await rm(dir, { recursive: true, force: true });
    };
    return { pki, text, nginx, probe, stop };
  } catch (err) {
    await echo?.close();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
