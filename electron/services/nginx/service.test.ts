import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NginxRenderInputSchema, type NginxRenderDraftInput } from '../../../shared/ipc/nginx-schemas';
import { z } from '../../../shared/ipc/zod';
import type { NginxRenderOutcome } from '../../../shared/model/nginx';
import { generateTestPki, type TestPki } from '../../../e2e/support/test-pki';
import { createNodeKeyReader } from '../pki/key-reader';
import { createNodeNginxFs } from './fs';
import { runProcess } from './runner';
import { createNginxService } from './service';
import type { NginxService } from './service-types';
import { nginxSettingsFromEnv } from './settings';

let dir: string;
let pki: TestPki;
let service: NginxService;
const now = new Date();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nginx-service-test-'));
  pki = await generateTestPki(join(dir, 'pki'));
  service = createNginxService({ fs: createNodeNginxFs(), clock: () => now, run: runProcess, settings: nginxSettingsFromEnv({}), keys: createNodeKeyReader() });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const render = (draft: Partial<NginxRenderDraftInput>, checkFiles = true): Promise<NginxRenderOutcome> =>
  service.render(
    z.parse(NginxRenderInputSchema, {
      draft: { serverName: 'localhost', tlsCertPath: pki.server.fullchainPath, tlsKeyPath: pki.server.keyPath, clientCaPath: pki.caBundle.path, crlPath: pki.crlBundle.path, ...draft },
      checkFiles,
    }),
  );

function rendered(outcome: NginxRenderOutcome): Extract<NginxRenderOutcome, { status: 'rendered' }> {
  if (outcome.status !== 'rendered') throw new Error(`not rendered: ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

describe('render', () => {
  it('renders a config whose own lint is empty, and checks every file it names on this machine', async () => {
    const out = rendered(await render({}));
    expect(out.text).toContain(`ssl_certificate_key ${pki.server.keyPath};`);
    expect(out.lint).toEqual([]);
    expect(out.files.map((f) => [f.field, f.state])).toEqual([
      ['tlsCertPath', 'warning'], // 30-day test certificate: inside the 30-day renewal window
      ['tlsKeyPath', 'ok'],
      ['clientCaPath', 'ok'],
      ['crlPath', 'ok'],
    ]);
    expect(out.files[1]?.summary).toBe('P-256 private key, matches the certificate');
    expect(out.env).toBeNull();
  });

  it('reports a CRL past nextUpdate as M-9 at the ssl_crl line of the rendered text, before nginx rejects every device', async () => {
    const out = rendered(await render({ crlPath: pki.expiredCrlBundle.path }));
    const line = out.text.split('\n').findIndex((l) => l.trim().startsWith('ssl_crl ')) + 1;
    expect(out.lint.map((f) => [f.id, f.severity, f.line])).toContainEqual(['M-9', 'high', line]);
    expect(out.files.find((f) => f.field === 'crlPath')?.state).toBe('error');
    // Without file checks nothing is read, so nothing can be said about the CRL.
    expect(rendered(await render({ crlPath: pki.expiredCrlBundle.path }, false)).lint).toEqual([]);
  });

  it("reports a key that is not the certificate's, read in the main process", async () => {
    const out = rendered(await render({ tlsKeyPath: pki.devices.valid.keyPath }));
    const key = out.files.find((f) => f.field === 'tlsKeyPath');
    expect(key?.state).toBe('error');
    expect(key?.summary).toBe('P-256 private key, does NOT match the certificate');
    expect(key?.findings.map((f) => f.id)).toEqual(['key.mismatch']);
  });

  it('flags a key file others may read', async () => {
    const loose = join(dir, 'loose.key');
    await writeFile(loose, pki.server.keyPem);
    await chmod(loose, 0o644);
    const key = rendered(await render({ tlsKeyPath: loose })).files.find((f) => f.field === 'tlsKeyPath');
    expect(key?.findings.map((f) => f.id)).toEqual(['key.file-permissions']);
  });

  it('marks files that are not on this machine absent, which is fine for another host', async () => {
    const out = rendered(await render({ tlsCertPath: '/etc/nginx/certs/server.crt', tlsKeyPath: '/etc/nginx/certs/server.key', clientCaPath: '/etc/nginx/certs/device-ca.crt', crlPath: null }));
    expect(out.files.map((f) => f.state)).toEqual(['absent', 'absent', 'absent']);
  });

  it('answers field errors as a value, and reads no file when checkFiles is off', async () => {
    const invalid = await render({ tlsCertPath: 'relative/server.crt' });
    expect(invalid.status).toBe('invalid');
    if (invalid.status === 'invalid') expect(invalid.errors.map((e) => e.field)).toEqual(['tlsCertPath']);
    const quick = rendered(await render({ envFilePath: join(dir, 'missing.env') }, false));
    expect(quick).toMatchObject({ files: [], env: null });
  });
});

describe('render: .env cross-check', () => {
  const envFile = async (name: string, text: string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  it('is consistent only when both settings are true', async () => {
    const good = await envFile('good.env', 'SENTINEL_TRUST_PROXY_CERT_HEADERS=true\nSENTINEL_REQUIRE_DEVICE_MTLS=true\n');
    expect(rendered(await render({ envFilePath: good })).env).toMatchObject({ path: good, consistent: true, error: null });
    const baseline = await envFile('baseline.env', '# as shipped\nSENTINEL_TRUST_PROXY_CERT_HEADERS=false\r\nSENTINEL_REQUIRE_DEVICE_MTLS=true\r\n');
    const env = rendered(await render({ envFilePath: baseline })).env;
    expect(env?.consistent).toBe(false);
    expect(env?.requirements.map((r) => [r.name, r.actual, r.ok])).toEqual([
      ['SENTINEL_TRUST_PROXY_CERT_HEADERS', 'false', false],
      ['SENTINEL_REQUIRE_DEVICE_MTLS', 'true', true],
    ]);
  });

  it('says why when the .env file cannot be read', async () => {
    const env = rendered(await render({ envFilePath: join(dir, 'nope', '.env') })).env;
    expect(env).toMatchObject({ consistent: false, error: `Cannot read ${join(dir, 'nope', '.env')}: no such file.` });
  });
});

describe('lint', () => {
  it('expands includes from disk and reads the CRL it names, judging freshness with the injected clock', async () => {
    const conf = join(dir, 'lint');
    await mkdir(join(conf, 'conf.d'), { recursive: true });
    await writeFile(join(conf, 'conf.d', 'a.conf'), `server {\n    listen 443 ssl;\n    ssl_certificate ${pki.server.fullchainPath};\n    ssl_certificate_key ${pki.server.keyPath};\n    ssl_client_certificate ${pki.caBundle.path};\n    ssl_verify_client on;\n    ssl_crl ${pki.crlBundle.path};\n}\n`);
    await writeFile(join(conf, 'conf.d', '.hidden.conf'), 'this is not nginx syntax {');
    await writeFile(join(conf, 'nginx.conf'), 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n');
    const report = await service.lint({ source: { kind: 'path', path: join(conf, 'nginx.conf') } });
    expect(report.files).toEqual([join(conf, 'nginx.conf'), join(conf, 'conf.d', 'a.conf')]);
    // Fresh files, verification on, a CRL for every CA: nothing to report.
    expect(report.findings).toEqual([]);

    const later = createNginxService({ fs: createNodeNginxFs(), clock: () => new Date(now.getTime() + 8 * 86_400_000), run: runProcess, settings: nginxSettingsFromEnv({}), keys: createNodeKeyReader() });
    const stale = await later.lint({ source: { kind: 'path', path: join(conf, 'nginx.conf') } });
    const expired = stale.findings.filter((f) => f.id === 'M-9');
    expect(expired.map((f) => [f.file, f.line])).toEqual([
      [join(conf, 'conf.d', 'a.conf'), 7],
      [join(conf, 'conf.d', 'a.conf'), 7],
    ]);
    expect(expired[0]?.message).toContain('Sentinel Test Device CA');
  });

  it('refuses a path that does not exist with NOT_FOUND', async () => {
    await expect(service.lint({ source: { kind: 'path', path: join(dir, 'nope.conf') } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('diff', () => {
  it('compares with the deployed file, or shows every line as added when nothing is deployed', async () => {
    const deployed = join(dir, 'deployed.conf');
    await writeFile(deployed, 'a\nb\n');
    const changed = await service.diff({ text: 'a\nc\n', deployedPath: deployed });
    expect(changed.deployedExists).toBe(true);
    expect(changed.diff.identical).toBe(false);
    const fresh = await service.diff({ text: 'a\nb\n', deployedPath: join(dir, 'none.conf') });
    expect(fresh).toMatchObject({ deployedExists: false, diff: { identical: false, added: 2, removed: 0 } });
  });

  it('reads only files named like an nginx config, so a caller cannot read arbitrary files through it', async () => {
    await expect(service.diff({ text: '', deployedPath: '/etc/shadow' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(service.diff({ text: '', deployedPath: '/etc/nginx/../shadow.conf' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
