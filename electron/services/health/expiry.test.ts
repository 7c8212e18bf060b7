import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../../e2e/support/test-pki';
import { ProxyProfileDraftSchema } from '../../../shared/ipc/probe-schemas';
import { z } from '../../../shared/ipc/zod';
import type { ProxyProfile } from '../../../shared/model/probe';
import { crlFromPem } from '../../../shared/pki/crl';
import { createExpiryReader } from './expiry';
import { createNodeHealthFs } from './fs';
import { fakeReport, tempDir } from './test-helpers';

const DAY = 86_400_000;
const now = new Date('2030-06-01T12:00:00.000Z');
let tmp: Awaited<ReturnType<typeof tempDir>>;
let pki: TestPki;

beforeAll(async () => {
  tmp = await tempDir();
  pki = await generateTestPki(join(tmp.dir, 'pki'), { now });
});
afterAll(() => tmp.cleanup());

function profile(extra: Partial<ProxyProfile>): ProxyProfile {
  return { ...z.parse(ProxyProfileDraftSchema, { name: 'p', baseUrl: 'https://proxy.test' }), id: 'p1', ...extra };
}

const device = (certFile: string): ProxyProfile['device'] => ({ certFile, keyFile: pki.devices.valid.keyPath, deviceId: 'device-valid-01' });

describe('expiry facts for the profile card', () => {
  it('counts days left on the device certificate (leaf of a leaf+chain file) and the CRL bundle', async () => {
    const read = createExpiryReader(createNodeHealthFs());
    const facts = await read(profile({ device: device(pki.devices.valid.chainPath), crlFile: pki.crlBundle.path }), null, now);
    expect(facts).toEqual({ serverCertDays: null, deviceCertDays: 30, crlNextUpdateDays: 7 });
  });

  it('takes the CRL that lapses first, negative once it has, and reads DER as well as PEM', async () => {
    const read = createExpiryReader(createNodeHealthFs());
    expect((await read(profile({ crlFile: pki.expiredCrlBundle.path }), null, now)).crlNextUpdateDays).toBe(-1);
    const der = join(tmp.dir, 'root.crl');
    await writeFile(der, crlFromPem(pki.crls.root.pem));
    expect((await read(profile({ crlFile: der }), null, now)).crlNextUpdateDays).toBe(7);
  });

  it('counts the server certificate from the last report against the current time', async () => {
    const read = createExpiryReader(createNodeHealthFs());
    const chainCert = { subject: 's', issuer: 'i', serialNumber: '01', sha256: 'ab', daysLeft: 99 };
    const tls = {
      version: 'TLSv1.3', cipher: null, chainVerified: true, verifyError: null, verifyMessage: null, hostnameVerified: true,
      requestsClientCert: true, acceptableCas: [], ocspStapled: false,
      protocols: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true },
      chain: [{ ...chainCert, notAfter: new Date(now.getTime() + 12 * DAY + 5).toISOString() }],
    };
    const facts = await read(profile({}), fakeReport({ tls }), now);
    expect(facts.serverCertDays).toBe(12);
    expect((await read(profile({}), fakeReport({ tls }), new Date(now.getTime() + 13 * DAY))).serverCertDays).toBe(-1);
  });

  it('gives null, not an error, for missing, unreadable or foreign files, and notices when a file is fixed', async () => {
    const read = createExpiryReader(createNodeHealthFs());
    const junk = join(tmp.dir, 'junk.pem');
    await writeFile(junk, 'not a certificate');
    const broken = profile({ device: device(junk), crlFile: join(tmp.dir, 'missing.crl') });
    expect(await read(broken, null, now)).toEqual({ serverCertDays: null, deviceCertDays: null, crlNextUpdateDays: null });
    expect((await read(profile({ crlFile: pki.devices.valid.certPath }), null, now)).crlNextUpdateDays).toBeNull();

    await writeFile(junk, pki.devices.valid.certPem);
    expect((await read(broken, null, now)).deviceCertDays).toBe(30);
  });
});
