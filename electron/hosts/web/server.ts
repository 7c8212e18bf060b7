import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UI_SECURITY_HEADERS } from '../../../shared/security/csp';
import { fail, type Result } from '../../../shared/ipc/result';
import type { EventSink, Router } from '../../../shared/ipc/types';
import { dispatch } from '../../services/dispatch';
import { readAsset } from '../../services/static-assets';
import { checkBindAddress, checkRequest, TOKEN_COOKIE, TOKEN_HEADER } from './guard';
import { createSseHub } from './sse';

export interface WebHostOptions {
  readonly host: string;
  readonly port: number;
  readonly rendererDir: string;
  /** Built after the sink exists so services can push events to browsers. */
  readonly makeRouter: (events: EventSink) => Router;
  readonly token?: string;
  readonly maxBodyBytes?: number;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly events: EventSink;
  close(): Promise<void>;
}

export class BindRefused extends Error {
  readonly code = 'FORBIDDEN';
}

const BASE_HEADERS = { ...UI_SECURITY_HEADERS, 'Cache-Control': 'no-store' };

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but keep reading, so the 413 answer reaches the client intact.
        req.removeAllListeners('data');
        req.resume();
        resolveBody(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): Result<unknown> {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return fail('INVALID_INPUT', 'Request body is not valid JSON.');
  }
}

/** Starts the loopback web host: the built renderer plus dispatch over HTTP, guarded by a per-run token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const refused = checkBindAddress(options.host);
  if (refused) throw new BindRefused(refused.reason);
  const token = options.token ?? randomBytes(32).toString('base64url');
  const limit = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const hub = createSseHub(BASE_HEADERS);
  const router = options.makeRouter(hub);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) send(res, 500, fail('INTERNAL', `Web host error: ${message}`));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const offered = url.searchParams.get('token');
    const facts = {
      method: req.method ?? 'GET',
      host: req.headers.host,
      origin: req.headers.origin,
      secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
      cookie: req.headers.cookie,
      tokenHeader:
        (req.headers[TOKEN_HEADER] as string | undefined) ?? (req.method === 'GET' ? (offered ?? undefined) : undefined),
    };
    const refusal = checkRequest(facts, port, token);
    if (refusal) {
      if (url.pathname.startsWith('/rpc/')) return send(res, refusal.status, fail('FORBIDDEN', refusal.reason));
      // A person opened the address by hand: tell them what to do in plain text.
      res.writeHead(refusal.status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Sentinel Console web host refused this request.\n${refusal.reason}\n`);
      return;
    }
    if (offered !== null && req.method === 'GET') {
      // Trade the printed URL's token for a cookie, then drop it from the address bar.
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...BASE_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, fail('INVALID_INPUT', 'Use POST for commands.'));
      const body = await readBody(req, limit);
      if (body === null) {
        res.setHeader('Connection', 'close');
        return send(res, 413, fail('INVALID_INPUT', `Request body exceeds ${limit} bytes.`));
      }
      const parsed = parseJson(body);
      if (!parsed.ok) return send(res, 400, parsed);
      const name = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      return send(res, 200, await dispatch(router, name, parsed.value));
    }
    if (url.pathname === '/events' && req.method === 'GET') return hub.attach(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, fail('INVALID_INPUT', 'Method not allowed.'));
    const asset = await readAsset(options.rendererDir, url.pathname);
    if (asset.kind === 'ok') {
      res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': asset.mime });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
      return;
    }
    send(res, 404, fail('NOT_FOUND', asset.kind === 'refused' ? `Refused: ${asset.reason}.` : 'Not found.'));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${options.host}:${port}/`,
    port,
    token,
    events: hub,
    close: () =>
      new Promise<void>((resolveClose) => {
        hub.closeAll();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
