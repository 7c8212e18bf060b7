import { describe, expect, it } from 'vitest';
import { PkiFailure } from './asn1';
import { WorkBudget, bmpPassword, pbkdf2, pkcs12Kdf, widenedUtf8Password } from './kdf';
import { referenceKdfSha256 } from './kdf-test-reference';

const hex = (s: string): Buffer => Buffer.from(s, 'hex');

describe('pkcs12Kdf (RFC 7292 Appendix B)', () => {
  // The classic PKCS#12 KDF vectors (SHA-1) that OpenSSL and Bouncy Castle test against.
  it('matches the known-answer vectors', () => {
    expect(pkcs12Kdf('sha1', bmpPassword('smeg'), hex('0A58CF64530D823F'), 1, 1, 24).toString('hex')).toBe('8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3');
    expect(pkcs12Kdf('sha1', bmpPassword('smeg'), hex('0A58CF64530D823F'), 2, 1, 8).toString('hex')).toBe('79993dfe048d3b76');
    expect(pkcs12Kdf('sha1', bmpPassword('queeg'), hex('05DEC959ACFF72F7'), 1, 1000, 24).toString('hex')).toBe('ed2034e36328830ff09df1e1a07dd357185dac0d4f9eb3d4');
  });

  it('derives SHA-256 keys (the hash chain runs in JS) exactly as RFC 7292 B.2 with a native hash a round', () => {
    const salt = hex('00112233445566778899aabbccddeeff');
    for (const [pass, rounds, id, length] of [['secret', 1, 3, 32], ['secret', 2, 1, 32], ['pässwörd ✓', 2048, 2, 16], ['two blocks of output', 40_000, 1, 40]] as const) {
      expect(pkcs12Kdf('sha256', bmpPassword(pass), salt, id, rounds, length).toString('hex')).toBe(referenceKdfSha256(bmpPassword(pass), salt, id, rounds, length).toString('hex'));
    }
  });

  it('refuses hostile iteration counts before hashing', () => {
    expect(() => pkcs12Kdf('sha256', bmpPassword('x'), hex('00'), 3, 1_000_001, 32)).toThrow(/above the 1,000,000/);
    expect(() => pkcs12Kdf('sha256', bmpPassword('x'), hex('00'), 3, 0, 32)).toThrow(PkiFailure);
    expect(() => pbkdf2(Buffer.from('x'), hex('00'), 10_000_001, 32, 'sha256')).toThrow(/above the 10,000,000/);
  });

  it('charges a shared budget so many bags cannot add up to a hang', () => {
    const budget = new WorkBudget(10_000);
    pbkdf2(Buffer.from('x'), hex('00'), 6000, 32, 'sha256', budget);
    expect(() => pbkdf2(Buffer.from('x'), hex('00'), 6000, 32, 'sha256', budget)).toThrow(/more key-derivation work in total/);
  });
});

describe('passphrase encodings', () => {
  it('writes BMPString with the trailing zero, and the pre-1.1.0 OpenSSL widening', () => {
    expect(bmpPassword('').toString('hex')).toBe('0000');
    expect(bmpPassword('aé').toString('hex')).toBe('006100e90000');
    expect(widenedUtf8Password('é').toString('hex')).toBe('00c300a90000');
  });
});

