import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { connect, createSecureContext, createServer } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandFailure } from '../../../../shared/ipc/errors';
import { readPkcs12 } from '../../pki/pkcs12';
import { createLab, onlyBlock, sha256Hex, type OpensslLab } from '../../pki/test-openssl';
import { writePkcs12 } from './pkcs12-write';

const PASS = 'device export passphrase';
const run = promisify(execFile);
let lab: OpensslLab;
let leafKey: Uint8Array;
let leaf: Uint8Array;
let ca: Uint8Array;
let caPem: string;
let p12: Uint8Array;
let writeMs = 0;
let leafSpki = '';

beforeAll(async () => {
  lab = await createLab();
  const o = lab.openssl;
  await o('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=Test CA', '-days', '2');
  await o('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'leaf.key');
  await o('req', '-new', '-key', 'leaf.key', '-subj', '/CN=localhost', '-out', 'leaf.csr');
  await writeFile(lab.path('ext.cnf'), 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  await o('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '7', '-days', '1', '-extfile', 'ext.cnf', '-out', 'leaf.crt');
  leafKey = onlyBlock(await lab.read('leaf.key')).der;
  leaf = onlyBlock(await lab.read('leaf.crt')).der;
  leafSpki = sha256Hex(await o('pkey', '-in', 'leaf.key', '-pubout', '-outform', 'DER'));
  caPem = (await lab.read('ca.crt')).toString();
  ca = onlyBlock(caPem).der;
  const started = performance.now();
  p12 = await writePkcs12({ keyPkcs8: leafKey, certificates: [leaf, ca], passphrase: PASS, friendlyName: 'device-42' });
  writeMs = performance.now() - started;
  await writeFile(lab.path('ours.p12'), p12);
}, 60_000);

afterAll(async () => {
  await lab?.cleanup();
});

/** openssl with stderr too: `pkcs12 -info` reports the structure there. */
async function openssl(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('openssl', args, { cwd: lab.dir, timeout: 60_000 });
}

describe('writePkcs12', () => {
  it('is read by openssl pkcs12 (OpenSSL 3.0): SHA-256 MAC and PBES2 key bag at 600,000 iterations', async () => {
    const started = performance.now();
    const { stdout, stderr } = await openssl('pkcs12', '-in', 'ours.p12', '-passin', `pass:${PASS}`, '-nodes', '-info');
    console.info(`writePkcs12: ${writeMs.toFixed(0)} ms; openssl pkcs12 -info read: ${(performance.now() - started).toFixed(0)} ms`);
    expect(stderr).toMatch(/MAC: sha256, Iteration 600000/);
    expect(stderr).toMatch(/MAC length: 32, salt length: 16/);
    expect(stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/);
    expect(stderr).toMatch(/Certificate bag/);
    expect(stdout).toContain('friendlyName: device-42');
    expect(stdout).toContain(`localKeyID: ${createHash('sha1').update(leaf).digest('hex').toUpperCase().match(/../g)?.join(' ')}`);
    expect(stdout.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(stdout).toContain('BEGIN PRIVATE KEY');

    const wrong = await openssl('pkcs12', '-in', 'ours.p12', '-passin', 'pass:wrong', '-nodes').then(() => 'ok', (e: Error) => e.message);
    expect(wrong).toMatch(/mac verify/i);
  });

  it('is accepted by Node tls.createSecureContext and serves a verified handshake', async () => {
    expect(() => createSecureContext({ pfx: Buffer.from(p12), passphrase: PASS })).not.toThrow();
    expect(() => createSecureContext({ pfx: Buffer.from(p12), passphrase: 'wrong' })).toThrow();
    const server = createServer({ pfx: Buffer.from(p12), passphrase: PASS }, (socket) => socket.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca: caPem }, () => {
          socket.setEncoding('utf8');
          socket.once('data', (data: string) => resolve(data));
        });
        socket.on('error', reject);
      });
      expect(reply).toBe('hello');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is read back by our own PKCS#12 reader with the pairing attributes', () => {
    const started = performance.now();
    const read = readPkcs12(p12, PASS);
    console.info(`readPkcs12 (sync, generic KDF loop): ${(performance.now() - started).toFixed(0)} ms`);
    if (!read.ok) throw new Error(read.message);
    expect(read.mac).toEqual({ digest: 'sha256', iterations: 600_000 });
    expect(read.schemes).toEqual(['PBES2/PBKDF2-HMAC-SHA-256/AES-256-CBC']);
    expect(read.certificates.map((c) => Buffer.from(c.der).toString('hex'))).toEqual([leaf, ca].map((d) => Buffer.from(d).toString('hex')));
    const localKeyId = createHash('sha1').update(leaf).digest('hex');
    expect(read.certificates[0]).toMatchObject({ friendlyName: 'device-42', localKeyId });
    expect(read.certificates[1]?.friendlyName).toBeUndefined();
    expect(read.keys).toHaveLength(1);
    expect(read.keys[0]).toMatchObject({ shrouded: true, friendlyName: 'device-42', localKeyId });
    expect(read.keys[0]?.publicKey.spkiSha256).toBe(leafSpki);
    expect(readPkcs12(p12, 'wrong').ok).toBe(false);
  });

  it('handles a non-ASCII passphrase the way OpenSSL does (UTF-8 for PBES2, BMPString for the MAC)', async () => {
    const unicode = 'pässwörd ✓ 🔑';
    await writeFile(lab.path('uni.p12'), await writePkcs12({ keyPkcs8: leafKey, certificates: [leaf], passphrase: unicode, friendlyName: 'ünï' }));
    const { stdout } = await openssl('pkcs12', '-in', 'uni.p12', '-passin', `pass:${unicode}`, '-nodes');
    expect(stdout).toContain('BEGIN PRIVATE KEY');
    expect(readPkcs12(await lab.read('uni.p12'), unicode).ok).toBe(true);
  });

  it('refuses a key that is not the leaf’s, no certificate, or a weak work factor', async () => {
    const codeOf = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: unknown) => (e instanceof CommandFailure ? e.code : String(e)));
    expect(await codeOf(writePkcs12({ keyPkcs8: leafKey, certificates: [ca], passphrase: PASS, friendlyName: 'x' }))).toBe('INVALID_INPUT');
    expect(await codeOf(writePkcs12({ keyPkcs8: leafKey, certificates: [], passphrase: PASS, friendlyName: 'x' }))).toBe('INVALID_INPUT');
    expect(await codeOf(writePkcs12({ keyPkcs8: leafKey, certificates: [leaf], passphrase: PASS, friendlyName: 'x', iterations: 2048 }))).toBe('INVALID_INPUT');
    expect(await codeOf(writePkcs12({ keyPkcs8: leafKey, certificates: [leaf], passphrase: '', friendlyName: 'x' }))).toBe('INVALID_INPUT');
  });
});
