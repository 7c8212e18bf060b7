import { describe, expect, it } from 'vitest';
import { readInput } from './read-input';
import { toPem } from './pem';
import { classifyDer } from './classify';
import { describeCertificate } from './describe';
import { ES256, makeCa, P256 } from './crl/test-helpers';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// A tiny, valid DER certificate-shaped structure is not needed: these tests feed real PEM
// from openssl-independent fixtures built in inspect.test.ts. Here: structure and errors.
describe('readInput', () => {
  it('reports a bad block by number and reason and still reads the others', () => {
    const good = toPem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), 'CERTIFICATE');
    const text = `${good}-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n${good}`;
    const out = readInput(enc(text), 'mixed.pem');
    expect(out.errors.map((e) => e.message)).toEqual([
      'block 1 is labelled CERTIFICATE but contains unrecognised structure',
      'block 2 (CERTIFICATE) is not valid base64',
      'block 3 is labelled CERTIFICATE but contains unrecognised structure',
    ]);
    expect(out.errors.map((e) => e.source)).toEqual([
      { file: 'mixed.pem', index: 0 },
      { file: 'mixed.pem', index: 1 },
      { file: 'mixed.pem', index: 2 },
    ]);
  });

  it('names a truncated file and a mismatched END line', () => {
    expect(readInput(enc('-----BEGIN CERTIFICATE-----\nMIIB'), 'cut.pem').errors[0]?.message).toBe('block 1 (CERTIFICATE) has no END line: the file is truncated');
    const mismatch = readInput(enc('-----BEGIN X509 CRL-----\nMAA=\n-----END CERTIFICATE-----\n'), 'm.pem');
    expect(mismatch.errors[0]?.message).toBe('block 1 (X509 CRL) ends with "END CERTIFICATE"');
  });

  it('refuses hostile DER with a precise reason instead of hanging', () => {
    const deep = new Uint8Array(20_000);
    for (let i = 0; i < 10_000; i++) {
      deep[2 * i] = 0x30;
      deep[2 * i + 1] = 0x80;
    }
    expect(readInput(deep, 'deep.der').errors[0]?.message).toMatch(/not valid DER|indefinite/);
    const nested = buildNested(200);
    expect(() => classifyDer(nested)).toThrow(/nesting deeper than/);
    const lying = new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]);
    expect(readInput(lying, 'lying.der').errors[0]?.message).toMatch(/runs past the end/);
    expect(readInput(new Uint8Array([0x30]), 'tiny.der').errors[0]?.message).toMatch(/truncated/);
  });

  it('says plainly when there is nothing to read', () => {
    expect(readInput(enc('hello world, not a certificate'), 'notes.txt').errors[0]?.message).toBe('not PEM, DER or base64: nothing to read');
    expect(readInput(enc('junk before\n\nno blocks here'), 'x.pem').errors).toHaveLength(1);
  });

  it('marks what it has walked as structure-checked, so describing does not walk it twice, and nothing else', async () => {
    const der = new Uint8Array((await makeCa(P256, ES256)).cert.rawData);
    expect(readInput(enc(toPem(der, 'CERTIFICATE')), 'a.pem').blocks.map((b) => [b.kind, b.checked])).toEqual([['certificate', true]]);
    expect(readInput(der, 'a.der').blocks.map((b) => [b.kind, b.checked])).toEqual([['certificate', true]]);
    // A BER PKCS#12 is handed to its own reader unwalked.
    const ber = Uint8Array.from([0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80, 0x00, 0x00, 0x00, 0x00]);
    expect(readInput(ber, 'a.p12').blocks.map((b) => [b.kind, b.checked])).toEqual([['pkcs12', false]]);
  });

  it('still walks a certificate nobody checked: hostile nesting is refused, not described', async () => {
    await expect(describeCertificate(buildNested(200), { file: 'x', index: 0 }, new Date())).rejects.toThrow(/nesting deeper than/);
  });
});

function buildNested(depth: number): Uint8Array {
  let inner = new Uint8Array([0x05, 0x00]);
  for (let i = 0; i < depth; i++) {
    const len = inner.length;
    const header = len < 128 ? [0x30, len] : len < 256 ? [0x30, 0x81, len] : [0x30, 0x82, len >> 8, len & 0xff];
    const next = new Uint8Array(header.length + len);
    next.set(header);
    next.set(inner, header.length);
    inner = next;
  }
  return inner;
}
