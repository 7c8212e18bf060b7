import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRouterDeps } from '../../services/node-services';
import { createRouter } from '../../services/router';
import { writeFileAtomic } from '../../services/fs/atomic-write';
import { runCli } from './run';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-nginx-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const router = () =>
  createRouter(
    createNodeRouterDeps(
      { name: 'Sentinel Console', version: '1.0.0', host: 'cli', dataDir: dir, platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } },
      { emit: () => undefined },
    ),
  );

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, router, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    cwd: dir,
    writeFile: (path, text) => writeFileAtomic(path, text, { backupPath: `${path}.bak` }),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const BASE = ['nginx', 'render', '--server-name', 'sentinel.example.com', '--tls-cert', '/etc/nginx/certs/server.crt', '--tls-key', '/etc/nginx/certs/server.key', '--client-ca', '/etc/nginx/certs/device-ca.crt'];

describe('sentinel-console nginx', () => {
  it('render prints the config for the installer inputs and exits 0', async () => {
    const { code, stdout } = await cli(...BASE, '--upstream', 'http://127.0.0.1:8000');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s*server_name sentinel\.example\.com;$/m);
    expect(stdout).toContain('ssl_client_certificate');
    expect(stdout).toContain('/api/heartbeat');
  });

  it.each([
    [['--server-name', 'evil.example;include /etc/passwd'], '--server-name'],
    [['--upstream', 'http://10.0.0.5:8000'], '--upstream'],
    [['--listen', '443;'], '--listen'],
    [['--header', 'serial=X-Serial{'], '--header serial='],
  ])('render refuses %j with exit 2 and names the flag', async (extra, flag) => {
    const argv = [...BASE];
    const i = argv.indexOf(extra[0] as string);
    if (i >= 0) argv.splice(i, 2);
    const { code, stdout, stderr } = await cli(...argv, ...extra);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${flag}`);
  });

  it('render without a required flag is a usage error naming it', async () => {
    const { code, stderr } = await cli('nginx', 'render', '--server-name', 'a.example');
    expect(code).toBe(2);
    expect(stderr).toContain('--tls-cert');
  });

  it('render --output writes the file and keeps the previous one as FILE.bak', async () => {
    const target = join(dir, 'site.conf');
    await writeFile(target, '# hand-edited\n');
    const { code, stdout } = await cli(...BASE, '--output', target);
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${target}`);
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('# hand-edited\n');
    expect(await readFile(target, 'utf8')).toContain('server_name sentinel.example.com;');
  });

  it('lint --json reports findings with id, severity, file and line, and exits 1 on a high one', async () => {
    const conf = join(dir, 'optional.conf');
    await writeFile(
      conf,
      ['server {', '  listen 8443 ssl;', '  ssl_client_certificate /x/ca.pem;', '  ssl_verify_client optional_no_ca;', '  location / { proxy_pass http://127.0.0.1:8000; }', '}', ''].join('\n'),
    );
    const { code, stdout } = await cli('nginx', 'lint', conf, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: { id: string; severity: string; file: string; line: number; message: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ id: 'M-2', severity: 'critical', file: conf, line: 4 }));
  });

  it.skipIf(!existsSync('/usr/sbin/nginx'))('check runs nginx -t: 0 for a good file, 1 with the line for a bad one', async () => {
    const good = join(dir, 'good.conf');
    await writeFile(good, 'server {\n  listen 127.0.0.1:18999;\n  location / { return 200 "ok"; }\n}\n');
    expect((await cli('nginx', 'check', good)).code).toBe(0);
    const bad = join(dir, 'bad.conf');
    await writeFile(bad, 'server {\n  listen 127.0.0.1:18999;\n  frobnicate on;\n}\n');
    const { code, stdout } = await cli('nginx', 'check', bad);
    expect(code).toBe(1);
    expect(stdout).toContain(`${bad}:3`);
    expect(stdout).toContain('unknown directive "frobnicate"');
  });

  it('a bare group name is a usage error listing its verbs; help works per verb', async () => {
    const bare = await cli('nginx');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('render, lint, check');
    const help = await cli('nginx', 'render', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('sentinel-console nginx render --server-name');
  });
});
