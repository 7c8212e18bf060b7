import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bmpPassword, pkcs12Kdf } from '../../pki/kdf';
import { pkcs12MacKeySha256 } from './pkcs12-mac';
import { sha256Chain } from '../../pki/sha256-chain';
import { referenceKdfSha256 } from '../../pki/kdf-test-reference';

describe('sha256Chain', () => {
  it('equals repeated node:crypto SHA-256 across slice boundaries', async () => {
    const seed = hash('sha256', 'seed', 'buffer');
    let expected = seed;
    const checkpoints = new Set([0, 1, 2, 32_767, 32_768, 32_769, 70_000]);
    for (let round = 0; round <= 70_000; round++) {
      if (checkpoints.has(round)) expect((await sha256Chain(seed, round)).toString('hex')).toBe(expected.toString('hex'));
      expected = hash('sha256', expected, 'buffer');
    }
  });
});

describe('pkcs12MacKeySha256', () => {
  it('equals the PKCS#12 KDF (SHA-256, ID 3) computed with a native hash a round', async () => {
    const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    for (const [pass, rounds] of [['secret', 1], ['secret', 2], ['pässwörd ✓', 2048], ['a much longer passphrase that spans more than one 64-byte block of input', 40_000]] as const) {
      const fast = await pkcs12MacKeySha256(pass, salt, rounds);
      expect(fast.toString('hex')).toBe(referenceKdfSha256(bmpPassword(pass), salt, 3, rounds, 32).toString('hex'));
      expect(fast.toString('hex')).toBe(pkcs12Kdf('sha256', bmpPassword(pass), salt, 3, rounds, 32).toString('hex'));
    }
  });

  it('derives a 600k-round key faster than the generic loop and keeps the event loop turning', async () => {
    const salt = Buffer.alloc(16, 7);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    let started = performance.now();
    const fast = await pkcs12MacKeySha256('correct horse battery staple', salt, 600_000);
    const fastMs = performance.now() - started;
    clearInterval(timer);
    started = performance.now();
    const generic = referenceKdfSha256(bmpPassword('correct horse battery staple'), salt, 3, 600_000, 32);
    const genericMs = performance.now() - started;
    expect(fast.toString('hex')).toBe(generic.toString('hex'));
    expect(ticks).toBeGreaterThan(3);
    console.info(`PKCS#12 MAC key, 600k rounds: chain ${fastMs.toFixed(0)} ms (event loop ran ${ticks} timer ticks meanwhile), a native hash a round ${genericMs.toFixed(0)} ms`);
  });
});
