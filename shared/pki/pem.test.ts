import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, splitPem, toPem } from './pem';

describe('PEM and base64', () => {
  it('encodes every length and byte value exactly as the standard alphabet does', () => {
    for (let len = 0; len < 70; len++) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 97 + len * 31) & 0xff);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    const big = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919) & 0xff);
    expect(encodeBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('round-trips bytes through base64 and PEM', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 37) & 0xff);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    const [block] = splitPem(toPem(bytes, 'X509 CRL'));
    expect(block).toMatchObject({ ok: true, label: 'X509 CRL', der: bytes });
  });

  it('refuses characters outside the alphabet, data after padding and bad lengths', () => {
    expect(decodeBase64('MA==')).toEqual(new Uint8Array([0x30]));
    expect(decodeBase64('M A=\n=')).toEqual(new Uint8Array([0x30]));
    expect(decodeBase64('MA=a')).toBeNull();
    expect(decodeBase64('MA*=')).toBeNull();
    expect(decodeBase64('MAA')).toBeNull();
    expect(decodeBase64('MA===')).toBeNull();
  });

  it('keeps RFC 1421 headers of legacy encrypted keys apart from the data', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\nMAA=\n-----END RSA PRIVATE KEY-----\n';
    const [block] = splitPem(pem);
    expect(block).toMatchObject({ ok: true, headers: { 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-256-CBC,00112233445566778899AABBCCDDEEFF' }, der: new Uint8Array([0x30, 0x00]) });
  });
});

describe('decodeBase64 against the standard decoder', () => {
  it('agrees for every length, with line breaks anywhere, and rejects stray characters', () => {
    for (let len = 0; len < 80; len++) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 131 + len) & 0xff);
      const b64 = Buffer.from(bytes).toString('base64');
      expect(decodeBase64(b64)).toEqual(bytes);
      // Breaks at odd offsets defeat the quad fast path and must still decode.
      const broken = b64.replace(/(.{3})/g, '$1\n ').replace(/(.{7})/g, '$1\r\n');
      expect(decodeBase64(broken)).toEqual(bytes);
      if (len > 3) {
        expect(decodeBase64(`${b64.slice(0, 2)}!${b64.slice(3)}`)).toBeNull();
        expect(decodeBase64(`${b64.slice(0, 2)}\u0141${b64.slice(3)}`)).toBeNull();
      }
    }
    expect(decodeBase64('QQ==QQ==')).toBeNull();
    expect(decodeBase64('QQ=')).toBeNull();
  });
});
