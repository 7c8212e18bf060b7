import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { createNodeRouterDeps } from '../../services/node-services';
import { createRouter } from '../../services/router';
import { transportTestRouter } from '../../services/test-router';
import { startWebHost, type WebHost } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls Host and Origin exactly as an attacker would. */
function send(host: WebHost, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...opts.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

let dir: string;
let host: WebHost;
let origin: string;
const cookie = (): string => `sentinel_token=${host.token}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-web-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  host = await startWebHost({
    host: '127.0.0.1',
    port: 0,
    rendererDir: dir,
    maxBodyBytes: 1024,
    makeRouter: (events) =>
      createRouter(createNodeRouterDeps({ name: 'Sentinel Console', version: '9.9.9', host: 'web', dataDir: dir, platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } }, events)),
  });
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web host refusals', () => {
  it.each(['0.0.0.0', '::', '::1', 'localhost', '192.168.1.10', '127.0.0.2'])('refuses to bind %s', async (address) => {
    await expect(startWebHost({ host: address, port: 0, rendererDir: dir, makeRouter: () => transportTestRouter({}) })).rejects.toThrow(
      /binds 127\.0\.0\.1 only/,
    );
  });

  it('refuses the UI and commands without a token', async () => {
    const page = await send(host, { path: '/' });
    expect(page.status).toBe(401);
    expect(page.body).toContain('open the URL the web host printed');
    expect(page.body).not.toContain('<title>console</title>');
    const rpc = await send(host, { path: '/rpc/app.info', method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' });
    expect(rpc.status).toBe(401);
    expect(JSON.parse(rpc.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await send(host, { path: '/events' })).status).toBe(401);
  });

  it('refuses a wrong token in the cookie, the header or the URL', async () => {
    const wrong = host.token.slice(0, -2) + (host.token.endsWith('AA') ? 'BB' : 'AA');
    expect((await send(host, { path: '/', headers: { Cookie: `sentinel_token=${wrong}` } })).status).toBe(401);
    expect((await send(host, { path: '/rpc/app.info', method: 'POST', headers: { 'X-Sentinel-Token': wrong }, body: '{}' })).status).toBe(401);
    expect((await send(host, { path: `/?token=${wrong}` })).status).toBe(401);
    expect((await send(host, { path: '/', headers: { Cookie: 'sentinel_token=' } })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const reply = await send(host, {
      path: '/rpc/app.info',
      method: 'POST',
      headers: { Cookie: cookie(), Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toContain('Origin');
  });

  it('refuses a non-loopback Host header (DNS rebinding) even with the right token', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, `[::1]:${host.port}`]) {
      const reply = await send(host, { path: '/', headers: { Host: hostHeader, Cookie: cookie() } });
      expect(reply.status, hostHeader).toBe(403);
    }
  });

  it('refuses a cookie-only POST without Origin and cross-site fetches', async () => {
    expect((await send(host, { path: '/rpc/app.info', method: 'POST', headers: { Cookie: cookie() }, body: '{}' })).status).toBe(403);
    expect((await send(host, { path: '/', headers: { Cookie: cookie(), 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
  });
});

describe('web host with the token', () => {
  it('trades the printed URL token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const reply = await send(host, { path: `/?token=${host.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = String(reply.headers['set-cookie']);
    expect(setCookie).toContain(`sentinel_token=${host.token}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
  });

  it('serves the UI with the shared CSP', async () => {
    const reply = await send(host, { path: '/', headers: { Cookie: cookie() } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.body).toContain('<title>console</title>');
  });

  it('dispatches a command for a same-origin browser call and for a header-token client', async () => {
    const browser = await send(host, {
      path: '/rpc/app.info',
      method: 'POST',
      headers: { Cookie: cookie(), Origin: origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(browser.body)).toMatchObject({ ok: true, value: { version: '9.9.9', host: 'web' } });
    const script = await send(host, { path: '/rpc/app.info', method: 'POST', headers: { 'X-Sentinel-Token': host.token }, body: '' });
    expect(JSON.parse(script.body)).toMatchObject({ ok: true });
  });

  it('answers bad bodies and unknown commands with Result errors', async () => {
    const headers = { 'X-Sentinel-Token': host.token };
    expect(JSON.parse((await send(host, { path: '/rpc/app.info', method: 'POST', headers, body: '{nope' })).body)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect((await send(host, { path: '/rpc/app.info', method: 'POST', headers, body: 'x'.repeat(2048) })).status).toBe(413);
    expect(JSON.parse((await send(host, { path: '/rpc/vault.dump', method: 'POST', headers, body: '{}' })).body)).toMatchObject({ error: { code: 'UNKNOWN_COMMAND' } });
    expect((await send(host, { path: '/rpc/app.info', headers })).status).toBe(405);
  });

  it('pushes events to subscribers over SSE', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/events', headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie() }, agent: false }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('\n\n') && text.includes('event:')) {
            req.destroy();
            resolve(text);
          } else if (text.startsWith(': connected')) {
            host.events.emit('app.notice', { level: 'info', message: 'vault locked', at: '2026-11-22T00:00:00Z' });
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const frame = await received;
    expect(frame).toContain('event: app.notice');
    expect(frame).toContain('"message":"vault locked"');
  });
});
