import { describe, expect, it } from 'vitest';
import { parseCrl, verifyCrlSignature } from '../pki/crl';
import { algorithmProfile, generateKeyPair, signDer } from './algorithms';
import { hexBytes } from './der-writer';
import { reasonCode, writeCrl, type CrlEntryInput } from './crl-encode';

const NAME = Uint8Array.of(0x30, 0x0f, 0x31, 0x0d, 0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x04, 0x54, 0x65, 0x73, 0x74);

describe('the fast CRL writer', () => {
  it('writes 10,000 entries that our parser reads back exactly and whose signature verifies', async () => {
    const keys = await generateKeyPair('ec-p256');
    const at = new Date('2026-05-01T10:00:00Z');
    const entries: CrlEntryInput[] = Array.from({ length: 10_000 }, (_, i) => ({
      serial: hexBytes((0x4000_0000 + i * 7919).toString(16).padStart(32, '0')),
      revokedAt: new Date(at.getTime() - (i % 50) * 60_000),
      reasonCode: i % 2 === 0 ? reasonCode('keyCompromise') : reasonCode('unspecified'),
    }));
    // A serial with the top bit set needs a sign octet; leading zero bytes are dropped.
    entries.push({ serial: hexBytes('0000ff01'), revokedAt: at, reasonCode: reasonCode('superseded') });
    const started = performance.now();
    const der = await writeCrl(
      { issuerDer: NAME, signatureAlgorithmDer: algorithmProfile('ec-p256').signatureAlgorithmDer, thisUpdate: at, nextUpdate: new Date(at.getTime() + 72 * 3_600_000), crlNumber: 7, authorityKeyId: hexBytes('0102030405'), entries },
      (tbs) => signDer('ec-p256', keys.privateKey, tbs),
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    const crl = parseCrl(der, { validateEntries: true });
    expect(crl).toMatchObject({ entryCount: 10_001, crlNumber: '7', authorityKeyId: '0102030405', thisUpdate: at.toISOString() });
    expect(crl.lookup((0x4000_0000 + 2 * 7919).toString(16))?.reason).toBe('keyCompromise');
    expect(crl.lookup((0x4000_0000 + 7919).toString(16))?.reason).toBeNull();
    expect(crl.lookup('ff01')?.reason).toBe('superseded');
    const spki = await crypto.subtle.exportKey('spki', keys.publicKey);
    expect(await verifyCrlSignature(crl, new Uint8Array(spki))).toBe(true);
  });
});
