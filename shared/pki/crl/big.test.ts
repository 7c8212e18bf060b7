import { beforeAll, describe, expect, it } from 'vitest';
import { generateBigCrl, type BigCrl } from '../../../e2e/support/big-crl';
import { crlFromPem, parseCrl, verifyCrlSignature } from './index';
import { makeCa, P256, ES256 } from './test-helpers';

const ENTRIES = 100_000;

describe(`a ${ENTRIES.toLocaleString('en')}-entry CRL`, () => {
  let big: BigCrl;

  beforeAll(async () => {
    const start = performance.now();
    big = await generateBigCrl({ entries: ENTRIES, sampleSize: 500 });
    console.log(`big CRL: generated ${ENTRIES} entries (${(big.der.length / 1e6).toFixed(1)} MB DER) in ${(performance.now() - start).toFixed(0)} ms`);
  });

  it('parses and verifies; every sampled serial is found with its reason, the others are not', async () => {
    const t0 = performance.now();
    const crl = parseCrl(big.der);
    const t1 = performance.now();
    const ok = await verifyCrlSignature(crl, big.ca.spkiDer);
    const t2 = performance.now();
    console.log(`big CRL: parse ${(t1 - t0).toFixed(1)} ms, verify ${(t2 - t1).toFixed(1)} ms, parse+verify ${(t2 - t0).toFixed(1)} ms`);
    expect(ok).toBe(true);
    expect(crl.entryCount).toBe(ENTRIES);
    expect(crl.issuer).toBe(big.ca.cert.subject);
    expect(crl.crlNumber).toBe('1');
    expect(crl.nextUpdate).toBe(big.nextUpdate?.toISOString());
    expect(big.revoked.length).toBeGreaterThan(400);
    const t3 = performance.now();
    for (const sample of big.revoked) {
      const entry = crl.lookup(sample.serial);
      expect(entry?.serial).toBe(sample.serial);
      expect(entry?.reason).toBe(sample.reason);
    }
    for (const serial of big.notRevoked) expect(crl.lookup(serial)).toBeNull();
    console.log(`big CRL: ${big.revoked.length + big.notRevoked.length} lookups in ${(performance.now() - t3).toFixed(1)} ms`);
  });

  it('iterates every entry lazily and in order', () => {
    const crl = parseCrl(big.der);
    const t0 = performance.now();
    let count = 0;
    let withReason = 0;
    for (const entry of crl.entries()) {
      count++;
      if (entry.reason) withReason++;
    }
    console.log(`big CRL: iterated ${count} entries in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(count).toBe(ENTRIES);
    expect(withReason).toBe(Math.ceil(ENTRIES / 3));
  });

  it('does not verify with another key or after tampering, and reads the PEM file form', async () => {
    const crl = parseCrl(big.der);
    const other = await makeCa(P256, ES256);
    expect(await verifyCrlSignature(crl, other.spki)).toBe(false);
    const tampered = big.der.slice();
    const middle = big.revoked[Math.floor(big.revoked.length / 2)]?.serial ?? '';
    const at = Buffer.from(big.der).indexOf(Buffer.from(middle, 'hex')) + 15; // last byte of that serial
    tampered[at] = (tampered[at] as number) ^ 0x01;
    expect(parseCrl(tampered).has(middle)).toBe(false);
    expect(await verifyCrlSignature(parseCrl(tampered), big.ca.spkiDer)).toBe(false);
    expect(Buffer.compare(crlFromPem(big.pem), big.der)).toBe(0); // (toEqual on 4 MB is slow)
  });

  it('handles a generated CRL without nextUpdate', async () => {
    const small = await generateBigCrl({ entries: 10, nextUpdate: null });
    const crl = parseCrl(small.der);
    expect(crl.nextUpdate).toBeNull();
    expect(crl.entryCount).toBe(10);
    expect(await verifyCrlSignature(crl, small.ca.spkiDer)).toBe(true);
  });
});
