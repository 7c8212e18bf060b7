import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { type TestCert, DAY, devicePki, makeCert, newKeys, subtree } from './test-helpers';
import { validatePath } from './validate';
import type { ValidationInput } from './types';

const { clientAuth, serverAuth } = x509.ExtendedKeyUsage;

function input(leaf: TestCert, intermediates: readonly TestCert[], anchors: readonly TestCert[], extra: Partial<ValidationInput> = {}): ValidationInput {
  return { leaf: leaf.der, intermediates: intermediates.map((c) => c.der), anchors: anchors.map((c) => c.der), at: new Date(), role: 'device', ...extra };
}

describe('validatePath: chains', () => {
  it('accepts root → device CA → device leaf and describes the path', async () => {
    const { root, ca, leaf } = await devicePki({ serial: '00f1' });
    const r = await validatePath(input(leaf, [ca], [root]));
    expect(r.failure).toBeNull();
    expect(r.valid).toBe(true);
    expect(r.path.map((s) => s.role)).toEqual(['leaf', 'intermediate', 'anchor']);
    expect(r.path[0]).toMatchObject({ subject: 'O=Sentinel,CN=device-0001', issuer: 'O=Sentinel,CN=Device CA', serialNumber: 'f1', ok: true, note: null });
    expect(r.path[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.revocationChecked).toBe(false);
  });

  it('rejects leaf → non-CA intermediate → root (the @peculiar/x509 chain-builder gap)', async () => {
    const root = await makeCert({ name: 'CN=Root', permitted: [subtree('dns', 'example.com')] });
    const notCa = await makeCert({ name: 'CN=NotACA', issuer: root, ca: false, keyUsage: x509.KeyUsageFlags.digitalSignature });
    const leaf = await makeCert({ name: 'CN=device', issuer: notCa, eku: [x509.ExtendedKeyUsage.codeSigning], san: [{ type: 'dns', value: 'evil.test' }] });
    const r = await validatePath(input(leaf, [notCa], [root], { role: 'any' }));
    expect(r.valid).toBe(false);
    expect(r.failure).toMatchObject({ rule: 'issuer.not-ca', certIndex: 1 });
    expect(r.failure?.message).toBe('Intermediate CN=NotACA is not a CA (basicConstraints cA is false).');
    expect(r.path[1]).toMatchObject({ ok: false, note: r.failure?.message });
  });

  it('rejects an intermediate without basicConstraints and one without keyCertSign', async () => {
    const root = await makeCert({ name: 'CN=Root' });
    const noBc = await makeCert({ name: 'CN=No BC', issuer: root, ca: null, keyUsage: null });
    const noKcs = await makeCert({ name: 'CN=No KCS', issuer: root, ca: true, keyUsage: x509.KeyUsageFlags.cRLSign });
    const a = await validatePath(input(await makeCert({ name: 'CN=a', issuer: noBc }), [noBc], [root], { role: 'any' }));
    const b = await validatePath(input(await makeCert({ name: 'CN=b', issuer: noKcs }), [noKcs], [root], { role: 'any' }));
    expect(a.failure?.rule).toBe('issuer.not-ca');
    expect(b.failure?.rule).toBe('issuer.no-keycertsign');
  });

  it('backtracks past an expired and a wrongly keyed same-name intermediate to the one that works', async () => {
    const root = await makeCert({ name: 'CN=Root' });
    const caKeys = await newKeys();
    const expired = await makeCert({ name: 'CN=Device CA', issuer: root, keys: caKeys, ca: true, notBefore: new Date(Date.now() - 9 * DAY), notAfter: new Date(Date.now() - DAY) });
    const otherKey = await makeCert({ name: 'CN=Device CA', issuer: root, ca: true });
    const good = await makeCert({ name: 'CN=Device CA', issuer: root, keys: caKeys, ca: true });
    const leaf = await makeCert({ name: 'CN=device', issuer: good, eku: [clientAuth], noAki: true });
    const r = await validatePath(input(leaf, [otherKey, expired, good], [root]));
    expect(r.valid).toBe(true);
    expect(r.candidatesTried).toBeGreaterThanOrEqual(4);
    expect(r.path).toHaveLength(3);
    const chosen = r.path[1]?.serialNumber;
    expect(chosen).toBe(good.serial);
  });

  it('reports the missing issuer by name, and an untrusted root', async () => {
    const { root, ca, leaf } = await devicePki();
    const missing = await validatePath(input(leaf, [], [root]));
    expect(missing.failure).toMatchObject({ rule: 'path.no-issuer', certIndex: 0 });
    expect(missing.failure?.message).toContain('O=Sentinel,CN=Device CA');
    const other = await makeCert({ name: 'CN=Other Root' });
    const untrusted = await validatePath(input(leaf, [ca, root], [other]));
    expect(untrusted.failure?.rule).toBe('path.untrusted-root');
  });

  it('stops a combinatorial search at the work budget', async () => {
    const root = await makeCert({ name: 'CN=Root' });
    const keys = await Promise.all(Array.from({ length: 7 }, () => newKeys()));
    const base = await makeCert({ name: 'CN=Mesh', issuer: root, ca: true });
    const mesh: TestCert[] = [];
    for (const signer of keys) for (const subject of keys) mesh.push(await makeCert({ name: 'CN=Mesh', issuer: { ...base, keys: signer }, keys: subject, ca: true, noAki: true }));
    const leaf = await makeCert({ name: 'CN=device', issuer: { ...base, keys: keys[0] as CryptoKeyPair }, eku: [clientAuth], noAki: true });
    const started = Date.now();
    const r = await validatePath(input(leaf, mesh, [await makeCert({ name: 'CN=Unrelated Root' })]));
    expect(r.valid).toBe(false);
    expect(r.failure?.rule).toBe('path.budget');
    expect(r.candidatesTried).toBeLessThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('enforces maxDepth (leaf and anchor included)', async () => {
    const { root, ca, leaf } = await devicePki();
    expect((await validatePath(input(leaf, [ca], [root], { maxDepth: 3 }))).valid).toBe(true);
    expect((await validatePath(input(leaf, [ca], [root], { maxDepth: 2 }))).failure?.rule).toBe('depth.exceeded');
  });

  it('reports an unparseable leaf as malformed', async () => {
    const r = await validatePath({ leaf: new Uint8Array([0x30, 0x03, 0x02, 0x01]), intermediates: [], anchors: [], at: new Date(), role: 'any' });
    expect(r.failure?.rule).toBe('certificate.malformed');
    expect(r.path).toEqual([]);
  });
});

describe('validatePath: certificate rules', () => {
  it('treats validity as inclusive at both ends', async () => {
    const notBefore = new Date('2030-01-01T00:00:00Z');
    const notAfter = new Date('2030-06-01T00:00:00Z');
    const root = await makeCert({ name: 'CN=Root', notBefore: new Date('2029-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z') });
    const leaf = await makeCert({ name: 'CN=device', issuer: root, eku: [clientAuth], notBefore, notAfter });
    const at = async (t: Date) => validatePath(input(leaf, [], [root], { at: t }));
    expect((await at(notBefore)).valid).toBe(true);
    expect((await at(notAfter)).valid).toBe(true);
    expect((await at(new Date(notBefore.getTime() - 1000))).failure?.rule).toBe('validity.not-yet-valid');
    expect((await at(new Date(notAfter.getTime() + 1000))).failure?.rule).toBe('validity.expired');
  });

  it('applies pathLenConstraint from the anchor and intermediates, not counting self-issued ones', async () => {
    const root0 = await makeCert({ name: 'CN=Root0', pathLen: 0 });
    const ca = await makeCert({ name: 'CN=CA', issuer: root0, ca: true });
    const leaf = await makeCert({ name: 'CN=device', issuer: ca, eku: [clientAuth] });
    expect((await validatePath(input(leaf, [ca], [root0]))).failure).toMatchObject({ rule: 'pathlen.exceeded', certIndex: 1 });
    const root = await makeCert({ name: 'CN=Root' });
    const ca0 = await makeCert({ name: 'CN=CA0', issuer: root, pathLen: 0 });
    const rollover = await makeCert({ name: 'CN=CA0', issuer: ca0, ca: true });
    const sub = await makeCert({ name: 'CN=Sub', issuer: ca0, ca: true });
    const viaRollover = await makeCert({ name: 'CN=d1', issuer: rollover, eku: [clientAuth] });
    const viaSub = await makeCert({ name: 'CN=d2', issuer: sub, eku: [clientAuth] });
    expect((await validatePath(input(viaRollover, [rollover, ca0], [root]))).valid).toBe(true);
    expect((await validatePath(input(viaSub, [sub, ca0], [root]))).failure?.rule).toBe('pathlen.exceeded');
  });

  it('rejects unknown critical extensions but not unknown non-critical ones', async () => {
    const root = await makeCert({ name: 'CN=Root' });
    const ext = (critical: boolean) => new x509.Extension('1.3.6.1.4.1.55555.1', critical, new Uint8Array([0x05, 0x00]));
    const bad = await makeCert({ name: 'CN=bad', issuer: root, extra: [ext(true)] });
    const fine = await makeCert({ name: 'CN=fine', issuer: root, extra: [ext(false)] });
    expect((await validatePath(input(bad, [], [root], { role: 'any' }))).failure).toMatchObject({ rule: 'extension.unknown-critical', certIndex: 0 });
    expect((await validatePath(input(fine, [], [root], { role: 'any' }))).valid).toBe(true);
  });

  it('checks the leaf EKU against the role', async () => {
    const root = await makeCert({ name: 'CN=Root' });
    const client = await makeCert({ name: 'CN=client', issuer: root, eku: [clientAuth] });
    const server = await makeCert({ name: 'CN=proxy', issuer: root, eku: [serverAuth] });
    const noEku = await makeCert({ name: 'CN=any', issuer: root });
    const anyEku = await makeCert({ name: 'CN=anyeku', issuer: root, eku: ['2.5.29.37.0'] });
    const run = (leaf: TestCert, extra: Partial<ValidationInput>) => validatePath(input(leaf, [], [root], extra));
    expect((await run(client, { role: 'device' })).valid).toBe(true);
    expect((await run(client, { role: 'proxy' })).failure).toMatchObject({ rule: 'eku.role-mismatch', certIndex: 0 });
    expect((await run(server, { role: 'device' })).failure?.message).toContain('clientAuth');
    expect((await run(server, { role: 'proxy' })).valid).toBe(true);
    expect((await run(noEku, { role: 'device' })).valid).toBe(true);
    expect((await run(anyEku, { role: 'proxy' })).valid).toBe(true);
    expect((await run(client, { role: 'device', requiredEku: [serverAuth] })).failure?.rule).toBe('eku.role-mismatch');
  });

  it('matches the expected peer name against SANs only', async () => {
    const root = await makeCert({ name: 'CN=Root' });
    const leaf = await makeCert({ name: 'CN=proxy.example.com', issuer: root, san: [{ type: 'dns', value: '*.example.com' }, { type: 'ip', value: '10.0.0.7' }] });
    const run = (kind: 'DNS' | 'IP', value: string) => validatePath(input(leaf, [], [root], { role: 'any', expectedPeerName: { kind, value } }));
    expect((await run('DNS', 'proxy.example.com')).valid).toBe(true);
    expect((await run('DNS', 'a.b.example.com')).failure?.rule).toBe('peer-name.mismatch');
    expect((await run('IP', '10.0.0.7')).valid).toBe(true);
    expect((await run('IP', '10.0.0.8')).failure?.rule).toBe('peer-name.mismatch');
  });
});
