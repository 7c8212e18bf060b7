import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPrivateKey, type KeyRead } from './private-key';
import { createLab, onlyBlock, rewriteDer, sameBytes, sha256Hex, type OpensslLab, type TestPemBlock } from './test-openssl';

const PASS = 'correct horse battery';

interface KeySpec {
  readonly name: string;
  readonly genpkey: string[];
  readonly algorithm: 'RSA' | 'EC' | 'Ed25519';
  readonly size: number;
  readonly curve: string | null;
  readonly traditional: 'pkcs1' | 'sec1' | null;
}

const SPECS: KeySpec[] = [
  { name: 'rsa2048', genpkey: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], algorithm: 'RSA', size: 2048, curve: null, traditional: 'pkcs1' },
  { name: 'rsa3072', genpkey: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072'], algorithm: 'RSA', size: 3072, curve: null, traditional: 'pkcs1' },
  { name: 'p256', genpkey: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], algorithm: 'EC', size: 256, curve: 'P-256', traditional: 'sec1' },
  { name: 'p384', genpkey: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'], algorithm: 'EC', size: 384, curve: 'P-384', traditional: 'sec1' },
  { name: 'ed25519', genpkey: ['-algorithm', 'ed25519'], algorithm: 'Ed25519', size: 256, curve: null, traditional: null },
];

interface Made {
  readonly spec: KeySpec;
  readonly spkiSha256: string;
  readonly spkiDer: Uint8Array;
  readonly pkcs8: TestPemBlock;
  readonly encrypted: TestPemBlock;
  readonly traditional: TestPemBlock | null;
  readonly legacyEncrypted: TestPemBlock | null;
}

let lab: OpensslLab;
const made = new Map<string, Made>();
let scrypt: TestPemBlock;
let sha512Prf: TestPemBlock;

async function make(spec: KeySpec): Promise<Made> {
  const { name } = spec;
  const o = lab.openssl;
  await o('genpkey', ...spec.genpkey, '-out', `${name}.pem`);
  const spkiDer = new Uint8Array(await o('pkey', '-in', `${name}.pem`, '-pubout', '-outform', 'DER'));
  const encrypt = o('pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-iter', '600000', '-in', `${name}.pem`, '-passout', `pass:${PASS}`);
  const tool = spec.traditional === 'pkcs1' ? ['rsa', '-traditional'] : ['ec'];
  const traditional = spec.traditional ? o(...tool, '-in', `${name}.pem`) : null;
  const legacy = spec.traditional ? o(...tool, '-in', `${name}.pem`, '-aes256', '-passout', `pass:${PASS}`) : null;
  return {
    spec,
    spkiDer,
    spkiSha256: sha256Hex(spkiDer),
    pkcs8: onlyBlock(await lab.read(`${name}.pem`)),
    encrypted: onlyBlock(await encrypt),
    traditional: traditional ? onlyBlock(await traditional) : null,
    legacyEncrypted: legacy ? onlyBlock(await legacy) : null,
  };
}

beforeAll(async () => {
  lab = await createLab();
  for (const m of await Promise.all(SPECS.map(make))) made.set(m.spec.name, m);
  const [s, p] = await Promise.all([
    lab.openssl('pkcs8', '-topk8', '-scrypt', '-in', 'p256.pem', '-passout', `pass:${PASS}`),
    lab.openssl('pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA512', '-iter', '1000', '-in', 'p256.pem', '-passout', `pass:${PASS}`),
  ]);
  scrypt = onlyBlock(s);
  sha512Prf = onlyBlock(p);
}, 180_000);

afterAll(async () => {
  await lab?.cleanup();
});

function expectKey(read: KeyRead, m: Made, format: string): void {
  if (!read.ok) throw new Error(`expected ok, got ${read.code}: ${read.message}`);
  expect(read.format).toBe(format);
  expect(read.publicKey).toEqual({ algorithm: m.spec.algorithm, size: m.spec.size, curve: m.spec.curve, spkiSha256: m.spkiSha256 });
  expect(sameBytes(read.spkiDer, m.spkiDer)).toBe(true);
}

const get = (name: string): Made => made.get(name) as Made;

describe.each(SPECS.map((s) => s.name))('readPrivateKey: %s', (name) => {
  it('reads PKCS#8 and derives the SPKI fingerprint `openssl pkey -pubout` gives', () => {
    expectKey(readPrivateKey(get(name).pkcs8), get(name), 'pkcs8');
  });

  it('reads encrypted PKCS#8 (PBES2, AES-256-CBC, 600k iterations) with the passphrase', () => {
    const read = readPrivateKey(get(name).encrypted, PASS);
    expectKey(read, get(name), 'encrypted-pkcs8');
    expect(read.ok && read.encryption).toEqual({ scheme: 'PBES2/PBKDF2-HMAC-SHA-256/AES-256-CBC', iterations: 600000 });
  });

  it('reads the traditional form (PKCS#1 / SEC1) and its legacy-encrypted PEM', () => {
    const m = get(name);
    if (!m.traditional || !m.legacyEncrypted) return;
    expectKey(readPrivateKey(m.traditional), m, m.spec.traditional as string);
    const legacy = readPrivateKey(m.legacyEncrypted, PASS);
    expectKey(legacy, m, m.spec.traditional as string);
    expect(legacy.ok && legacy.encryption?.scheme).toMatch(/legacy PEM encryption \(AES-256-CBC/);
  });
});

describe('readPrivateKey: passphrases', () => {
  it('asks for a missing passphrase, naming the block', () => {
    const read = readPrivateKey({ ...get('p256').encrypted, blockNumber: 2 });
    expect(read).toEqual({ ok: false, code: 'PASSPHRASE_REQUIRED', message: 'ENCRYPTED PRIVATE KEY block 2 needs a passphrase' });
    expect(readPrivateKey(get('p256').encrypted, '')).toMatchObject({ ok: false, code: 'PASSPHRASE_REQUIRED' });
  });

  it('reports a wrong passphrase as such', () => {
    const read = readPrivateKey({ ...get('rsa2048').encrypted, blockNumber: 1 }, 'not it');
    expect(read).toMatchObject({ ok: false, code: 'WRONG_PASSPHRASE', message: 'wrong passphrase for ENCRYPTED PRIVATE KEY block 1' });
  });

  it('handles legacy Proc-Type encryption: missing and wrong passphrases', () => {
    const block = get('rsa2048').legacyEncrypted as TestPemBlock;
    expect(readPrivateKey(block)).toMatchObject({ ok: false, code: 'PASSPHRASE_REQUIRED' });
    expect(readPrivateKey(block, 'not it')).toMatchObject({ ok: false, code: 'WRONG_PASSPHRASE' });
  });

  it('says wrong passphrase for every wrong one, also those whose garbage passes the padding check', () => {
    const block = get('rsa2048').legacyEncrypted as TestPemBlock;
    // About one in 256 decrypts to bytes with valid padding, which OpenSSL then fails to decode.
    const codes = new Set(Array.from({ length: 1500 }, (_, i) => {
      const read = readPrivateKey(block, `wrong-${i}`);
      return read.ok ? 'ok' : read.code;
    }));
    expect([...codes]).toEqual(['WRONG_PASSPHRASE']);
  });

  it('refuses scrypt PBES2 with the Electron message, although Node could read it', () => {
    const read = readPrivateKey({ ...scrypt, blockNumber: 1 }, PASS);
    expect(read.ok).toBe(false);
    expect(read).toMatchObject({ code: 'UNSUPPORTED' });
    expect(!read.ok && read.message).toContain('scrypt-encrypted key: Electron cannot read it; re-encrypt with `openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 600000');
    // Refused before asking for a passphrase: no point in typing one.
    expect(readPrivateKey(scrypt)).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
  });

  it('refuses a PBKDF2 PRF BoringSSL does not implement (HMAC-SHA-512)', () => {
    const read = readPrivateKey(sha512Prf, PASS);
    expect(read).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
    expect(!read.ok && read.message).toMatch(/Electron cannot read PBKDF2 with HMAC-SHA-512/);
  });

  it('refuses a hostile iteration count without running it', () => {
    const der = rewriteDer(get('p256').encrypted.der, {
      edit: (tag, value) => (tag === 0x02 && Buffer.from(value).toString('hex') === '0927c0' ? Uint8Array.of(0x02, 0x04, 0x7f, 0xff, 0xff, 0xff) : undefined),
    });
    const started = Date.now();
    const read = readPrivateKey({ label: 'ENCRYPTED PRIVATE KEY', der }, PASS);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(read).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
    expect(!read.ok && read.message).toMatch(/iteration count 2147483647 is above the 10,000,000/);
  });
});

describe('readPrivateKey: broken input', () => {
  it('reports truncated keys as MALFORMED for every label', () => {
    for (const block of [get('rsa2048').pkcs8, get('rsa2048').encrypted, get('p384').traditional, get('rsa3072').traditional] as TestPemBlock[]) {
      for (const cut of [0, 1, 7, Math.floor(block.der.length / 2), block.der.length - 1]) {
        const read = readPrivateKey({ label: block.label, der: block.der.subarray(0, cut) }, PASS);
        expect(read, `${block.label} cut at ${cut}`).toMatchObject({ ok: false, code: 'MALFORMED' });
      }
    }
  });

  it('reports garbage as MALFORMED and never throws', () => {
    const garbage = new Uint8Array(512).map((_, i) => (i * 131 + 7) & 0xff);
    for (const label of ['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'EC PRIVATE KEY', 'RSA PRIVATE KEY']) {
      expect(readPrivateKey({ label, der: garbage }, PASS)).toMatchObject({ ok: false, code: 'MALFORMED' });
      expect(readPrivateKey({ label, der: Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00) }, PASS)).toMatchObject({ ok: false, code: 'MALFORMED' });
    }
  });

  it('rejects a key whose structure is valid DER but not a key', () => {
    const wrong = readPrivateKey({ label: 'EC PRIVATE KEY', der: get('rsa2048').traditional?.der as Uint8Array });
    expect(wrong).toMatchObject({ ok: false, code: 'MALFORMED' });
  });

  it('points OpenSSH and DSA keys to a conversion', () => {
    expect(readPrivateKey({ label: 'OPENSSH PRIVATE KEY', der: new Uint8Array(10) })).toMatchObject({ ok: false, code: 'UNSUPPORTED', message: expect.stringContaining('ssh-keygen -p -m PKCS8') });
    expect(readPrivateKey({ label: 'DSA PRIVATE KEY', der: new Uint8Array(10) })).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
  });
});

describe('readPrivateKey: no private material out', () => {
  it('returns only public fields, and no message quotes key bytes', () => {
    const m = get('p256');
    const read = readPrivateKey(m.pkcs8);
    expect(Object.keys(read).sort()).toEqual(['encryption', 'format', 'ok', 'publicKey', 'spkiDer']);
    const wrong = readPrivateKey(m.encrypted, 'not it');
    const hex = Buffer.from(m.pkcs8.der).toString('hex');
    const b64 = Buffer.from(m.pkcs8.der).toString('base64');
    for (const text of [JSON.stringify(read), JSON.stringify(wrong)]) {
      expect(text).not.toContain(hex.slice(-64));
      expect(text).not.toContain(b64.slice(-40));
    }
  });
});
