import { describe, expect, it } from 'vitest';
import { checkStructure, decodeOid, decodeTime, DerError, integerHex, latin1, readTlv, TAG, type Tlv } from './der';
import { ES256, makeCa, P256 } from './crl/test-helpers';
import { hexOf, toHex } from './hex';

const tlv = (tag: number, text: string): Uint8Array => Uint8Array.from([tag, text.length, ...Array.from(text, (c) => c.charCodeAt(0))]);
const time = (tag: number, text: string): Date => {
  const der = tlv(tag, text);
  return decodeTime(der, readTlv(der, 0));
};

describe('decodeTime', () => {
  it('reads UTCTime with the RFC 5280 century window (50–99 → 19xx, 00–49 → 20xx)', () => {
    expect(time(TAG.UTC_TIME, '491231235959Z').toISOString()).toBe('2049-12-31T23:59:59.000Z');
    expect(time(TAG.UTC_TIME, '500101000000Z').toISOString()).toBe('1950-01-01T00:00:00.000Z');
  });

  it('reads GeneralizedTime, with or without a fraction of a second', () => {
    expect(time(TAG.GENERALIZED_TIME, '20500101000000Z').toISOString()).toBe('2050-01-01T00:00:00.000Z');
    expect(time(TAG.GENERALIZED_TIME, '99991231235959Z').toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect(time(TAG.GENERALIZED_TIME, '20300615120000.5Z').toISOString()).toBe('2030-06-15T12:00:00.000Z');
  });

  it.each([
    [TAG.UTC_TIME, '4912312359Z'], // no seconds
    [TAG.UTC_TIME, '491231235959'], // no Z
    [TAG.UTC_TIME, '491231235959+0100'], // offset form
    [TAG.UTC_TIME, '491231235959.5Z'], // fraction is GeneralizedTime only
    [TAG.UTC_TIME, '49123123595aZ'],
    [TAG.GENERALIZED_TIME, '20300615120000.Z'], // empty fraction
    [TAG.GENERALIZED_TIME, '20300615120000.5xZ'],
    [TAG.GENERALIZED_TIME, '203006151200Z'],
    [TAG.GENERALIZED_TIME, ''],
  ])('refuses %i "%s" and quotes it', (tag, text) => {
    expect(() => time(tag, text)).toThrow(DerError);
    expect(() => time(tag, text)).toThrow(`malformed time "${text.slice(0, 20)}"`);
  });
});

describe('hex', () => {
  it('writes every byte value as two lowercase digits', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toHex(all)).toBe(Array.from(all, (b) => b.toString(16).padStart(2, '0')).join(''));
    expect(toHex(all.buffer)).toBe(toHex(all));
    expect(hexOf(all, 254, 256)).toBe('feff');
  });

  it('shows INTEGER values without leading zeros, as openssl prints serials', () => {
    expect(integerHex(Uint8Array.from([0x00, 0x80, 0x01]))).toBe('8001');
    expect(integerHex(Uint8Array.from([0x0a, 0x00]))).toBe('a00');
    expect(integerHex(Uint8Array.from([0x00]))).toBe('0');
    expect(integerHex(Uint8Array.from([0x00, 0x00, 0x05]))).toBe('5');
  });
});

/** The straightforward walk checkStructure replaced (a Tlv per node): the reference it must agree with. */
function referenceCheck(bytes: Uint8Array, maxDepth: number): Tlv {
  const root = readTlv(bytes, 0);
  if (root.end !== bytes.length) throw new DerError(`${bytes.length - root.end} trailing bytes after the value`, root.end);
  const stack: Array<{ end: number; pos: number }> = root.constructed ? [{ end: root.end, pos: root.valueStart }] : [];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { end: number; pos: number };
    if (top.pos >= top.end) {
      stack.pop();
      continue;
    }
    const t = readTlv(bytes, top.pos, top.end);
    top.pos = t.end;
    if (t.constructed) {
      if (stack.length + 1 >= maxDepth) throw new DerError(`nesting deeper than ${maxDepth} levels`, t.start);
      stack.push({ end: t.end, pos: t.valueStart });
    }
  }
  return root;
}

const outcome = (f: () => Tlv): string => {
  try {
    return JSON.stringify(f());
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
};

describe('checkStructure', () => {
  it.each([
    ['a long-form length cut off by the end of the input', [0x30, 0x02, 0x04, 0x84]],
    ['a long-form length cut off by the end of its container', [0x30, 0x07, 0x30, 0x02, 0x04, 0x83, 0x04, 0x01, 0x00]],
    ['indefinite length inside', [0x30, 0x04, 0x30, 0x80, 0x00, 0x00]],
    ['a high tag number inside', [0x30, 0x03, 0x1f, 0x01, 0x00]],
    ['a lone tag byte inside', [0x30, 0x01, 0x04]],
    ['a five-byte length field', [0x30, 0x07, 0x04, 0x85, 0, 0, 0, 0, 0]],
    ['a child longer than its parent', [0x30, 0x03, 0x04, 0x05, 0x00]],
    ['well formed, nested', [0x30, 0x06, 0x31, 0x04, 0x04, 0x02, 0xaa, 0xbb]],
  ])('refuses or accepts %s exactly as the node-by-node walk does', (_name, bytes) => {
    const m = Uint8Array.from(bytes);
    expect(outcome(() => checkStructure(m))).toBe(outcome(() => referenceCheck(m, 48)));
  });

  it('agrees with a node-by-node walk on 20,000 mutations of a real certificate, errors included', async () => {
    const der = new Uint8Array((await makeCa(P256, ES256)).cert.rawData);
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let refused = 0;
    for (let k = 0; k < 20_000; k++) {
      const m = der.slice(0, k % 5 === 0 ? rnd(der.length + 1) : der.length);
      for (let j = 1 + rnd(3); j > 0 && m.length > 0; j--) m[rnd(m.length)] = [0x80, 0x84, 0xff, 0x1f, 0x30, rnd(256)][rnd(6)] as number;
      const depth = 3 + rnd(6);
      const ours = outcome(() => checkStructure(m, { maxDepth: depth, maxBytes: 1 << 20 }));
      expect(ours).toBe(outcome(() => referenceCheck(m, depth)));
      if (!ours.startsWith('{')) refused++;
    }
    // Both branches were exercised: most mutations break the DER, some keep it well formed.
    expect(refused).toBeGreaterThan(5_000);
    expect(refused).toBeLessThan(20_000);
  });
});

describe('decodeOid', () => {
  it.each([
    ['2.5.4.3', [0x55, 0x04, 0x03]],
    ['1.2.840.113549.1.1.11', [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]],
    ['0.9.2342.19200300.100.1.1', [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01]],
    ['2.999.3', [0x88, 0x37, 0x03]],
    ['1.3', [0x2b]],
  ])('reads %s', (dotted, bytes) => {
    expect(decodeOid(Uint8Array.from(bytes))).toBe(dotted);
  });

  it('gives the right text for OIDs whose remembered hashes collide, in either order', () => {
    // Same hash (length-seeded ×31): [1, 32] and [2, 1].
    expect(decodeOid(Uint8Array.from([0x01, 0x20]))).toBe('0.1.32');
    expect(decodeOid(Uint8Array.from([0x02, 0x01]))).toBe('0.2.1');
    expect(decodeOid(Uint8Array.from([0x01, 0x20]))).toBe('0.1.32');
  });

  it('stays right past the remembered set: 2,000 distinct OIDs, each read twice', () => {
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 2000; n++) {
        const arc = Uint8Array.from([0x81 + (n >> 7), n & 0x7f]);
        expect(decodeOid(Uint8Array.from([0x2b, 0x06, ...arc]))).toBe(`1.3.6.${(1 + (n >> 7)) * 128 + (n & 0x7f)}`);
      }
    }
  });

  it('refuses an empty OID, one that ends inside an arc, and arcs beyond 2^53', () => {
    expect(() => decodeOid(new Uint8Array())).toThrow('empty object identifier');
    expect(() => decodeOid(Uint8Array.from([0x55, 0x84]))).toThrow('ends inside an arc');
    expect(() => decodeOid(Uint8Array.from([0x55, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]))).toThrow('arc too large');
  });
});

describe('latin1', () => {
  it('maps every byte to the same code point, also past the 4096-byte chunk', () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256);
    expect(latin1(bytes)).toBe(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    expect(latin1(new Uint8Array())).toBe('');
  });
});
