import { describe, expect, it } from 'vitest';
import { portableBytes } from '../../../shared/pki/bytes-port';
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

  it('gives the published SHA-256 and SHA-1 of "abc"', () => {
    const abc = new TextEncoder().encode('abc');
    expect(nodeBytes.hashHex('sha256', abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(nodeBytes.hashHex('sha1', abc)).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
