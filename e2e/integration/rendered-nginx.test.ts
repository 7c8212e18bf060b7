import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { lintNginx, referencedFiles } from '../../shared/nginx/lint';
import { loadNginxConfig } from '../../shared/nginx/parse/load';
import { renderNginxConfig } from '../../shared/nginx/render';
import type { LintFinding } from '../../shared/nginx/types';
import type { NginxRenderInput } from '../../shared/nginx/types';
import { nginxAvailable } from '../support/nginx';
import { nginxConfigTest } from '../support/nginx-test-config';
import { generateTestPki, type TestPki } from '../support/test-pki';
import { CUSTOM_HEADER_NAMES, pkiRenderInput } from './render-fixtures';

type Case = [name: string, overrides: (pki: TestPki) => Partial<NginxRenderInput>];

// nginx -t opens every file and resolves host names, but sends no traffic: the ports are never contacted.
const MATRIX: Case[] = [
  ['defaults with the CRL bundle', () => ({})],
  ['no CRL', () => ({ crlPath: null })],
  ['OCSP on with an IP responder and a resolver', () => ({ ocsp: { mode: 'on', responderUrl: 'http://127.0.0.1:8889', resolver: '127.0.0.1' } })],
  [
    'OCSP leaf with a host-name responder, a path and two resolvers',
    () => ({ ocsp: { mode: 'leaf', responderUrl: 'http://localhost:8889/ocsp', resolver: '127.0.0.1:5353 [::1]:5353' } }),
  ],
  ['OCSP on with the responder from AIA and a resolver', () => ({ ocsp: { mode: 'on', responderUrl: null, resolver: '127.0.0.53' } })],
  ['custom header names', () => ({ headerNames: CUSTOM_HEADER_NAMES })],
  ['one custom name (the replaced default is cleared)', () => ({ headerNames: { ...CUSTOM_HEADER_NAMES, serial: 'X-SSL-Client-Serial' } })],
  ['IPv6 and IPv4 loopback listeners', () => ({ listen: ['[::1]:9443', '127.0.0.1:9443'] })],
  ['non-default bare port plus IPv6 wildcard', () => ({ listen: ['18443', '[::]:18443'] })],
  ['TLS 1.3 only (no TLS 1.2 cipher list)', () => ({ tlsVersions: ['TLSv1.3'] })],
  ['TLS 1.2 only', () => ({ tlsVersions: ['TLSv1.2'] })],
  ['HSTS off', () => ({ hsts: null })],
  ['HSTS with includeSubDomains and max-age 0', () => ({ hsts: { maxAgeSeconds: 0, includeSubdomains: true } })],
  ['verify depth 0', () => ({ verifyDepth: 0 })],
  ['verify depth 10', () => ({ verifyDepth: 10 })],
  ['wildcard server name', () => ({ serverName: '*.example.com' })],
  ['catch-all server name', () => ({ serverName: '_' })],
  ['localhost upstream name', () => ({ upstreamUrl: 'http://localhost:8000' })],
  ['IPv6 loopback upstream', () => ({ upstreamUrl: 'http://[::1]:8000' })],
  ['.env path named in the header comment', () => ({ envFilePath: '/opt/sentinel-secure-x/.env' })],
  [
    'everything at once',
    (pki) => ({
      listen: ['127.0.0.1:10443', '[::1]:10443'],
      crlPath: pki.crlBundle.path,
      ocsp: { mode: 'on', responderUrl: 'http://127.0.0.1:8889', resolver: '127.0.0.1' },
      tlsVersions: ['TLSv1.3'],
      hsts: null,
      headerNames: CUSTOM_HEADER_NAMES,
      verifyDepth: 1,
    }),
  ],
];

/** The lint as the service runs it: the CA, CRL and certificate files the text names are read. */
async function lintWithFiles(text: string): Promise<LintFinding[]> {
  const none = { read: async () => null, glob: async () => [] };
  const config = await loadNginxConfig('sentinel-secure-x.conf', none, { text, prefix: '/etc/nginx' });
  const files = new Map<string, Uint8Array>();
  for (const path of referencedFiles(config, '/etc/nginx')) files.set(path, new Uint8Array(await readFile(path)));
  return lintNginx(config, { now: new Date(), prefix: '/etc/nginx', files });
}

describe.skipIf(!nginxAvailable())('rendered config passes the real nginx -t (1.22) and lints clean', () => {
  let dir = '';
  let pki: TestPki;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentinel-render-pki-'));
    pki = await generateTestPki(dir);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const [name, overrides] of MATRIX) {
    it(name, async () => {
      const text = renderNginxConfig(pkiRenderInput(pki, overrides(pki)));
      const outcome = await nginxConfigTest(text);
      expect(outcome.output).toMatch(/syntax is ok/);
      expect(outcome.ok, outcome.output).toBe(true);
      // Depth 0 is valid input, but the test PKI's devices sit under an intermediate: the lint reads
      // the CA file and says nginx would refuse them (M-7), which nginx -t cannot know.
      const expected = name === 'verify depth 0' ? ['M-7'] : [];
      expect((await lintWithFiles(text)).map((f) => f.id)).toEqual(expected);
    });
  }

  it.skipIf(!existsSync('/etc/ssl/certs/ca-certificates.crt'))('https upstream with verification on', async () => {
    const text = renderNginxConfig(pkiRenderInput(pki, { upstreamUrl: 'https://127.0.0.1:8443' }));
    expect(text).toMatch(/proxy_ssl_verify on;/);
    const outcome = await nginxConfigTest(text);
    expect(outcome.ok, outcome.output).toBe(true);
  });

  it('the harness catches a config nginx refuses (a CRL file that does not exist)', async () => {
    const text = renderNginxConfig(pkiRenderInput(pki, { crlPath: join(dir, 'missing-crl.pem') }));
    const outcome = await nginxConfigTest(text);
    expect(outcome.ok).toBe(false);
    expect(outcome.output).toMatch(/missing-crl\.pem/);
  });

  it('holds only http-level content: an upstream and a server block at top level', async () => {
    const text = renderNginxConfig(pkiRenderInput(pki));
    expect(text).not.toMatch(/^\s*(events|http|worker_processes|user|pid|load_module)\b/m);
    expect(text.match(/^[a-z_]+/gm)).toEqual(['upstream', 'server']);
  });
});
