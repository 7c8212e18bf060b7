import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedCertificate } from '../../../shared/model/ca';
import { createNodeRouterDeps } from '../../services/node-services';
import { createRouter } from '../../services/router';
import { writeFileAtomic } from '../../services/fs/atomic-write';
import { runCli } from './run';

const exec = promisify(execFile);
const PASS = 'cli vault passphrase 123';
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-ca-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const router = (dataDir: string | undefined) =>
  createRouter(
    createNodeRouterDeps(
      { name: 'Sentinel Console', version: '1.0.0', host: 'cli', dataDir: dataDir ?? join(dir, 'default'), platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } },
      { emit: () => undefined },
    ),
  );

async function cli(...argv: string[]) {
  return cliIn('data', ...argv);
}

async function cliIn(dataDir: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--data-dir', join(dir, dataDir)], router, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    env: { CA_PASS: PASS, EMPTY: '', KEY_PASS: 'openssl key pass' },
    cwd: dir,
    writeFile: (path, text) => writeFileAtomic(path, text, { backupPath: `${path}.bak` }),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('sentinel-console ca', () => {
  it('refuses to run a key command without --passphrase-env, or with an unset variable (exit 2)', async () => {
    const none = await cli('ca', 'init', '--subject', 'CN=CLI Root');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--passphrase-env NAME');
    const unset = await cli('ca', 'init', '--subject', 'CN=CLI Root', '--passphrase-env', 'EMPTY');
    expect(unset).toMatchObject({ code: 2, stderr: expect.stringContaining('EMPTY') });
    const badKey = await cli('ca', 'init', '--subject', 'CN=CLI Root', '--key', 'dsa', '--passphrase-env', 'CA_PASS');
    expect(badKey).toMatchObject({ code: 2, stderr: expect.stringContaining('--key must be one of') });
  });

  it('init, issue, sign-csr, list, revoke, crl, export: the whole flow, with openssl agreeing', async () => {
    const init = await cli('ca', 'init', '--subject', 'CN=CLI Root, O=Example', '--key', 'ec-p384', '--passphrase-env', 'CA_PASS');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('root CA');
    const issue = await cli('ca', 'issue', '--device-id', 'cli-device-1', '--out', 'devices', '--passphrase-env', 'CA_PASS');
    expect(issue.code).toBe(0);
    for (const f of ['cli-device-1.pem', 'cli-device-1-chain.pem', 'cli-device-1.key', 'cli-device-1.p12']) expect(issue.stdout).toContain(join(dir, 'devices', f));
    expect((await stat(join(dir, 'devices/cli-device-1.key'))).mode & 0o777).toBe(0o600);
    await exec('openssl', ['pkcs8', '-in', join(dir, 'devices/cli-device-1.key'), '-passin', `pass:${PASS}`, '-nocrypt', '-topk8', '-out', '/dev/null']);

    await exec('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'csr.key'), '-subj', '/CN=cli-device-2', '-out', join(dir, 'd2.csr')]);
    const signed = await cli('ca', 'sign-csr', 'd2.csr', '--out', 'd2.pem', '--passphrase-env', 'CA_PASS');
    expect(signed.code).toBe(0);
    expect(await readFile(join(dir, 'd2.pem'), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const toStdout = await cli('ca', 'sign-csr', 'd2.csr', '--passphrase-env', 'CA_PASS');
    expect(toStdout.stdout).toMatch(/^-----BEGIN CERTIFICATE-----/);

    const list = await cli('ca', 'list', '--json');
    expect(list.code).toBe(0);
    const certs = JSON.parse(list.stdout) as IssuedCertificate[];
    expect(certs.map((c) => c.deviceId)).toEqual(['cli-device-1', 'cli-device-2', 'cli-device-2']);
    const serial = certs[0]?.serialNumber ?? '';

    const colons = serial.toUpperCase().match(/../g)?.join(':') ?? '';
    const revoke = await cli('ca', 'revoke', '--serial', colons, '--reason', 'keyCompromise', '--passphrase-env', 'CA_PASS');
    expect(revoke.code).toBe(0);
    expect((await cli('ca', 'list', '--filter', 'revoked')).stdout).toContain(serial);

    const crl = await cli('ca', 'crl', '--out', 'combined.crl', '--passphrase-env', 'CA_PASS');
    expect(crl.code).toBe(0);
    const crlText = await readFile(join(dir, 'combined.crl'), 'utf8');
    expect(crlText).toMatch(/^-----BEGIN X509 CRL-----/);
    const exported = await cli('ca', 'export', '--out', 'proxy', '--passphrase-env', 'CA_PASS');
    expect(exported.code).toBe(0);
    const verify = await exec('openssl', ['crl', '-in', join(dir, 'combined.crl'), '-CAfile', join(dir, 'proxy/ca-bundle.pem'), '-noout', '-verify', '-text']);
    expect(`${verify.stdout}${verify.stderr}`).toContain('verify OK');
    expect(verify.stdout).toContain(`Serial Number: ${serial.toUpperCase()}`);

    for (const r of [init, issue, signed, list, revoke, crl, exported]) expect(`${r.stdout}${r.stderr}`).not.toContain(PASS);
  });

  it('a wrong passphrase fails with exit 1; an unknown serial with exit 2', async () => {
    const wrong = await cli('ca', 'crl', '--passphrase-env', 'WRONG');
    expect(wrong.code).toBe(2);
    const bad = await runCli(['ca', 'crl', '--passphrase-env', 'P', '--data-dir', join(dir, 'data')], router, { stdout: () => undefined, stderr: () => undefined, env: { P: 'not the right one' } });
    expect(bad).toBe(1);
    const unknown = await cli('ca', 'revoke', '--serial', 'abcdef', '--passphrase-env', 'CA_PASS');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('no certificate with serial abcdef') });
  });

  it('import: an openssl CA with an encrypted key, its passphrase from --key-passphrase-env', async () => {
    const key = join(dir, 'imp.key');
    const cert = join(dir, 'imp.pem');
    await exec('openssl', ['req', '-x509', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', key, '-passout', 'pass:openssl key pass', '-subj', '/CN=Imported CLI Root', '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', cert]);
    const noPass = await cliIn('imported', 'ca', 'import', '--cert', 'imp.pem', '--key', 'imp.key', '--passphrase-env', 'CA_PASS');
    expect(noPass).toMatchObject({ code: 2, stderr: expect.stringContaining('give its passphrase') });
    const imported = await cliIn('imported', 'ca', 'import', '--cert', 'imp.pem', '--key', 'imp.key', '--key-passphrase-env', 'KEY_PASS', '--passphrase-env', 'CA_PASS', '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ role: 'root', subject: 'CN=Imported CLI Root', keyAlgorithm: 'ec-p256' });
    const status = await cliIn('imported', 'ca', 'status');
    expect(status.stdout).toMatch(/vault: (locked|unlocked)/);
    expect(status.stdout).toContain('CN=Imported CLI Root');
  });
});
