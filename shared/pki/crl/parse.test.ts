import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrlError, crlFromPem, crlsFromPem, parseCrl, verifyCrlSignature } from './index';
import { ES256, makeCa, makeCrl, P256, rawExtension, type TestCa } from './test-helpers';

const REASON_NAMES: Record<number, string> = { 1: 'keyCompromise', 4: 'superseded', 6: 'certificateHold', 10: 'aACompromise' };
const hexNoZeros = (s: string): string => s.toLowerCase().replace(/^0+(?=.)/, '');

describe('parseCrl on a small CRL made by @peculiar/x509', () => {
  let ca: TestCa;
  let der: Uint8Array;
  let view: x509.X509Crl;
  const invalidity = new Date('2024-05-01T10:00:00Z');

  beforeAll(async () => {
    ca = await makeCa(P256, ES256, 'CN=Test CRL CA+OU=Ops, O=Sentinel\\, Inc., C=DE, 2.5.4.5=42');
    const aki = await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey);
    ({ der, view } = await makeCrl(ca, {
      nextUpdate: new Date(Date.now() + 86_400_000),
      entries: [
        { serialNumber: '01', revocationDate: new Date('2024-05-02T00:00:00Z'), reason: x509.X509CrlReason.keyCompromise, invalidity },
        { serialNumber: '00ff12', revocationDate: new Date('2024-05-03T00:00:00Z') },
        { serialNumber: '7a0b0c0d0e0f', revocationDate: new Date('2051-01-01T00:00:00Z'), reason: x509.X509CrlReason.certificateHold },
        { serialNumber: '4000000000000000000000000000ab', reason: x509.X509CrlReason.superseded },
        { serialNumber: '5b', reason: x509.X509CrlReason.aACompromise },
      ],
      extensions: [
        aki,
        rawExtension('2.5.29.20', false, [0x02, 0x09, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
        // IDP: fullName URI http://c/x.crl, onlyContainsUserCerts, onlySomeReasons {keyCompromise, superseded}.
        rawExtension('2.5.29.28', true, [0x30, 0x1a, 0xa0, 0x11, 0xa0, 0x0f, 0x86, 0x0d, ...new TextEncoder().encode('http://c/x.cr'), 0x81, 0x01, 0xff, 0x83, 0x02, 0x03, 0x48]),
      ],
    }));
  });

  it('agrees with X509Crl on issuer, dates, entries and reasons', () => {
    const crl = parseCrl(der);
    expect(crl.version).toBe(2);
    expect(crl.issuer).toBe(view.issuer);
    expect(crl.issuer).toBe('CN=Test CRL CA+OU=Ops, O=Sentinel\\, Inc., C=DE, 2.5.4.5=42');
    expect(crl.issuerDer).toEqual(new Uint8Array(view.issuerName.toArrayBuffer()));
    expect(crl.thisUpdate).toBe(view.thisUpdate.toISOString());
    expect(crl.nextUpdate).toBe(view.nextUpdate?.toISOString());
    expect(crl.entryCount).toBe(view.entries.length);
    expect(crl.signatureAlgorithm).toBe('ecdsa-with-SHA256');
    expect(crl.signatureAlgorithmOid).toBe('1.2.840.10045.4.3.2');
    const ours = [...crl.entries()];
    expect(ours.map((e) => e.serial)).toEqual(view.entries.map((e) => hexNoZeros(e.serialNumber)));
    expect(ours.map((e) => e.revocationDate)).toEqual(view.entries.map((e) => e.revocationDate.toISOString()));
    expect(ours.map((e) => e.reason)).toEqual(view.entries.map((e) => (e.reason === undefined ? null : (REASON_NAMES[e.reason] ?? 'missing'))));
    expect(ours[0]?.invalidityDate).toBe(invalidity.toISOString());
    expect(ours[2]?.revocationDate).toBe('2051-01-01T00:00:00.000Z'); // GeneralizedTime after 2049
  });

  it('reads CRL number, AKI, IDP and lists extensions', () => {
    const crl = parseCrl(der);
    expect(crl.crlNumber).toBe('18446744073709551615');
    expect(crl.authorityKeyId).toBe(ca.cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId);
    expect(crl.issuingDistributionPoint).toEqual({
      critical: true,
      distributionPoint: [{ type: 'uri', value: 'http://c/x.cr' }],
      onlyContainsUserCerts: true,
      onlyContainsCACerts: false,
      onlySomeReasons: ['keyCompromise', 'superseded'],
      indirectCrl: false,
      onlyContainsAttributeCerts: false,
    });
    expect(crl.extensions.map((e) => [e.name, e.critical])).toEqual([
      ['authorityKeyIdentifier', false],
      ['cRLNumber', false],
      ['issuingDistributionPoint', true],
    ]);
    expect(crl.unknownCriticalExtensions).toEqual([]);
    expect(crl.deltaCrlIndicator).toBeNull();
  });

  it('looks serials up in any common spelling and says null for absent ones', () => {
    const crl = parseCrl(der);
    expect(crl.lookup('FF12')?.revocationDate).toBe('2024-05-03T00:00:00.000Z');
    expect(crl.lookup('00:ff:12')?.reason).toBeNull();
    expect(crl.lookup('0x7A0B0C0D0E0F')?.reason).toBe('certificateHold');
    expect(crl.lookup('1')?.reason).toBe('keyCompromise');
    expect(crl.has('5b')).toBe(true);
    expect(crl.lookup('02')).toBeNull();
    expect(crl.has('ff1200')).toBe(false);
    expect(() => crl.lookup('xyz')).toThrow(/not a hexadecimal serial/);
  });

  it('verifies with the CA key', async () => {
    expect(await verifyCrlSignature(parseCrl(der), ca.spki)).toBe(true);
  });

  it('handles an absent nextUpdate and an empty revocation list', async () => {
    const { der: bare } = await makeCrl(ca, {});
    const crl = parseCrl(bare);
    expect(crl.nextUpdate).toBeNull();
    expect(crl.entryCount).toBe(0);
    expect([...crl.entries()]).toEqual([]);
    expect(crl.lookup('01')).toBeNull();
    expect(crl.crlNumber).toBeNull();
    expect(await verifyCrlSignature(crl, ca.spki)).toBe(true);
  });

  it('reports unknown critical CRL and entry extensions', async () => {
    const { der: odd } = await makeCrl(ca, {
      entries: [{ serialNumber: '01', extensions: [rawExtension('1.3.6.1.4.1.99999.1', true, [0x05, 0x00])] }],
      extensions: [rawExtension('1.3.6.1.4.1.99999.2', true, [0x05, 0x00]), rawExtension('2.5.29.27', true, [0x02, 0x01, 0x07])],
    });
    const crl = parseCrl(odd);
    expect(crl.unknownCriticalExtensions).toEqual(['1.3.6.1.4.1.99999.2']);
    expect(crl.unknownCriticalEntryExtensions).toEqual(['1.3.6.1.4.1.99999.1']);
    expect(crl.deltaCrlIndicator).toBe('7');
  });

  it('carries certificateIssuer forward in indirect CRLs and can look up by issuer', async () => {
    // x509 2.2.0's `issuer` entry option writes the CRL issuer as a bare Name (not GeneralNames), so build it by hand.
    const certIssuer = (dn: string): x509.Extension => {
      const name = [...new Uint8Array(new x509.Name(dn).toArrayBuffer())];
      return rawExtension('2.5.29.29', true, [0x30, name.length + 2, 0xa4, name.length, ...name]);
    };
    const { der: signed } = await makeCrl(ca, {
      entries: [
        { serialNumber: '10' },
        { serialNumber: '11', extensions: [certIssuer('CN=Other CA')] },
        { serialNumber: '12' },
        { serialNumber: '7e', extensions: [certIssuer('CN=Third CA')], reason: x509.X509CrlReason.superseded },
      ],
      extensions: [rawExtension('2.5.29.28', true, [0x30, 0x03, 0x84, 0x01, 0xff])],
    });
    // x509 refuses a repeated serial; in an indirect CRL two issuers may revoke the same one.
    const indirect = signed.slice();
    const at = [...indirect.keys()].find((i) => indirect[i] === 0x02 && indirect[i + 1] === 0x01 && indirect[i + 2] === 0x7e);
    indirect[(at ?? 0) + 2] = 0x10;
    const crl = parseCrl(indirect);
    expect(crl.issuingDistributionPoint?.indirectCrl).toBe(true);
    expect(crl.lookup('12')?.certificateIssuer).toEqual([{ type: 'dn', value: 'CN=Other CA' }]);
    expect(crl.lookup('10')?.certificateIssuer).toBeUndefined();
    expect(crl.lookup('10', 'CN=Third CA')?.reason).toBe('superseded');
    expect(crl.lookup('10', crl.issuer)?.reason).toBeNull();
    expect(crl.lookup('10', crl.issuerDer)?.reason).toBeNull();
    expect(crl.lookup('10', new Uint8Array(new x509.Name('CN=Third CA').toArrayBuffer()))?.reason).toBe('superseded');
    expect(crl.lookup('11', crl.issuer)).toBeNull();
    expect([...crl.entries()].map((e) => e.certificateIssuer?.[0]?.value ?? null)).toEqual([null, 'CN=Other CA', 'CN=Other CA', 'CN=Third CA']);
    expect(crl.unknownCriticalEntryExtensions).toEqual([]);
  });

  it('rejects a certificateIssuer that is not GeneralNames (as @peculiar/x509 2.2.0 writes it)', async () => {
    const { der: wrong } = await makeCrl(ca, { entries: [{ serialNumber: '10', issuer: 'CN=Other CA' }] });
    const crl = parseCrl(wrong);
    expect(() => crl.lookup('10')).toThrow(/crlEntryExtensions\[0\]\.certificateIssuer\[0\]: tag 0x31 is not a GeneralName at byte \d+/);
  });

  it('names the field and byte offset of malformed input', () => {
    const cut = der.slice(0, der.length - 10);
    expect(() => parseCrl(cut)).toThrow(CrlError);
    expect(() => parseCrl(cut)).toThrow(/CertificateList: .* at byte 0/);
    const at = parseCrl(der).issuerDer.byteOffset + parseCrl(der).issuerDer.length; // thisUpdate
    const wrongTag = der.slice();
    wrongTag[at] = 0x02;
    expect(() => parseCrl(wrongTag)).toThrow(`tbsCertList.thisUpdate: expected tag 0x17 or tag 0x18, found tag 0x02 at byte ${at}`);
    const month13 = der.slice();
    month13.set([0x31, 0x33], at + 4);
    expect(() => parseCrl(month13)).toThrow(`tbsCertList.thisUpdate: malformed UTCTime at byte ${at}`);
    expect(() => parseCrl(new Uint8Array(0))).toThrow(/empty input at byte 0/);
    expect(() => parseCrl(Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff))).toThrow(/runs past the end/);
    const deep = new Uint8Array(200_000).fill(0x30);
    expect(() => parseCrl(deep)).toThrow(CrlError);
  });

  it('reads PEM with either label, and bundles', () => {
    const b64 = btoa(String.fromCharCode(...der)).replace(/.{64}/g, '$&\n');
    const openssl = `-----BEGIN X509 CRL-----\n${b64}\n-----END X509 CRL-----\n`;
    const peculiar = `junk\r\n-----BEGIN CRL-----\r\n${b64.replace(/\n/g, '\r\n')}\r\n-----END CRL-----\r\n`;
    expect(crlFromPem(openssl)).toEqual(der);
    expect(crlFromPem(peculiar)).toEqual(der);
    expect(crlsFromPem(openssl + peculiar)).toHaveLength(2);
    expect(() => crlFromPem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(/no "-----BEGIN X509 CRL-----"/);
    expect(() => crlFromPem('-----BEGIN CRL-----\nAA*A\n-----END CRL-----')).toThrow(/CRL #1 in PEM: invalid base64/);
  });
});
