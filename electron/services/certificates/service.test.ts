import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../../e2e/support/test-pki';
import { InspectInputSchema, VerifyInputSchema } from '../../../shared/ipc/pki-schemas';
import { z } from '../../../shared/ipc/zod';
import type { CertificateObject, KeyObjectSummary } from '../../../shared/model/pki';
import { createNodeRouterDeps, SYSTEM_TRUST_BUNDLE } from '../node-services';
import { createNodeCertificateService } from './node-certificates';

let dir: string;
let pki: TestPki;
const service = createNodeRouterDeps(
  { name: 't', version: '0', host: 'cli', dataDir: '/tmp', platform: 'linux', arch: 'x64', processVersions: {} },
  { emit: () => undefined },
).certificates;
const path = (p: string) => ({ kind: 'path' as const, path: p });
const inspect = (input: unknown) => service.inspect(z.parse(InspectInputSchema, input));
const verify = (input: unknown) => service.verify(z.parse(VerifyInputSchema, input));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sc-certsvc-'));
  pki = await generateTestPki(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('certificate service: inspect', () => {
  it('pairs a certificate with its key and never returns key bytes', async () => {
    const r = await inspect({ sources: [path(pki.devices.valid.certPath), path(pki.devices.valid.keyPath)], role: 'device' });
    const key = r.objects.find((o): o is KeyObjectSummary => o.kind === 'key');
    const cert = r.objects.find((o): o is CertificateObject => o.kind === 'certificate');
    expect(key?.publicKey.spkiSha256).toBe(cert?.publicKey.spkiSha256);
    expect(r.findings.map((f) => f.id)).not.toContain('key.mismatch');
    const body = readFileSync(pki.devices.valid.keyPath, 'utf8').split('\n').slice(1, -2).join('');
    expect(JSON.stringify(r)).not.toContain(body.slice(0, 40));
  });

  it('reports a certificate and key that do not match', async () => {
    const r = await inspect({ sources: [path(pki.devices.valid.certPath), path(pki.devices.expired.keyPath)] });
    expect(r.findings.map((f) => f.id)).toContain('key.mismatch');
  });

  it('flags a key file readable by group or others, OpenSSH style', async () => {
    const loose = join(dir, 'loose.key');
    writeFileSync(loose, readFileSync(pki.devices.valid.keyPath));
    chmodSync(loose, 0o644);
    const r = await inspect({ sources: [path(loose)] });
    expect(r.objects[0]?.findings.map((f) => f.id)).toContain('key.file-permissions');
    chmodSync(loose, 0o600);
    expect((await inspect({ sources: [path(loose)] })).objects[0]?.findings.map((f) => f.id)).not.toContain('key.file-permissions');
  });

  it('opens a PKCS#12 file with its passphrase and says so when the passphrase is wrong', async () => {
    const p12 = join(dir, 'device.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-in', pki.devices.valid.certPath, '-inkey', pki.devices.valid.keyPath, '-certfile', pki.intermediate.certPath, '-out', p12, '-passout', 'pass:s3cret']);
    const r = await inspect({ sources: [path(p12)], passphrase: 's3cret' });
    expect(r.objects.map((o) => o.kind).sort()).toEqual(['certificate', 'certificate', 'key']);
    expect(r.findings).toEqual([]);
    const wrong = await inspect({ sources: [path(p12)], passphrase: 'nope' });
    expect(wrong.errors[0]?.message).toMatch(/passphrase/i);
  });

  it.each(['blocking', 'background'] as const)('reads files, and fails with the path and the cause for an unreadable one (%s reads)', async (reads) => {
    const own = createNodeCertificateService('/tmp', reads);
    const run = (p: string) => own.inspect(z.parse(InspectInputSchema, { sources: [path(p)] }));
    expect((await run(pki.devices.valid.certPath)).objects.map((o) => o.kind)).toEqual(['certificate']);
    await expect(run(join(dir, 'missing.pem'))).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('no such file') });
    await expect(run(dir)).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('directory') });
  });

  it("reads every certificate in the system bundle, agreeing with openssl on serial, SHA-256 and notAfter", async () => {
    const r = await inspect({ sources: [path(SYSTEM_TRUST_BUNDLE)] });
    expect(r.errors).toEqual([]);
    const pems = readFileSync(SYSTEM_TRUST_BUNDLE, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    expect(r.objects).toHaveLength(pems.length);
    const certs = r.objects as CertificateObject[];
    pems.forEach((pem, i) => {
      const out = execFileSync('openssl', ['x509', '-noout', '-serial', '-fingerprint', '-sha256', '-enddate', '-dateopt', 'iso_8601'], { input: pem, encoding: 'utf8' });
      const serial = /serial=([0-9A-F]+)/.exec(out)?.[1]?.toLowerCase().replace(/^0+(?=.)/, '');
      const sha = /Fingerprint=([0-9A-F:]+)/.exec(out)?.[1]?.replace(/:/g, '').toLowerCase();
      const end = /notAfter=(\S+ \S+)/.exec(out)?.[1];
      expect(certs[i]?.serialNumber, `certificate ${i}`).toBe(serial);
      expect(certs[i]?.fingerprints.sha256, `certificate ${i}`).toBe(sha);
      expect(Date.parse(certs[i]?.notAfter ?? ''), `certificate ${i}`).toBe(Date.parse(String(end).replace(' ', 'T')));
    });
  }, 60_000);
});

describe('certificate service: verify', () => {
  it('validates a device chain to the root and names the rule when it fails', async () => {
    const ok = await verify({ leaf: path(pki.devices.valid.chainPath), trust: { kind: 'sources', sources: [path(pki.root.certPath)] }, role: 'device' });
    expect(ok.valid).toBe(true);
    expect(ok.path.map((s) => s.role)).toEqual(['leaf', 'intermediate', 'anchor']);
    const expired = await verify({ leaf: path(pki.devices.expired.chainPath), trust: { kind: 'sources', sources: [path(pki.root.certPath)] }, role: 'device' });
    expect(expired.valid).toBe(false);
    expect(expired.failure?.rule).toBe('validity.expired');
    const revoked = await verify({ leaf: path(pki.devices.revoked.chainPath), trust: { kind: 'sources', sources: [path(pki.root.certPath)] }, crls: [path(pki.crlBundle.path)], role: 'device' });
    expect(revoked.failure?.rule).toBe('revocation.revoked');
  });

  it('refuses an empty trust selection and explains the missing device CA', async () => {
    await expect(verify({ leaf: path(pki.devices.valid.certPath), trust: { kind: 'device-ca' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
