import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandFailure } from '../../../shared/ipc/errors';
import { NGINX_BIN, nginxAvailable } from '../../../e2e/support/nginx';
import { generateTestPki, type TestPki } from '../../../e2e/support/test-pki';
import { checkConfig, type CheckDeps } from './check';
import { createNodeNginxFs } from './fs';
import { runProcess } from './runner';
import { nginxSettingsFromEnv } from './settings';

const deps: CheckDeps = { fs: createNodeNginxFs(), run: runProcess, settings: nginxSettingsFromEnv({ SENTINEL_NGINX_BIN: NGINX_BIN }) };
let dir: string;
let pki: TestPki;

const snippet = (certPath: string, keyPath: string, extra = ''): string => `server {
    listen 127.0.0.1:18443 ssl;
    server_name localhost;
    ssl_certificate ${certPath};
    ssl_certificate_key ${keyPath};
${extra}    location / { return 200 "ok"; }
}
`;

const scratchDirs = async (): Promise<string[]> => (await readdir(tmpdir())).filter((n) => n.startsWith('sentinel-nginx-check-'));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nginx-check-test-'));
  pki = await generateTestPki(join(dir, 'pki'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.skipIf(!nginxAvailable())('checkConfig (real nginx -t)', () => {
  it('passes a good conf.d snippet, and removes its scratch prefix', async () => {
    const before = await scratchDirs();
    const result = await checkConfig(deps, { kind: 'text', name: 'sentinel.conf', text: snippet(pki.server.fullchainPath, pki.server.keyPath) });
    expect(result.ok, result.output).toBe(true);
    expect(result.messages.at(-1)).toEqual({ level: 'notice', message: 'configuration file sentinel.conf test is successful', file: 'sentinel.conf', line: null });
    expect(result.command.slice(0, 3)).toEqual([NGINX_BIN, '-t', '-p']);
    expect(await scratchDirs()).toEqual(before);
  });

  it("fails a broken snippet with nginx's message on the operator's file and line", async () => {
    const path = join(dir, 'broken.conf');
    await writeFile(path, snippet(pki.server.fullchainPath, pki.server.keyPath, '    proxy_set_heder X-Test 1;\n'));
    const result = await checkConfig(deps, { kind: 'path', path });
    expect(result.ok).toBe(false);
    expect(result.messages[0]).toEqual({ level: 'emerg', message: 'unknown directive "proxy_set_heder"', file: path, line: 6 });
    expect(result.output).toContain('unknown directive "proxy_set_heder"');
  });

  it("reports a missing certificate file with nginx's BIO_new_file message, placed on the directive's line", async () => {
    const result = await checkConfig(deps, { kind: 'text', name: 'site.conf', text: snippet('/nonexistent/server.crt', pki.server.keyPath) });
    expect(result.ok).toBe(false);
    const [first] = result.messages;
    expect(first?.level).toBe('emerg');
    expect(first?.message).toMatch(/^cannot load certificate "\/nonexistent\/server.crt": BIO_new_file\(\) failed/);
    expect(first).toMatchObject({ file: 'site.conf', line: 4 });
  });

  it('checks a whole nginx.conf on disk in place, resolving its relative include against its own directory', async () => {
    const conf = join(dir, 'full');
    await rm(conf, { recursive: true, force: true });
    await mkdir(join(conf, 'conf.d'), { recursive: true });
    await writeFile(join(conf, 'conf.d', 'site.conf'), 'server { listen 127.0.0.1:18444; bogus_directive on; }\n');
    await writeFile(join(conf, 'nginx.conf'), `pid ${conf}/nginx.pid;\nerror_log ${conf}/error.log;\nevents {}\nhttp {\n  access_log off;\n  include conf.d/*.conf;\n}\n`);
    const result = await checkConfig(deps, { kind: 'path', path: join(conf, 'nginx.conf') });
    expect(result.command).toEqual([NGINX_BIN, '-t', '-c', join(conf, 'nginx.conf'), '-e', expect.stringMatching(/sentinel-nginx-check-.*\/logs\/error.log$/)]);
    expect(result.messages[0]).toEqual({ level: 'emerg', message: 'unknown directive "bogus_directive"', file: join(conf, 'conf.d', 'site.conf'), line: 1 });
  });

  it('checks pasted whole configs in a scratch prefix, with messages on the pasted name', async () => {
    const text = 'events {}\nhttp {\n    server {\n        listen 127.0.0.1:18446;\n        retrun 200;\n    }\n}\n';
    const result = await checkConfig(deps, { kind: 'text', name: 'nginx.conf', text });
    expect(result.ok).toBe(false);
    expect(result.messages[0]).toEqual({ level: 'emerg', message: 'unknown directive "retrun"', file: 'nginx.conf', line: 5 });
    expect(result.messages[1]).toMatchObject({ message: 'configuration file nginx.conf test failed' });
  });

  it('answers UNAVAILABLE when the nginx binary is missing', async () => {
    const missing: CheckDeps = { ...deps, settings: nginxSettingsFromEnv({ SENTINEL_NGINX_BIN: '/nonexistent/nginx' }) };
    const failure = await checkConfig(missing, { kind: 'text', name: 'a.conf', text: 'server {}' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommandFailure);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('could not start /nonexistent/nginx: no such file') });
  });
});

/**
 * As a non-root operator: the same check run by `nobody` in a child Node process, which must
 * not need to write anywhere but its own scratch prefix.
 */
describe.skipIf(!nginxAvailable() || process.getuid?.() !== 0)('checkConfig as a non-root user', () => {
  it('passes a good snippet and fails a bad one when run by nobody', async () => {
    const script = `
      import { checkConfig } from '${join(__dirname, 'check.ts')}';
      import { createNodeNginxFs } from '${join(__dirname, 'fs.ts')}';
      import { runProcess } from '${join(__dirname, 'runner.ts')}';
      const deps = { fs: createNodeNginxFs(), run: runProcess, settings: { binary: '${NGINX_BIN}', mainConfigArgs: [], reloadCommand: [], timeoutMs: 15000 } };
      const good = await checkConfig(deps, { kind: 'text', name: 'good.conf', text: 'server { listen 127.0.0.1:18445; location / { return 200; } }' });
      const bad = await checkConfig(deps, { kind: 'text', name: 'bad.conf', text: 'server {\\n listen 127.0.0.1:18445;\\n nope;\\n}' });
      process.stdout.write(JSON.stringify({ uid: process.getuid(), good: good.ok, goodOut: good.output, bad: bad.messages[0] }));
    `;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: join(__dirname, '../../..'),
        uid: 65534,
        gid: 65534,
        env: { PATH: process.env.PATH ?? '', HOME: '/tmp', TMPDIR: '/tmp' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
      child.once('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(stdout);
        else reject(new Error(`child exited ${code}: ${stderr}`));
      });
    });
    const result = JSON.parse(out) as { uid: number; good: boolean; goodOut: string; bad: unknown };
    expect(result.uid).toBe(65534);
    expect(result.good, result.goodOut).toBe(true);
    expect(result.bad).toEqual({ level: 'emerg', message: 'unknown directive "nope"', file: 'bad.conf', line: 3 });
  });
});
