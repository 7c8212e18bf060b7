import { execFile } from 'node:child_process';
import { getCiphers } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPkcs12, type Pkcs12Read } from './pkcs12';
import { chunkedOctets, createLab, pemBlocks, rewriteDer, sha256Hex, type OpensslLab } from './test-openssl';

const PASS = 'p12 secret';
let lab: OpensslLab;
let leafSpki: string;
let caSpki: string;
const files = new Map<string, Uint8Array>();

/** Each variant: file name, the `openssl pkcs12 -export` options and the export passphrase. */
const VARIANTS: Array<[string, string[], string]> = [
  ['default', [], PASS],
  ['chain', ['-certfile', 'ca.crt'], PASS],
  ['legacy', ['-legacy'], PASS],
  ['3des', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'], PASS],
  ['empty', [], ''],
  ['nomac', ['-nomac'], PASS],
  ['plain', ['-keypbe', 'NONE', '-certpbe', 'NONE'], PASS],
  ['aes128-sha512', ['-keypbe', 'AES-128-CBC', '-certpbe', 'AES-192-CBC', '-macalg', 'sha512'], PASS],
  ['sha384', ['-macalg', 'sha384'], PASS],
  ['unicode', [], 'pässwörd ✓'],
];

beforeAll(async () => {
  lab = await createLab();
  const o = lab.openssl;
  await o('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=Test CA', '-days', '2');
  await o('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'leaf.key');
  await o('req', '-new', '-key', 'leaf.key', '-subj', '/CN=device-1', '-out', 'leaf.csr');
  await o('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '2', '-days', '1', '-out', 'leaf.crt');
  leafSpki = sha256Hex(await o('pkey', '-in', 'leaf.key', '-pubout', '-outform', 'DER'));
  caSpki = sha256Hex(await o('pkey', '-in', 'ca.key', '-pubout', '-outform', 'DER'));
  await Promise.all(
    VARIANTS.map(async ([name, args, pass]) => {
      await o('pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.crt', '-name', 'device key', ...args, '-passout', `pass:${pass}`, '-out', `${name}.p12`);
      files.set(name, new Uint8Array(await lab.read(`${name}.p12`)));
    }),
  );
}, 120_000);

afterAll(async () => {
  await lab?.cleanup();
});

const file = (name: string): Uint8Array => files.get(name) as Uint8Array;

function ok(read: Pkcs12Read): Extract<Pkcs12Read, { ok: true }> {
  if (!read.ok) throw new Error(`expected ok, got ${read.code}: ${read.message}`);
  return read;
}

/** The certificates `openssl pkcs12 -nokeys` prints, as DER. */
async function opensslCerts(name: string, pass: string, legacy = false): Promise<Uint8Array[]> {
  const out = await lab.openssl('pkcs12', '-in', `${name}.p12`, '-nokeys', ...(legacy ? ['-legacy'] : []), '-passin', `pass:${pass}`);
  return pemBlocks(out.toString()).map((b) => b.der);
}

async function expectLikeOpenssl(name: string, pass: string): Promise<Extract<Pkcs12Read, { ok: true }>> {
  const read = ok(readPkcs12(file(name), pass));
  const expected = await opensslCerts(name, pass);
  expect(read.certificates.map((c) => Buffer.from(c.der).toString('hex'))).toEqual(expected.map((d) => Buffer.from(d).toString('hex')));
  expect(read.keys).toHaveLength(1);
  expect(read.keys[0]?.publicKey).toEqual({ algorithm: 'RSA', size: 2048, curve: null, spkiSha256: leafSpki });
  expect(sha256Hex(read.keys[0]?.spkiDer as Uint8Array)).toBe(leafSpki);
  return read;
}

describe('readPkcs12: what openssl pkcs12 -export writes', () => {
  it('reads the OpenSSL 3 default (PBES2/AES-256-CBC, SHA-256 MAC) like openssl does', async () => {
    const read = await expectLikeOpenssl('default', PASS);
    expect(read.mac).toEqual({ digest: 'sha256', iterations: 2048 });
    expect(read.schemes).toEqual(['PBES2/PBKDF2-HMAC-SHA-256/AES-256-CBC']);
    const [cert] = read.certificates;
    expect(cert?.friendlyName).toBe('device key');
    expect(read.keys[0]?.friendlyName).toBe('device key');
    expect(cert?.localKeyId).toMatch(/^[0-9a-f]{40}$/);
    expect(read.keys[0]?.localKeyId).toBe(cert?.localKeyId);
    expect(read.keys[0]?.shrouded).toBe(true);
  });

  it('reads a chain (-certfile) in file order', async () => {
    const read = await expectLikeOpenssl('chain', PASS);
    expect(read.certificates).toHaveLength(2);
    expect(read.certificates.some((c) => c.localKeyId === undefined)).toBe(true);
    expect(caSpki).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads pbeWithSHAAnd3-KeyTripleDES-CBC with a SHA-1 MAC', async () => {
    const read = await expectLikeOpenssl('3des', PASS);
    expect(read.mac).toEqual({ digest: 'sha1', iterations: 2048 });
    expect(read.schemes).toEqual(['pbeWithSHAAnd3-KeyTripleDES-CBC']);
  });

  it('reads -legacy (RC2-40 certificates) or says clearly that RC2 is unavailable', async () => {
    const read = readPkcs12(file('legacy'), PASS);
    if (getCiphers().includes('rc2-40-cbc') && read.ok) {
      const expected = await opensslCerts('legacy', PASS, true);
      expect(read.certificates.map((c) => sha256Hex(c.der))).toEqual(expected.map(sha256Hex));
      return;
    }
    expect(read).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
    expect(!read.ok && read.message).toMatch(/pbeWithSHAAnd40BitRC2-CBC \(RC2\)/);
    expect(!read.ok && read.message).toContain('openssl pkcs12 -export -certpbe AES-256-CBC -keypbe AES-256-CBC -macalg sha256');
  });

  it('decrypts RC2 (-legacy) where the crypto library offers it (Node with the OpenSSL legacy provider)', async () => {
    const module = fileURLToPath(new URL('./pkcs12.ts', import.meta.url));
    const script = `import { readFileSync } from 'node:fs';
      const { readPkcs12 } = await import(${JSON.stringify(module)});
      const r = readPkcs12(readFileSync(${JSON.stringify(lab.path('legacy.p12'))}), ${JSON.stringify(PASS)});
      process.stdout.write(JSON.stringify(r.ok ? { certs: r.certificates.map((c) => Buffer.from(c.der).toString('hex')), spki: r.keys.map((k) => k.publicKey.spkiSha256), schemes: r.schemes } : r));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
    const expected = await opensslCerts('legacy', PASS, true);
    expect(JSON.parse(stdout)).toEqual({
      certs: expected.map((d) => Buffer.from(d).toString('hex')),
      spki: [leafSpki],
      schemes: ['pbeWithSHAAnd40BitRC2-CBC', 'pbeWithSHAAnd3-KeyTripleDES-CBC'],
    });
  });

  it('reads an empty passphrase (-passout pass:)', async () => {
    await expectLikeOpenssl('empty', '');
  });

  it('reads a file without MAC, and blames the passphrase when decryption fails', async () => {
    const read = await expectLikeOpenssl('nomac', PASS);
    expect(read.mac).toBeNull();
    expect(readPkcs12(file('nomac'), 'wrong')).toMatchObject({ ok: false, code: 'WRONG_PASSPHRASE' });
  });

  it('reads unencrypted bags (-keypbe NONE -certpbe NONE)', async () => {
    const read = await expectLikeOpenssl('plain', PASS);
    expect(read.schemes).toEqual([]);
    expect(read.keys[0]?.shrouded).toBe(false);
  });

  it('reads AES-128/192 and SHA-384/512 MACs (128-byte KDF blocks)', async () => {
    expect((await expectLikeOpenssl('aes128-sha512', PASS)).mac?.digest).toBe('sha512');
    expect((await expectLikeOpenssl('sha384', PASS)).mac?.digest).toBe('sha384');
  });

  it('encodes a non-ASCII passphrase as OpenSSL does (UTF-16 for the MAC, UTF-8 for PBES2)', async () => {
    await expectLikeOpenssl('unicode', 'pässwörd ✓');
  });

  it('reads BER: indefinite lengths and a chunked authSafe OCTET STRING', async () => {
    const ber = rewriteDer(file('chain'), { indefinite: true, edit: (tag, value) => (tag === 0x04 && value.length > 500 ? chunkedOctets(value, 256) : undefined) });
    expect(ber[1]).toBe(0x80);
    const read = ok(readPkcs12(ber, PASS));
    const expected = ok(readPkcs12(file('chain'), PASS));
    expect(read.certificates.map((c) => sha256Hex(c.der))).toEqual(expected.certificates.map((c) => sha256Hex(c.der)));
    expect(read.keys[0]?.publicKey.spkiSha256).toBe(leafSpki);
  });
});

describe('readPkcs12: refusals', () => {
  it('says "wrong passphrase" when the MAC does not match', () => {
    const read = readPkcs12(file('default'), 'wrong', { name: 'device.p12' });
    expect(read).toMatchObject({ ok: false, code: 'WRONG_PASSPHRASE' });
    expect(!read.ok && read.message).toMatch(/^wrong passphrase for device\.p12/);
  });

  it('asks for the passphrase when none was given', () => {
    expect(readPkcs12(file('default'), '')).toMatchObject({ ok: false, code: 'PASSPHRASE_REQUIRED' });
  });

  it('refuses a hostile MAC iteration count quickly', () => {
    const hostile = rewriteDer(file('default'), { edit: (tag, value) => (tag === 0x02 && Buffer.from(value).toString('hex') === '0800' ? Uint8Array.of(0x02, 0x04, 0x7f, 0xff, 0xff, 0xff) : undefined) });
    const started = Date.now();
    const read = readPkcs12(hostile, PASS);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(read).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
    expect(!read.ok && read.message).toMatch(/iteration count 2147483647 .*hostile/);
  });

  it('reports every truncation as MALFORMED, never a crash or hang', () => {
    const der = file('chain');
    const started = Date.now();
    for (let cut = 0; cut < der.length; cut += 7) {
      const read = readPkcs12(der.subarray(0, cut), PASS);
      expect(read, `cut at ${cut}`).toMatchObject({ ok: false, code: 'MALFORMED' });
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('never throws on corrupted bytes', () => {
    const der = file('default');
    for (let i = 0; i < der.length; i += 5) {
      const copy = new Uint8Array(der);
      copy[i] = (copy[i] as number) ^ 0x5a;
      const read = readPkcs12(copy, PASS);
      if (!read.ok) expect(['MALFORMED', 'WRONG_PASSPHRASE', 'UNSUPPORTED']).toContain(read.code);
    }
  });

  it('reports garbage, empty, nested and oversized input as MALFORMED', () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 197 + 13) & 0xff);
    const deep = new Uint8Array(20_000).map((_, i) => (i % 2 === 0 ? 0x30 : 0x80));
    for (const input of [garbage, new Uint8Array(0), deep, Uint8Array.of(0x30, 0x00)]) {
      expect(readPkcs12(input, PASS)).toMatchObject({ ok: false, code: 'MALFORMED' });
    }
    expect(readPkcs12(new Uint8Array(16 * 1024 * 1024 + 1), PASS)).toMatchObject({ ok: false, code: 'MALFORMED', message: expect.stringContaining('16 MiB') });
  });

  it('returns public facts only: no private key bytes anywhere in the result', async () => {
    const read = ok(readPkcs12(file('default'), PASS));
    const keyDer = Buffer.from(pemBlocks((await lab.read('leaf.key')).toString())[0]?.der as Uint8Array);
    const json = JSON.stringify(read, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
    expect(json).not.toContain(keyDer.subarray(-48).toString('hex'));
    expect(Object.keys(read.keys[0] ?? {}).sort()).toEqual(['friendlyName', 'localKeyId', 'publicKey', 'shrouded', 'spkiDer']);
  });
});
