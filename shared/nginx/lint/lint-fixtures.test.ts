import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mtlsServerBlock } from '../../../e2e/support/mtls-config';
import { generateTestPki, type TestPki } from '../../../e2e/support/test-pki';
import * as x509 from '../../pki/x509';
import { loadNginxConfig, type ConfigReader } from '../parse/load';
import type { LintFinding } from '../types';
import { lintNginx, referencedFiles, type LintContext } from './index';

/**
 * Every fixture under fixtures/ is linted with real certificate and CRL bytes. A `.bad.conf`
 * marks each line that must be reported with `# expect <id>`; the findings must be exactly
 * those (id, line) pairs. A `.good.conf` must produce no finding at all.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const DAY = 86_400_000;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const noReads: ConfigReader = { read: async () => null, glob: async () => [] };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

async function newCa(subject: string, issuer?: { cert: x509.X509Certificate; keys: CryptoKeyPair }): Promise<{ cert: x509.X509Certificate; keys: CryptoKeyPair }> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '0102',
    subject,
    issuer: issuer ? issuer.cert.subjectName : subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    signingAlgorithm: SIGN,
    publicKey: keys.publicKey,
    signingKey: (issuer ?? { keys }).keys.privateKey,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  return { cert, keys };
}

/** The /pki/* paths the fixtures name, as real PEM bytes. */
async function pkiFiles(pki: TestPki): Promise<Map<string, Uint8Array>> {
  const root = await newCa('CN=Two Level Root');
  const middle = await newCa('CN=Two Level Intermediate', root);
  const issuing = await newCa('CN=Two Level Device CA', middle);
  const expired = await x509.X509CrlGenerator.create({
    issuer: pki.intermediate.cert.subjectName,
    thisUpdate: new Date(Date.now() - 2 * DAY),
    nextUpdate: new Date(Date.now() - DAY),
    signingAlgorithm: SIGN,
    signingKey: pki.intermediate.keys.privateKey,
  });
  const expiredPem = `${x509.PemConverter.encode(expired.rawData, 'X509 CRL')}\n${pki.crls.root.pem}`;
  return new Map([
    ['/pki/ca-bundle.pem', bytes(pki.caBundle.pem)],
    ['/pki/intermediate.pem', bytes(pki.intermediate.certPem)],
    ['/pki/crl-bundle.pem', bytes(pki.crlBundle.pem)],
    ['/pki/crl-root.pem', bytes(pki.crls.root.pem)],
    ['/pki/crl-expired.pem', bytes(expiredPem)],
    ['/pki/ca-two-levels.pem', bytes([root, middle, issuing].map((c) => c.cert.toString('pem')).join('\n'))],
  ]);
}

function expectedMarks(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const m = /# expect ((?:[A-Z]+-?\d*\s*)+)$/.exec(line);
    return m ? (m[1] as string).trim().split(/\s+/).map((id) => `${id}:${i + 1}`) : [];
  });
}

const marks = (findings: readonly LintFinding[]): string[] => [...new Set(findings.map((f) => `${f.id}:${f.line}`))].sort();

let dir: string;
let pki: TestPki;
let files: Map<string, Uint8Array>;
const ctx = (): LintContext => ({ now: new Date(), prefix: '/etc/nginx', files });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nginx-lint-'));
  pki = await generateTestPki(join(dir, 'pki'));
  files = await pkiFiles(pki);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fixtureNames = (await readdir(FIXTURES)).filter((f) => f.endsWith('.conf')).sort();

describe('lint fixtures', () => {
  it('covers every rule with a broken config', () => {
    const ids = new Set(fixtureNames.filter((f) => f.includes('.bad.')).map((f) => (f.split('.')[0] as string).toUpperCase()));
    expect([...ids].sort()).toEqual(['M-1', 'M-11', 'M-12', 'M-15', 'M-2', 'M-20', 'M-5', 'M-6', 'M-7', 'M-8', 'M-9', 'PARSE']);
  });

  it.each(fixtureNames)('%s yields exactly the marked findings', async (name) => {
    const text = await readFile(join(FIXTURES, name), 'utf8');
    const config = await loadNginxConfig(`/etc/nginx/conf.d/${name}`, noReads, { text });
    const findings = lintNginx(config, ctx());
    const expected = expectedMarks(text).sort();
    if (name.includes('.bad.')) expect(expected.length).toBeGreaterThan(0);
    expect(marks(findings)).toEqual([...new Set(expected)].sort());
    for (const f of findings) {
      expect(f.file).toBe(`/etc/nginx/conf.d/${name}`);
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.fix.length).toBeGreaterThan(10);
    }
  });
});

describe('the known-good mTLS server block (e2e/support/mtls-config.ts)', () => {
  const lintGood = async (text: string, fileMap: ReadonlyMap<string, Uint8Array>): Promise<LintFinding[]> => {
    const config = await loadNginxConfig('/etc/nginx/nginx.conf', noReads, { text });
    return lintNginx(config, { now: new Date(), prefix: '/etc/nginx', files: fileMap });
  };
  const realFiles = async (text: string): Promise<Map<string, Uint8Array>> => {
    const config = await loadNginxConfig('/etc/nginx/nginx.conf', noReads, { text });
    const paths = referencedFiles(config, '/etc/nginx');
    return new Map(await Promise.all(paths.map(async (p): Promise<[string, Uint8Array]> => [p, new Uint8Array(await readFile(p))])));
  };

  it('as a conf.d snippet: clean, with the CA and CRL files read', async () => {
    const text = mtlsServerBlock({ port: 8443, upstreamPort: 8000, pki });
    expect(await lintGood(text, await realFiles(text))).toEqual([]);
  });

  it('inside a full nginx.conf, the same', async () => {
    const text = `events {}\nhttp {\n${mtlsServerBlock({ port: 8443, upstreamPort: 8000, pki })}\n}\n`;
    expect(await lintGood(text, await realFiles(text))).toEqual([]);
  });

  it('M-20 when the advertised CA list is broader than the device chain', async () => {
    const text = mtlsServerBlock({ port: 8443, upstreamPort: 8000, pki });
    const files = await realFiles(text);
    const many = [pki.caBundle.pem, pki.foreignCa.certPem, pki.root.certPem].join('');
    files.set(pki.caBundle.path, new TextEncoder().encode(many));
    const findings = await lintGood(text, files);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['M-20', 'low']]);
    expect(findings[0]?.line).toBe(text.split('\n').findIndex((l) => l.includes('ssl_client_certificate')) + 1);
  });

  it('reads the CA and CRL files it names, so the file rules really ran', async () => {
    const text = mtlsServerBlock({ port: 8443, upstreamPort: 8000, pki });
    const shallow = text.replace('ssl_verify_depth 2;', 'ssl_verify_depth 0;').replace(pki.crlBundle.path, pki.crls.intermediate.path);
    const ids = (await lintGood(shallow, await realFiles(shallow))).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['M-7', 'M-8']));
  });
});
