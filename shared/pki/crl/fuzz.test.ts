import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { DerError } from '../der';
import { CrlError, parseCrl, UnsupportedAlgorithmError, verifyCrlSignature, type ParsedCrl } from './index';
import { ES256, makeCa, makeCrl, P256, rawExtension, type TestCa } from './test-helpers';

/** Deterministic PRNG so a failure reproduces (the seed is in the test name). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (der: Uint8Array, rnd: () => number) => Uint8Array;
const int = (rnd: () => number, n: number): number => Math.floor(rnd() * n);

const MUTATIONS: readonly Mutation[] = [
  (d, r) => { const m = d.slice(); for (let k = 1 + int(r, 4); k > 0; k--) m[int(r, m.length)] = int(r, 256); return m; },
  (d, r) => { const m = d.slice(); const i = int(r, m.length); m[i] = (m[i] as number) ^ (1 << int(r, 8)); return m; },
  (d, r) => d.slice(0, int(r, d.length)),
  (d, r) => { const i = int(r, d.length); return Uint8Array.of(...d.subarray(0, i), ...Array.from({ length: 1 + int(r, 8) }, () => int(r, 256)), ...d.subarray(i)); },
  (d, r) => { const i = int(r, d.length); return Uint8Array.of(...d.subarray(0, i), ...d.subarray(i + 1 + int(r, 16))); },
  // Absurd lengths: a long-form length claiming up to 4 GiB, or an indefinite length.
  (d, r) => { const i = int(r, d.length - 1); return Uint8Array.of(...d.subarray(0, i + 1), ...[[0x84, 0xff, 0xff, 0xff, 0xff], [0x80], [0x85, 1, 0, 0, 0, 0]][int(r, 3)] as number[], ...d.subarray(i + 2)); },
  (_d, r) => Uint8Array.from({ length: int(r, 300) }, () => int(r, 256)),
];

/** Uses everything lazy a caller might touch, so errors hidden behind laziness surface too. */
async function exercise(crl: ParsedCrl, spki: Uint8Array): Promise<void> {
  for (const entry of crl.entries()) crl.lookup(entry.serial);
  crl.has('01');
  await verifyCrlSignature(crl, spki).catch((err: unknown) => {
    if (!(err instanceof UnsupportedAlgorithmError || err instanceof CrlError)) throw err;
  });
}

describe('hostile input', () => {
  let ca: TestCa;
  let der: Uint8Array;

  beforeAll(async () => {
    ca = await makeCa(P256, ES256);
    ({ der } = await makeCrl(ca, {
      nextUpdate: new Date(Date.now() + 86_400_000),
      entries: [
        { serialNumber: '01', reason: x509.X509CrlReason.keyCompromise, invalidity: new Date('2024-01-01T00:00:00Z') },
        { serialNumber: '0203', reason: x509.X509CrlReason.superseded },
        { serialNumber: '7f7f7f7f', extensions: [rawExtension('2.5.29.29', true, [0x30, 0x12, 0xa4, 0x10, 0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x03, 0x61, 0x62, 0x63])] },
        { serialNumber: '04' },
      ],
      extensions: [
        await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
        rawExtension('2.5.29.20', false, [0x02, 0x01, 0x2a]),
        rawExtension('2.5.29.28', true, [0x30, 0x06, 0x81, 0x01, 0xff, 0x84, 0x01, 0xff]),
      ],
    }));
  });

  it('parses the seed CRL', async () => {
    const crl = parseCrl(der, { validateEntries: true });
    expect(crl.entryCount).toBe(4);
    expect(await verifyCrlSignature(crl, ca.spki)).toBe(true);
  });

  it.each([1, 2, 3])('3,000 random mutations (seed %i) either parse or throw a CrlError with a byte offset', async (seed) => {
    const rnd = mulberry32(seed);
    const counts = { parsed: 0, rejected: 0 };
    for (let i = 0; i < 3000; i++) {
      const mutant = (MUTATIONS[int(rnd, MUTATIONS.length)] as Mutation)(der, rnd);
      try {
        await exercise(parseCrl(mutant, { validateEntries: i % 2 === 0 }), ca.spki);
        counts.parsed++;
      } catch (err) {
        if (!(err instanceof CrlError) || !/ at byte \d+$/.test(err.message)) {
          throw new Error(`mutant #${i} (${Buffer.from(mutant).toString('hex')}) threw ${String(err)}`, { cause: err });
        }
        counts.rejected++;
      }
    }
    expect(counts.parsed + counts.rejected).toBe(3000);
    expect(counts.rejected).toBeGreaterThan(0);
    expect(counts.parsed).toBeGreaterThan(0);
  });

  it('rejects deep nesting, empty input and oversized input quickly and clearly', () => {
    const nest = (depth: number): Uint8Array => {
      const out: number[] = [];
      for (let i = 0; i < depth; i++) out.push(0x30, 0x80);
      return Uint8Array.from(out);
    };
    for (const input of [nest(100_000), new Uint8Array(100_000).fill(0x30), new Uint8Array(0), Uint8Array.of(0x30), Uint8Array.of(0x30, 0x00)]) {
      expect(() => parseCrl(input)).toThrow(DerError);
    }
    expect(() => parseCrl(der, { maxBytes: 100 })).toThrow(/exceeds the 100-byte limit at byte 0/);
  });
});
