import { request as httpRequest } from 'node:http';
import { chmod, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../e2e/support/free-port';
import { NGINX_BIN, nginxAvailable, type RunningNginx, startNginx } from '../../../e2e/support/nginx';
import { createNodeNginxFs } from './fs';
import { runProcess } from './runner';
import { createNginxService } from './service';
import type { NginxService, NginxSettings } from './service-types';
import { createNodeKeyReader } from '../pki/key-reader';

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** Polls until nginx answers `want`: a reload hands over to new workers asynchronously. */
async function answers(port: number, want: string, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = await get(port).catch((e: Error) => e.message);
    if (last === want) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  return last;
}

const site = (port: number, body: string, extra = ''): string =>
  `server {\n    listen 127.0.0.1:${port};\n${extra}    location / { default_type text/plain; return 200 "${body}"; }\n}\n`;

describe.skipIf(!nginxAvailable())('install into a running nginx (real nginx -t and reload)', () => {
  let nginx: RunningNginx;
  let port: number;
  let service: NginxService;
  let deployed: string;

  beforeAll(async () => {
    port = await freePort();
    // The private nginx's main config includes conf.d/*.conf, like Debian's /etc/nginx/nginx.conf.
    nginx = await startNginx({ serverBlocks: '', httpExtra: '  include conf.d/*.conf;', port, files: { 'conf/conf.d/site.conf': site(port, 'v1') } });
    const mainConfigArgs = ['-p', `${nginx.prefix}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log'];
    const settings: NginxSettings = { binary: NGINX_BIN, mainConfigArgs, reloadCommand: [NGINX_BIN, ...mainConfigArgs, '-s', 'reload'], timeoutMs: 15_000 };
    service = createNginxService({ fs: createNodeNginxFs(), clock: () => new Date(), run: runProcess, settings, keys: createNodeKeyReader() });
    deployed = join(nginx.prefix, 'conf/conf.d/site.conf');
  });
  afterAll(() => nginx?.stop());
  beforeEach(async () => {
    expect(await answers(port, 'v1')).toBe('v1');
  });

  it('refuses a config nginx -t rejects: restores the previous file, does not reload, old content still served', async () => {
    const workers = nginx.workerPids();
    const input = { text: site(port, 'v3', '    no_such_directive on;\n'), deployedPath: deployed, reload: true };
    const plan = await service.installPlan(input);
    const report = await service.install(input);
    expect(report.installed).toBe(false);
    expect(report.restored).toBe(true);
    expect(report.steps.map((s) => [s.label, s.ok])).toEqual([
      ['Keep the previous file as a backup', true],
      ['Write the new config', true],
      ['Check the main config (nginx -t)', false],
      ['Restore the previous file', true],
    ]);
    expect(report.steps[2]?.command).toEqual([NGINX_BIN, '-p', `${nginx.prefix}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log', '-t']);
    expect(report.steps[2]?.output).toContain(`unknown directive "no_such_directive" in ${deployed}:3`);
    expect(await readFile(deployed, 'utf8')).toBe(site(port, 'v1'));
    expect(await readFile(plan.backupPath as string, 'utf8')).toBe(site(port, 'v1'));
    // The restored file keeps its mtime, so another attempt names (and overwrites) the same backup.
    expect((await service.installPlan(input)).backupPath).toBe(plan.backupPath);
    expect(await get(port)).toBe('v1');
    expect(nginx.workerPids()).toEqual(workers);
  });

  it('installs a good config: backup of the old content beside it (hidden from the include glob), then reload serves v2', async () => {
    await chmod(deployed, 0o640);
    const input = { text: site(port, 'v2'), deployedPath: deployed, reload: true };
    const plan = await service.installPlan(input);
    expect(plan.backupPath).toMatch(new RegExp(`/conf\\.d/\\.site\\.conf\\.bak-\\d{8}T\\d{6}\\.\\d{3}Z$`));
    expect(plan.commands).toEqual([
      [NGINX_BIN, '-p', `${nginx.prefix}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log', '-t'],
      [NGINX_BIN, '-p', `${nginx.prefix}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log', '-s', 'reload'],
    ]);
    const report = await service.install(input);
    expect(report.plan).toEqual(plan);
    expect(report.steps.every((s) => s.ok), JSON.stringify(report.steps, null, 2)).toBe(true);
    expect(report.steps.map((s) => s.label)).toEqual(['Keep the previous file as a backup', 'Write the new config', 'Check the main config (nginx -t)', 'Reload nginx']);
    expect(report).toMatchObject({ installed: true, restored: false });
    expect(await readFile(deployed, 'utf8')).toBe(site(port, 'v2'));
    expect((await stat(deployed)).mode & 0o777).toBe(0o640);
    expect(await readFile(plan.backupPath as string, 'utf8')).toBe(site(port, 'v1'));
    expect((await stat(plan.backupPath as string)).mode & 0o777).toBe(0o640);
    expect(await answers(port, 'v2')).toBe('v2');
    // Leave v1 in place for the other test, and no temp files behind.
    expect((await readdir(join(nginx.prefix, 'conf/conf.d'))).filter((n) => n.includes('.tmp-'))).toEqual([]);
    await writeFile(deployed, site(port, 'v1'));
    await nginx.reload();
  });
});

describe('install without a running nginx', () => {
  let dir: string;
  const fail: NginxSettings = { binary: '/bin/false', mainConfigArgs: [], reloadCommand: ['/bin/true'], timeoutMs: 5_000 };
  const make = (settings: NginxSettings): NginxService =>
    createNginxService({ fs: createNodeNginxFs(), clock: () => new Date(), run: runProcess, settings, keys: createNodeKeyReader() });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nginx-install-test-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a path whose directory does not exist, before doing anything', async () => {
    const input = { text: 'server {}\n', deployedPath: join(dir, 'missing/conf.d/a.conf'), reload: false };
    await expect(make(fail).installPlan(input)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`${join(dir, 'missing/conf.d')} does not exist`) });
    await expect(make(fail).install(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['/etc/cron.d/evil', 'must end in .conf'],
    ['/etc/nginx/conf.d/../../ld.so.conf', 'no ".."'],
    ['relative.conf', 'not an absolute file path'],
  ])('refuses %s as an install target and writes nothing', async (deployedPath, why) => {
    await expect(make(fail).install({ text: 'server {}\n', deployedPath, reload: false })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(why) });
  });

  it('refuses text that does not parse as an nginx config before touching the file', async () => {
    const deployedPath = join(dir, 'garbage.conf');
    await expect(make(fail).install({ text: 'server { listen 80\n', deployedPath, reload: false })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('nothing was written'),
    });
    await expect(stat(deployedPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes a new file that fails the check, and plans no backup for it', async () => {
    const deployedPath = join(dir, 'new.conf');
    const report = await make(fail).install({ text: 'server {}\n', deployedPath, reload: true });
    expect(report.plan.backupPath).toBeNull();
    expect(report.steps.map((s) => [s.label, s.ok])).toEqual([
      ['Write the new config', true],
      ['Check the main config (nginx -t)', false],
      ['Remove the new file', true],
    ]);
    expect(report).toMatchObject({ installed: false, restored: true });
    await expect(stat(deployedPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('installs with mode 0644 and skips the reload when not asked', async () => {
    const ok: NginxSettings = { binary: '/bin/true', mainConfigArgs: [], reloadCommand: ['/bin/false'], timeoutMs: 5_000 };
    const deployedPath = join(dir, 'fresh.conf');
    const report = await make(ok).install({ text: 'server {}\n', deployedPath, reload: false });
    expect(report.plan.commands).toEqual([['/bin/true', '-t']]);
    expect(report).toMatchObject({ installed: true, restored: false });
    expect((await stat(deployedPath)).mode & 0o777).toBe(0o644);
  });

  it('refuses to replace a symbolic link', async () => {
    await writeFile(join(dir, 'target.conf'), 'a');
    await symlink(join(dir, 'target.conf'), join(dir, 'link.conf'));
    await expect(make(fail).installPlan({ text: 'x', deployedPath: join(dir, 'link.conf'), reload: false })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
