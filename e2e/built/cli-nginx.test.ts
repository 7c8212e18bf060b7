import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli, type CliRun } from './run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../support/test-pki';

/** The built `sentinel-console nginx ...` verbs, run as an operator would, against the test PKI. */

let dir = '';
let pki: TestPki;

const run = (args: string[]): Promise<CliRun> => runBuiltCli(args, { cwd: dir, env: { SENTINEL_CONSOLE_DATA_DIR: dir } });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-cli-nginx-'));
  pki = await generateTestPki(join(dir, 'pki'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const renderArgs = (): string[] => [
  'nginx',
  'render',
  '--server-name',
  'localhost',
  '--tls-cert',
  pki.server.fullchainPath,
  '--tls-key',
  pki.server.keyPath,
  '--client-ca',
  pki.caBundle.path,
  '--crl',
  pki.crlBundle.path,
  '--listen',
  '127.0.0.1:18443',
];

describe('sentinel-console nginx (built)', () => {
  it('render → check → lint: the rendered file passes nginx -t and lints clean', async () => {
    const out = join(dir, 'site.conf');
    const rendered = await run([...renderArgs(), '--output', out]);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stdout).toContain(`wrote ${out}`);
    const check = await run(['nginx', 'check', out]);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('the configuration is valid');
    const lint = await run(['nginx', 'lint', out, '--json']);
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout)).toMatchObject({ findings: [] });
  });

  it('lint --json of a config that drops the cert headers in a WebSocket location: M-5 at that line, exit 1', async () => {
    const conf = join(dir, 'ws.conf');
    const text = (await readFile(join(dir, 'site.conf'), 'utf8')).replace(
      '    location / {',
      '    location /ws {\n        proxy_pass http://sentinel_secure_x_api;\n        proxy_set_header Upgrade $http_upgrade;\n    }\n\n    location / {',
    );
    await writeFile(conf, text);
    const { code, stdout } = await run(['nginx', 'lint', conf, '--json']);
    expect(code).toBe(1);
    // Reported at the location that proxies without the headers the other locations set.
    const line = text.split('\n').findIndex((l) => l.includes('location /ws')) + 1;
    const findings = (JSON.parse(stdout) as { findings: { id: string; file: string; line: number; severity: string }[] }).findings;
    expect(findings.some((f) => f.id === 'M-5' && f.file === conf && f.line === line && (f.severity === 'critical' || f.severity === 'high'))).toBe(true);
  });

  it('render refuses an injection attempt with exit 2 naming the flag, and writes nothing', async () => {
    const out = join(dir, 'never.conf');
    const { code, stderr } = await run([...renderArgs().map((a) => (a === 'localhost' ? 'localhost;}' : a)), '--output', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('--server-name');
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
