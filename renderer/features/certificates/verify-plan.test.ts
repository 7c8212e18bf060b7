import { describe, expect, it } from 'vitest';
import type { CertificateObject } from '../../../shared/model/pki';
import { certificate, CRL, EXPIRED_DEVICE, INTERMEDIATE, KEY, ROOT } from '../../test-support/pki-samples';
import type { LoadedInput, VerifyDraft } from './draft-store';
import { defaultLeaf, MAX_VERIFY_SOURCES, planVerify, validationTime } from './verify-plan';

const DRAFT: VerifyDraft = { leaf: null, trustMode: 'loaded', anchors: [], crls: [], at: '' };
const INPUTS: LoadedInput[] = [
  { id: 'a', name: '/pki/device-expired-chain.pem', label: 'device-expired-chain.pem', source: { kind: 'path', path: '/pki/device-expired-chain.pem' } },
  { id: 'b', name: '/pki/crl-intermediate.pem', label: 'crl-intermediate.pem', source: { kind: 'path', path: '/pki/crl-intermediate.pem' } },
];

const ca = (i: number): CertificateObject =>
  certificate({
    subject: `CN=CA ${i}`,
    commonName: `CA ${i}`,
    basicConstraints: { ca: true, pathLen: null, critical: true },
    keyUsage: ['keyCertSign'],
    extendedKeyUsage: null,
    fingerprints: { sha256: `${i}`.padStart(64, 'c'), sha1: `${i}`.padStart(40, 'c') },
    pem: `-----BEGIN CERTIFICATE-----\nCA${i}\n-----END CERTIFICATE-----\n`,
  });

describe('defaultLeaf', () => {
  it('picks the first end-entity certificate, else the first certificate', () => {
    expect(defaultLeaf([ROOT, INTERMEDIATE, EXPIRED_DEVICE])).toBe(EXPIRED_DEVICE);
    expect(defaultLeaf([ROOT, INTERMEDIATE])).toBe(ROOT);
    expect(defaultLeaf([])).toBeNull();
  });

  it('counts a CA-flagged certificate with a TLS EKU and no keyCertSign as an end entity', () => {
    const odd = certificate({
      subject: 'CN=odd',
      basicConstraints: { ca: true, pathLen: null, critical: true },
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: ['serverAuth'],
      fingerprints: { sha256: 'ee'.repeat(32), sha1: 'ee'.repeat(20) },
    });
    expect(defaultLeaf([ROOT, odd])).toBe(odd);
  });
});

describe('planVerify', () => {
  it('needs a ticked anchor in "loaded" mode', () => {
    const plan = planVerify([EXPIRED_DEVICE, ROOT], INPUTS, DRAFT, 'any');
    expect(plan.input).toBeNull();
    expect(plan.problem).toMatch(/trust anchor/);
    expect(plan.anchorChoices).toEqual([ROOT]);
  });

  it('never offers the leaf as its own anchor and dedupes certificates loaded twice', () => {
    const plan = planVerify([ROOT, ROOT, EXPIRED_DEVICE], INPUTS, { ...DRAFT, leaf: ROOT.fingerprints.sha256 }, 'any');
    expect(plan.certificates).toEqual([ROOT, EXPIRED_DEVICE]);
    expect(plan.leaf).toBe(ROOT);
    expect(plan.anchorChoices).toEqual([]);
  });

  it('maps a ticked CRL back to the input it came from, once per input', () => {
    const second = { ...CRL, fingerprints: { sha256: 'f0'.repeat(32), sha1: 'f0'.repeat(20) } };
    const plan = planVerify(
      [EXPIRED_DEVICE, ROOT, CRL, second, KEY],
      INPUTS,
      { ...DRAFT, anchors: [ROOT.fingerprints.sha256], crls: [CRL.fingerprints.sha256, second.fingerprints.sha256] },
      'device',
    );
    expect(plan.input?.crls).toEqual([{ kind: 'path', path: '/pki/crl-intermediate.pem' }]);
    expect(plan.input?.role).toBe('device');
    expect(plan.input?.intermediates).toEqual([]);
  });

  it('bundles intermediates and anchors into one text source beyond the contract limit', () => {
    const cas = Array.from({ length: MAX_VERIFY_SOURCES + 4 }, (_, i) => ca(i));
    const anchors = cas.slice(0, MAX_VERIFY_SOURCES + 1);
    const plan = planVerify(
      [EXPIRED_DEVICE, ...cas],
      INPUTS,
      { ...DRAFT, anchors: anchors.map((cert) => cert.fingerprints.sha256) },
      'any',
    );
    expect(plan.input?.intermediates).toHaveLength(3);
    const trust = plan.input?.trust;
    expect(trust?.kind).toBe('sources');
    if (trust?.kind !== 'sources') return;
    expect(trust.sources).toEqual([
      { kind: 'text', name: `anchors (${anchors.length} certificates)`, text: anchors.map((cert) => cert.pem).join('') },
    ]);
  });
});

describe('validationTime', () => {
  it('turns a local datetime into ISO and leaves empty as "now"', () => {
    expect(validationTime('')).toBeUndefined();
    expect(validationTime('not a date')).toBeUndefined();
    expect(validationTime('2025-03-01T08:15')).toBe(new Date('2025-03-01T08:15').toISOString());
  });
});
