import { spawn } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandFailure } from '../../../../shared/ipc/errors';
import { toPem } from '../../../../shared/pki/pem';
import { createLab, onlyBlock, type OpensslLab } from '../../pki/test-openssl';
import { VAULT_PBKDF2_ITERATIONS, decryptPkcs8, encryptPkcs8 } from './pkcs8-encrypt';

const PASS = 'correct horse battery staple';
let lab: OpensslLab;

const pkcs8Of = (type: 'ec' | 'ed25519' | 'rsa'): Uint8Array => {
  const { privateKey } =
    type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
  return new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' }));
};

const jwkOf = (der: Uint8Array): unknown => createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });

async function failure(promise: Promise<unknown>): Promise<CommandFailure> {
  const error: unknown = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof CommandFailure)) throw new Error(`expected a CommandFailure, got ${String(error)}`);
  return error;
}

async function opensslFails(...args: string[]): Promise<string> {
  return lab.openssl(...args).then(
    () => 'succeeded',
    (e: Error) => e.message,
  );
}

/** openssl with no passphrase source at all: no stdin and no controlling terminal to prompt on. */
function opensslWithoutPassphrase(...args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', args, { cwd: lab.dir, stdio: 'ignore', detached: true, timeout: 10_000 });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

beforeAll(async () => {
  lab = await createLab();
});
afterAll(async () => {
  await lab?.cleanup();
});

describe('encryptPkcs8', () => {
  it('writes PBES2/PBKDF2-hmacWithSHA256/AES-256-CBC at 600,000 iterations that openssl decrypts only with the passphrase', async () => {
    const der = pkcs8Of('ec');
    const started = performance.now();
    const encrypted = await encryptPkcs8(der, PASS);
    const encryptMs = performance.now() - started;
    await writeFile(lab.path('ec.pem'), toPem(encrypted, 'ENCRYPTED PRIVATE KEY'));

    const parsed = (await lab.openssl('asn1parse', '-in', 'ec.pem')).toString();
    for (const name of ['PBES2', 'PBKDF2', 'hmacWithSHA256', 'aes-256-cbc']) expect(parsed).toContain(`:${name}`);
    expect(parsed).toMatch(/INTEGER\s+:0927C0/); // 600000
    expect(parsed).toMatch(/hmacWithSHA256\n.*NULL/);
    expect([...parsed.matchAll(/OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]+)/g)].map((m) => (m[1] as string).length / 2).slice(0, 2)).toEqual([16, 16]);

    // Without -topk8, openssl pkcs8 prints the traditional (SEC1) form: compare what the keys hold.
    const out = await lab.openssl('pkcs8', '-in', 'ec.pem', '-passin', `pass:${PASS}`);
    expect(out.toString()).toMatch(/^-----BEGIN (EC )?PRIVATE KEY-----/);
    expect(createPrivateKey(out.toString()).export({ format: 'jwk' })).toEqual(jwkOf(der));
    expect(await opensslFails('pkcs8', '-in', 'ec.pem', '-passin', 'pass:wrong passphrase')).toMatch(/decrypt|Error/i);
    expect(await opensslFails('pkcs8', '-in', 'ec.pem', '-passin', 'pass:')).not.toBe('succeeded');
    expect(await opensslWithoutPassphrase('pkcs8', '-in', 'ec.pem')).not.toBe(0);
    console.info(`encryptPkcs8 at ${VAULT_PBKDF2_ITERATIONS} iterations: ${encryptMs.toFixed(0)} ms`);
  });

  it('is read by Node createPrivateKey for EC, RSA and Ed25519, and never repeats salt or IV', async () => {
    for (const type of ['ec', 'rsa', 'ed25519'] as const) {
      const der = pkcs8Of(type);
      const encrypted = await encryptPkcs8(der, PASS);
      const key = createPrivateKey({ key: toPem(encrypted, 'ENCRYPTED PRIVATE KEY'), format: 'pem', passphrase: PASS });
      expect(Buffer.compare(key.export({ type: 'pkcs8', format: 'der' }), der)).toBe(0);
      expect(() => createPrivateKey({ key: toPem(encrypted, 'ENCRYPTED PRIVATE KEY'), format: 'pem', passphrase: 'nope' })).toThrow();
    }
    const der = pkcs8Of('ec');
    const [a, b] = await Promise.all([encryptPkcs8(der, PASS), encryptPkcs8(der, PASS)]);
    expect(Buffer.compare(a, b)).not.toBe(0);
  });

  it('accepts a higher work factor but never a lower one or an empty passphrase', async () => {
    const der = pkcs8Of('ec');
    await writeFile(lab.path('hi.pem'), toPem(await encryptPkcs8(der, PASS, { iterations: 700_000 }), 'ENCRYPTED PRIVATE KEY'));
    expect((await lab.openssl('asn1parse', '-in', 'hi.pem')).toString()).toMatch(/INTEGER\s+:0AAE60/);
    expect((await failure(encryptPkcs8(der, PASS, { iterations: 2048 }))).code).toBe('INVALID_INPUT');
    expect((await failure(encryptPkcs8(der, ''))).code).toBe('INVALID_INPUT');
  });
});

describe('decryptPkcs8', () => {
  it('round-trips ours and reads what openssl pkcs8 -topk8 writes', async () => {
    const der = pkcs8Of('ed25519');
    const started = performance.now();
    const plain = await decryptPkcs8(await encryptPkcs8(der, PASS), PASS);
    console.info(`encrypt + decrypt at ${VAULT_PBKDF2_ITERATIONS}: ${(performance.now() - started).toFixed(0)} ms`);
    expect(Buffer.compare(plain, der)).toBe(0);

    await writeFile(lab.path('plain.der'), der);
    await lab.openssl('pkcs8', '-topk8', '-inform', 'DER', '-in', 'plain.der', '-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA256', '-iter', '600000', '-passout', 'pass:ünïcode ✓', '-out', 'ossl.pem');
    const fromOpenssl = await decryptPkcs8(onlyBlock(await lab.read('ossl.pem')).der, 'ünïcode ✓');
    expect(Buffer.compare(fromOpenssl, der)).toBe(0);
  });

  it('reports a wrong passphrase as FORBIDDEN, and refuses scrypt with a clear message', async () => {
    const encrypted = await encryptPkcs8(pkcs8Of('ec'), PASS);
    const wrong = await failure(decryptPkcs8(encrypted, 'not the passphrase'));
    expect(wrong.code).toBe('FORBIDDEN');
    expect(wrong.message).toMatch(/wrong passphrase/);

    await writeFile(lab.path('s.der'), pkcs8Of('ec'));
    await lab.openssl('pkcs8', '-topk8', '-inform', 'DER', '-in', 's.der', '-scrypt', '-passout', `pass:${PASS}`, '-outform', 'DER', '-out', 'scrypt.der');
    const scrypt = await failure(decryptPkcs8(await lab.read('scrypt.der'), PASS));
    expect(scrypt.code).toBe('INVALID_INPUT');
    expect(scrypt.message).toMatch(/scrypt.*only PBES2\/PBKDF2/);
    expect((await failure(decryptPkcs8(Uint8Array.of(0x30, 0x00), PASS))).code).toBe('INVALID_INPUT');
  });
});
