import { describe, expect, it } from 'vitest';
import { digests, portableBytes } from '../../../shared/pki/bytes-port';
import { nodeBytes } from './node-bytes';

describe('nodeBytes', () => {
  it('digests and encodes exactly like the portable WebCrypto/JS port, on views into larger buffers too', async () => {
    const backing = new Uint8Array(4099).map((_, i) => (i * 131 + 7) & 0xff);
    for (const [start, end] of [[0, 0], [0, 1], [1, 3], [5, 4099], [17, 1029]] as const) {
      const view = backing.subarray(start, end);
      for (const hash of ['sha256', 'sha1'] as const) {
        expect(nodeBytes.hashHex(hash, view)).toBe(await portableBytes.hashHex(hash, view));
      }
      expect(nodeBytes.base64(view)).toBe(portableBytes.base64(view));
    }
  });

  it('answers several digests at once without a promise, where the portable port needs one, with equal values', async () => {
    const abc = new TextEncoder().encode('abc');
    const jobs = [['sha256', abc], ['sha1', abc]] as const;
    const native = digests(nodeBytes, jobs);
    const portable = digests(portableBytes, jobs);
    expect(Array.isArray(native)).toBe(true);
    expect(portable).toBeInstanceOf(Promise);
    expect(await portable).toEqual(native);
  });

  it('gives the published SHA-256 and SHA-1 of "abc"', () => {
    const abc = new TextEncoder().encode('abc');
    expect(nodeBytes.hashHex('sha256', abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(nodeBytes.hashHex('sha1', abc)).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  it('decodes base64 with exactly the portable decoder\'s strictness, valid or not', () => {
    // Random strings over the alphabet, padding, whitespace and a few characters that must be refused.
    const pool = 'ABCQwxyz09+/===    \n\r\t-_.*é';
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const len = next(24);
      for (let j = 0; j < len; j++) text += pool[next(pool.length)];
      const ours = nodeBytes.fromBase64(text);
      const portable = portableBytes.fromBase64(text);
      expect(ours === null, JSON.stringify(text)).toBe(portable === null);
      if (ours && portable) {
        expect([...ours], JSON.stringify(text)).toEqual([...portable]);
        valid++;
      }
    }
    // Both outcomes were exercised, so the agreement means something.
    expect(valid).toBeGreaterThan(500);
    expect(nodeBytes.fromBase64('AQID\nBAU=')).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    expect(nodeBytes.fromBase64('AQ=D')).toBeNull();
  });
});
