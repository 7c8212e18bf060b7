import { request as httpRequest } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEchoUpstream } from './echo-upstream';
import { freePort } from './free-port';
import { nginxAvailable, pidAlive, type RunningNginx, startNginx } from './nginx';

/** Plain-HTTP GET on loopback, for the non-TLS plumbing tests. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

const plainServer = (port: number, text: string): string =>
  `server { listen 127.0.0.1:${port}; location / { default_type text/plain; return 200 "${text}"; } }`;

describe('freePort', () => {
  it('returns a loopback port that can be bound right away', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(1023);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe('startEchoUpstream', () => {
  it('echoes and records method, url, version and lowercase headers', async () => {
    const echo = await startEchoUpstream();
    try {
      const res = await get(echo.port, '/api/x?y=1', { 'X-SSL-Client-Verify': 'NONE' });
      expect(res.status).toBe(200);
      const echoed = JSON.parse(res.body) as { method: string; url: string; headers: Record<string, string> };
      expect(echoed).toMatchObject({ method: 'GET', url: '/api/x?y=1' });
      expect(echoed.headers['x-ssl-client-verify']).toBe('NONE');
      expect(echo.requests).toHaveLength(1);
      expect(echo.requests[0]?.httpVersion).toBe('1.1');
    } finally {
      await echo.close();
    }
  });
});

describe.skipIf(!nginxAvailable())('startNginx', () => {
  let nginx: RunningNginx | undefined;
  afterEach(async () => {
    await nginx?.stop();
    nginx = undefined;
  });

  it("rejects an invalid config with nginx's own error message", async () => {
    const port = await freePort();
    const serverBlocks = `server { listen 127.0.0.1:${port}; bogus_directive on; }`;
    await expect(startNginx({ serverBlocks })).rejects.toThrow(/unknown directive "bogus_directive"/);
  });

  it('rejects a missing certificate file naming the file', async () => {
    const port = await freePort();
    const serverBlocks = `server { listen 127.0.0.1:${port} ssl; ssl_certificate missing.pem; ssl_certificate_key missing.key; }`;
    await expect(startNginx({ serverBlocks })).rejects.toThrow(/missing\.pem/);
  });

  it('requires a port to wait for', async () => {
    await expect(startNginx({ serverBlocks: 'server { listen [::1]:8080; }' })).rejects.toThrow(/no port/);
  });

  it('fails with error.log content when the port is taken', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(startNginx({ serverBlocks: plainServer(port, 'x') })).rejects.toThrow(/Address already in use/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('writes extra files into the prefix, serves, reloads a changed config, survives a bad reload, stops', async () => {
    const port = await freePort();
    nginx = await startNginx({
      port,
      serverBlocks: plainServer(port, 'v1'),
      httpExtra: 'include extra/empty.conf;',
      files: { 'conf/extra/empty.conf': '# nothing\n' },
    });
    expect(await get(port, '/')).toEqual({ status: 200, body: 'v1' });
    const confPath = join(nginx.prefix, 'conf/nginx.conf');
    const conf = await readFile(confPath, 'utf8');

    await writeFile(confPath, conf.replace('"v1"', '"v2"'));
    await nginx.reload();
    expect(await get(port, '/')).toEqual({ status: 200, body: 'v2' });

    await writeFile(confPath, conf.replace('return 200', 'bogus_directive'));
    await expect(nginx.reload()).rejects.toThrow(/unknown directive "bogus_directive"/);
    expect(await get(port, '/')).toEqual({ status: 200, body: 'v2' });
    expect(await nginx.errorLog()).toContain('reconfiguring');

    const { pid, prefix } = nginx;
    const workers = nginx.workerPids();
    await nginx.stop();
    expect(pidAlive(pid)).toBe(false);
    for (const worker of workers) expect(pidAlive(worker)).toBe(false);
    expect(existsSync(prefix)).toBe(false);
  });

  it('refuses extra files outside the prefix', async () => {
    const port = await freePort();
    await expect(startNginx({ serverBlocks: plainServer(port, 'x'), files: { '../escape.txt': 'x' } })).rejects.toThrow(
      /outside prefix/,
    );
  });
});
