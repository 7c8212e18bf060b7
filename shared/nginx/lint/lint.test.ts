import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../../e2e/support/test-pki';
import { loadNginxConfig, type ConfigReader } from '../parse/load';
import type { LintFinding } from '../types';
import { lintNginx, referencedFiles } from './index';

const memory = (files: Record<string, string>): ConfigReader => ({ read: async (p) => files[p] ?? null, glob: async () => [] });
const noFiles = new Map<string, Uint8Array>();
const lintText = async (text: string, files: ReadonlyMap<string, Uint8Array> = noFiles, now = new Date()): Promise<LintFinding[]> =>
  lintNginx(await loadNginxConfig('/etc/nginx/conf.d/t.conf', memory({}), { text, prefix: '/etc/nginx' }), { now, prefix: '/etc/nginx', files });

const MTLS = (crl: string): string => `server {
    listen 443 ssl;
    ssl_trusted_certificate /pki/ca.pem;
    ssl_verify_client on;
    ssl_verify_depth 2;
    ssl_crl ${crl};
    location / { proxy_pass http://127.0.0.1:8000; }
}`;

let dir: string;
let pki: TestPki;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nginx-lint-'));
  pki = await generateTestPki(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('referencedFiles', () => {
  it('lists certificate and CRL files once, resolved against the prefix, skipping run-time values', async () => {
    const text = `ssl_certificate certs/server.pem;
server {
    ssl_certificate $ssl_server_name.pem;
    ssl_certificate data:$cert;
    ssl_client_certificate /pki/ca.pem;
    ssl_trusted_certificate /srv/../pki/./ca.pem;
    location / { ssl_crl crl.pem; }
}
ssl_crl /pki/crl.pem;`;
    const config = await loadNginxConfig('/etc/nginx/conf.d/t.conf', memory({}), { text });
    expect(referencedFiles(config, '/etc/nginx')).toEqual(['/etc/nginx/certs/server.pem', '/pki/ca.pem', '/etc/nginx/crl.pem', '/pki/crl.pem']);
  });
});

describe('lintNginx', () => {
  it('warns a day ahead of a CRL expiring and reports it high once it has passed', async () => {
    const files = new Map([
      ['/pki/ca.pem', new TextEncoder().encode(pki.caBundle.pem)],
      ['/pki/crl.pem', new TextEncoder().encode(pki.crlBundle.pem)],
    ]);
    const nextUpdate = (pki.crls.intermediate.crl.nextUpdate as Date).getTime();
    const at = (ms: number): Promise<LintFinding[]> => lintText(MTLS('/pki/crl.pem'), files, new Date(ms));
    expect(await at(nextUpdate - 25 * 3_600_000)).toEqual([]);
    const soon = await at(nextUpdate - 2 * 3_600_000);
    expect(soon.map((f) => [f.id, f.severity, f.line])).toEqual([['M-9', 'medium', 6], ['M-9', 'medium', 6]]);
    expect(soon[0]?.message).toMatch(/expires at .* in 120 minutes/);
    const late = await at(nextUpdate + 60_000);
    expect(late.map((f) => [f.id, f.severity])).toEqual([['M-9', 'high'], ['M-9', 'high']]);
    expect(late.map((f) => f.message).join('\n')).toContain('Sentinel Test Device CA');
  });

  it('skips the file rules silently when the bytes were not given', async () => {
    const shallow = MTLS('/pki/crl.pem').replace('ssl_verify_depth 2;', 'ssl_verify_depth 0;');
    expect(await lintText(shallow)).toEqual([]);
    const files = new Map([['/pki/ca.pem', new TextEncoder().encode(pki.caBundle.pem)]]);
    expect((await lintText(shallow, files)).map((f) => f.id)).toEqual(['M-7']);
  });

  it('reports a setting inherited by several servers once, at its own line', async () => {
    const text = `ssl_client_certificate /etc/ssl/certs/ca-certificates.crt;
ssl_verify_client on;
server { listen 443 ssl; server_name a; location / { proxy_pass http://127.0.0.1:8000; } }
server { listen 443 ssl; server_name b; location / { proxy_pass http://127.0.0.1:8000; } }`;
    expect((await lintText(text)).map((f) => `${f.id}:${f.line}`)).toEqual(['M-20:1']);
  });

  it('sorts by file in reading order, then line, and turns parse errors into PARSE findings', async () => {
    const reader = memory({
      '/etc/nginx/conf.d/z.conf': 'server {\n  listen 443 ssl;\n  ssl_verify_client optional_no_ca;\n  location / { proxy_pass https://up; proxy_ssl_verify on; proxy_ssl_server_name on; }\n}\n',
      '/etc/nginx/a.inc': 'x 1\n',
    });
    const text = 'include conf.d/z.conf;\nserver {\n  listen 8443 ssl;\n  ssl_verify_client optional_no_ca;\n  include a.inc;\n}\n';
    const config = await loadNginxConfig('/etc/nginx/nginx.conf', reader, { text });
    const findings = lintNginx(config, { now: new Date(), prefix: '/etc/nginx', files: noFiles });
    expect(findings.map((f) => `${f.file}:${f.line}:${f.id}`)).toEqual([
      '/etc/nginx/nginx.conf:4:M-2',
      '/etc/nginx/conf.d/z.conf:3:M-2',
      '/etc/nginx/conf.d/z.conf:4:M-12',
      '/etc/nginx/a.inc:1:PARSE',
    ]);
    expect(findings.map((f) => f.severity)).toEqual(['critical', 'critical', 'high', 'high']);
  });

  it.skipIf(!existsSync('/etc/nginx/nginx.conf'))('finds nothing in the stock Debian configuration', async () => {
    const reader: ConfigReader = {
      read: (p) => readFile(p, 'utf8').catch(() => null),
      glob: async (pattern) => (pattern.endsWith('/*') ? [join(dirname(pattern), 'default')].filter((p) => existsSync(p)) : []),
    };
    const config = await loadNginxConfig('/etc/nginx/nginx.conf', reader);
    expect(lintNginx(config, { now: new Date(), prefix: '/etc/nginx', files: noFiles })).toEqual([]);
  });
});
