import { execFile } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, type CommandName } from '../../shared/ipc/channels';
import type { Input } from '../../shared/ipc/types';
import { dispatch } from '../../electron/services/dispatch';
import { createNodeRouterDeps } from '../../electron/services/node-services';
import { createRouter } from '../../electron/services/router';
import { decryptPkcs8 } from '../../electron/services/ca/vault/pkcs8-encrypt';

const exec = promisify(execFile);
const PASSPHRASE = 'correct horse battery staple';
const KEY_PASSPHRASE = 'device key passphrase 42';
const IMPORT_PASSPHRASE = 'imported CA key passphrase';

/**
 * Issue 7 §10: with real material present (CAs, issued devices, a CSR-signed certificate, a
 * revoked one, published CRLs) every command of the contract is called through dispatch, and
 * no answer (ok or error) nor pushed event contains a PEM private-key marker, a passphrase, or
 * the bytes of any private key involved (each decrypted here from its encrypted file).
 */
describe('no command ever answers with key material or a passphrase', () => {
  let dir = '';
  const events: string[] = [];
  const router = (dataDir = dir) =>
    createRouter(
      createNodeRouterDeps(
        { name: 'Sentinel Console', version: '0.0.0', host: 'cli', dataDir, platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } },
        { emit: (event, payload) => void events.push(`${event}:${JSON.stringify(payload)}`) },
      ),
    );
  let r: ReturnType<typeof router>;
  const outputs: Array<{ name: string; json: string }> = [];
  const serials: { device?: string; revoked?: string } = {};
  let rootId = '';

  async function call<K extends CommandName>(name: K, input: Input<K>): Promise<unknown> {
    const result = await dispatch(r, name, input);
    outputs.push({ name, json: JSON.stringify(result) });
    return result.ok ? result.value : null;
  }
  const p = (...parts: string[]): string => join(dir, ...parts);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ca-keys-'));
    r = router();
    await exec('openssl', ['req', '-x509', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', p('import.key'), '-passout', `pass:${IMPORT_PASSPHRASE}`, '-subj', '/CN=Imported Issuing', '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', p('import.pem')]);
    await exec('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', p('csr.key'), '-subj', '/CN=device-csr', '-out', p('device.csr')]);
    await writeFile(p('.env'), 'SENTINEL_TRUST_PROXY_CERT_HEADERS=true\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('walks every command with issued material present', async () => {
    const key = { passphrase: KEY_PASSPHRASE };
    const root = (await call('ca.init', { subject: 'CN=Key Test Root', passphrase: PASSPHRASE })) as { id: string };
    rootId = root.id;
    await call('ca.init', { subject: 'CN=Again', passphrase: PASSPHRASE });
    await call('ca.createIntermediate', { parentId: rootId, subject: 'CN=Key Test Issuing' });
    const device = (await call('ca.issueDevice', { deviceId: 'device-1', outDir: p('out'), key })) as { certificate: { serialNumber: string } };
    serials.device = device.certificate.serialNumber;
    const gone = (await call('ca.issueDevice', { deviceId: 'device-2', outDir: p('out'), key })) as { certificate: { serialNumber: string } };
    serials.revoked = gone.certificate.serialNumber;
    await call('ca.issueServer', { commonName: 'localhost', outDir: p('server'), key });
    await call('ca.signCsr', { csr: { kind: 'path', path: p('device.csr') }, outPath: p('out/device-csr.pem') });
    await call('ca.revoke', { serialNumber: serials.revoked, reason: 'keyCompromise' });
    await call('ca.renew', { serialNumber: serials.device, outDir: p('renewed'), key });
    await call('ca.publishCrl', {});
    await call('ca.export', { outDir: p('proxy') });
    // A root can only be imported where no root is in use: a second data directory, same contract.
    const main = r;
    r = router(p('second'));
    await call('ca.import', { certPath: p('import.pem'), keyPath: p('import.key'), keyPassphrase: IMPORT_PASSPHRASE, vaultPassphrase: PASSPHRASE });
    r = main;
    await call('ca.rotate', { subject: 'CN=Key Test Root 2', overlapDays: 5 });
    await call('ca.list', {});
    await call('ca.status', {});
    await call('ca.auditLog', {});
    await call('ca.remember', { enabled: false });
    await call('ca.lock', {});
    await call('ca.unlock', { passphrase: 'wrong passphrase!!' });
    await call('ca.unlock', { passphrase: PASSPHRASE });

    const chain = p('out/device-1-chain.pem');
    const keyFile = { kind: 'path' as const, path: p('out/device-1.key') };
    await call('app.info', {});
    await call('cert.inspect', { sources: [keyFile, { kind: 'path', path: p('out/device-1.p12') }, { kind: 'path', path: chain }, { kind: 'path', path: p('import.key') }], passphrase: KEY_PASSPHRASE });
    await call('cert.verify', { leaf: { kind: 'path', path: chain }, trust: { kind: 'sources', sources: [{ kind: 'path', path: p('proxy/ca-bundle.pem') }] }, crls: [{ kind: 'path', path: p('proxy/ca-crl.pem') }] });
    await call('files.choose', { title: 'Pick a key' });
    const draft = { serverName: 'localhost', tlsCertPath: p('server/localhost-chain.pem'), tlsKeyPath: p('server/localhost.key'), clientCaPath: p('proxy/ca-bundle.pem'), crlPath: p('proxy/ca-crl.pem'), upstreamUrl: 'http://127.0.0.1:8000', listen: ['127.0.0.1:8443'] };
    const rendered = (await call('nginx.render', { draft, checkFiles: true })) as { status: string; text?: string } | null;
    const text = rendered?.text ?? 'events {}\n';
    await call('nginx.lint', { source: { kind: 'text', name: 'ca.conf', text } });
    await call('nginx.check', { source: { kind: 'text', name: 'ca.conf', text } });
    await call('nginx.diff', { text, deployedPath: p('deployed.conf') });
    await call('nginx.installPlan', { text, deployedPath: p('deployed.conf'), reload: false });
    await call('nginx.install', { text, deployedPath: p('deployed.conf'), reload: false });
    const profile = { name: 'local', baseUrl: 'https://127.0.0.1:1', device: { certFile: chain, keyFile: keyFile.path, deviceId: 'device-1' }, timeouts: { connectMs: 500, totalMs: 1000 } };
    await call('probe.run', { target: { kind: 'adhoc', profile }, tls: false });
    const saved = (await call('health.save', { profile })) as { id?: string } | null;
    await call('health.list', {});
    await call('health.schedule', { id: saved?.id ?? 'none', intervalSeconds: null });
    await call('health.delete', { id: saved?.id ?? 'none' });
    await call('env.read', { path: p('.env') });
    const edits = [{ kind: 'set' as const, key: 'A', value: 'b' }];
    await call('env.preview', { path: p('.env'), baseSha256: '0'.repeat(64), edits });
    await call('env.save', { path: p('.env'), baseSha256: '0'.repeat(64), edits });
    await call('env.generateSecret', {});
    await call('posture.audit', { source: { kind: 'path', path: p('.env') } });

    const called = new Set(outputs.map((o) => o.name));
    expect(COMMANDS.filter((c) => !called.has(c))).toEqual([]);
    // The walk really had material to leak: issuance, the CSR path and revocation all succeeded.
    expect(outputs.filter((o) => o.json.startsWith('{"ok":false')).map((o) => o.name).filter((n) => n.startsWith('ca.') && n !== 'ca.init' && n !== 'ca.unlock')).toEqual([]);
  }, 120_000);

  it('no output or event contains a private-key marker, a passphrase or private key bytes', async () => {
    const secrets = await secretForms();
    expect(secrets.length).toBeGreaterThan(40);
    // The scan catches a leak: a decrypted device key as a JSON answer would carry it (PEM, 64 columns).
    const leaked = createPrivateKey({ key: await readFile(p('out/device-1.key')), passphrase: KEY_PASSPHRASE }).export({ type: 'sec1', format: 'pem' }).toString();
    const leakedFlat = JSON.stringify({ ok: true, value: leaked.replace(/-----[^\n]+\n/g, '') }).replace(/\\n|\s/g, '');
    expect(secrets.some((s) => leakedFlat.includes(s.value))).toBe(true);
    const texts = [...outputs.map((o) => [o.name, o.json] as const), ...events.map((e) => ['event', e] as const)];
    for (const [name, json] of texts) {
      const flat = json.replace(/\\n|\s/g, '');
      expect(json, name).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
      // cert.inspect and nginx.render's file checks name the PEM block they could not open
      // ("ENCRYPTED PRIVATE KEY block 1 needs a passphrase"): a label in a message, no key.
      expect(json.replace(/(ENCRYPTED )?PRIVATE KEY block \d+/g, ''), name).not.toContain('PRIVATE KEY');
      for (const s of secrets) expect(flat.includes(s.value), `${name} leaks ${s.what}`).toBe(false);
    }
  });

  it('a vault key file readable by group or others is refused on unlock', async () => {
    const keysDir = p('ca/vault/keys');
    const file = (await readdir(keysDir)).find((f) => !f.includes('wrapped'));
    await call('ca.lock', {});
    await chmod(join(keysDir, file as string), 0o644);
    const result = await dispatch(r, 'ca.unlock', { passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNREADABLE_FILE', message: expect.stringContaining('refused') } });
    await chmod(join(keysDir, file as string), 0o600);
    expect(await dispatch(r, 'ca.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });

  /**
   * Base64 of `bytes` as it appears inside any larger base64 text (SEC1 PEM, a PKCS#12, …):
   * one form per alignment, full quads only, since the edges depend on the neighbouring bytes.
   */
  function base64Anywhere(bytes: Buffer): string[] {
    return [0, 1, 2].map((shift) => {
      const tail = bytes.subarray(shift);
      return tail.toString('base64').slice(0, Math.floor(tail.length / 3) * 4);
    });
  }

  /** Every private key in play, as the forms a leak could take: PKCS#8 hex/base64 (whole and a window), raw scalar. */
  async function secretForms(): Promise<Array<{ what: string; value: string }>> {
    const pkcs8s: Array<{ what: string; der: Buffer }> = [];
    const pemBody = (pem: string): Buffer => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    for (const sub of ['out', 'renewed', 'server']) {
      for (const f of (await readdir(p(sub))).filter((n) => n.endsWith('.key'))) {
        pkcs8s.push({ what: `${sub}/${f}`, der: Buffer.from(await decryptPkcs8(pemBody(await readFile(p(sub, f), 'utf8')), KEY_PASSPHRASE)) });
      }
    }
    for (const keys of [p('ca/vault/keys'), p('second/ca/vault/keys')]) {
      for (const f of (await readdir(keys)).filter((n) => !n.includes('wrapped'))) {
        pkcs8s.push({ what: `vault ${f}`, der: Buffer.from(await decryptPkcs8(pemBody(await readFile(join(keys, f), 'utf8')), PASSPHRASE)) });
      }
    }
    const csrKey = createPrivateKey(await readFile(p('csr.key')));
    pkcs8s.push({ what: 'csr.key', der: csrKey.export({ type: 'pkcs8', format: 'der' }) });
    const imported = createPrivateKey({ key: await readFile(p('import.key')), passphrase: IMPORT_PASSPHRASE });
    pkcs8s.push({ what: 'import.key', der: imported.export({ type: 'pkcs8', format: 'der' }) });
    const forms: Array<{ what: string; value: string }> = [
      { what: 'the vault passphrase', value: PASSPHRASE.replace(/\s/g, '') },
      { what: 'the key passphrase', value: KEY_PASSPHRASE.replace(/\s/g, '') },
      { what: 'the import passphrase', value: IMPORT_PASSPHRASE.replace(/\s/g, '') },
    ];
    for (const { what, der } of pkcs8s) {
      const window = der.subarray(Math.floor(der.length / 2) - 12, Math.floor(der.length / 2) + 12);
      const d = Buffer.from(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }).d ?? '', 'base64url');
      forms.push(
        { what: `${what} (PKCS#8 base64)`, value: der.toString('base64') },
        { what: `${what} (PKCS#8 hex)`, value: der.toString('hex') },
        { what: `${what} (PKCS#8 window hex)`, value: window.toString('hex') },
        { what: `${what} (private scalar hex)`, value: d.toString('hex') },
        { what: `${what} (private scalar base64url)`, value: d.toString('base64url') },
        ...base64Anywhere(window).map((value) => ({ what: `${what} (PKCS#8 window base64)`, value })),
        ...base64Anywhere(d).map((value) => ({ what: `${what} (private scalar base64)`, value })),
      );
    }
    return forms;
  }
});
