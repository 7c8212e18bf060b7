import type { CertificateObject, CrlObject, InspectResult, KeyObjectSummary } from '../../shared/model/pki';
import type { ValidationResult } from '../../shared/pki/path/types';

/**
 * Inspect and verify answers shaped like the ones main gives for the e2e test PKI
 * (ECDSA P-256 root → intermediate → devices), for renderer tests.
 */

/** Dates are relative to when the test runs, since the UI judges "expired" against the clock. */
const NOW = Date.now();
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const ROOT_DN = 'CN=Sentinel Test Root CA,O=Sentinel Test';
const INTER_DN = 'CN=Sentinel Test Device CA,O=Sentinel Test';

const pemOf = (tag: string): string => `-----BEGIN CERTIFICATE-----\nMIIB${tag}AAAA\n-----END CERTIFICATE-----\n`;

export function certificate(overrides: Partial<CertificateObject> & Pick<CertificateObject, 'subject' | 'fingerprints'>): CertificateObject {
  return {
    kind: 'certificate',
    source: { file: '/pki/device-expired-chain.pem', index: 0 },
    issuer: INTER_DN,
    commonName: null,
    serialNumber: '4f1c2d3e4a5b6c7d8e9f00112233aabb',
    notBefore: iso(NOW - 30 * DAY),
    notAfter: iso(NOW + 300 * DAY),
    daysLeft: 300,
    subjectAltNames: [],
    publicKey: { algorithm: 'EC', size: 256, curve: 'P-256', spkiSha256: 'aa'.repeat(32) },
    signatureAlgorithm: 'ecdsa-with-SHA256',
    basicConstraints: { ca: false, pathLen: null, critical: true },
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: ['clientAuth'],
    subjectKeyId: '1f2e3d4c5b6a79880716253443526170a1b2c3d4',
    authorityKeyId: '9a8b7c6d5e4f30211203f4e5d6c7b8a999887766',
    crlDistributionPoints: [],
    authorityInfoAccess: { ocsp: [], caIssuers: [] },
    policies: [],
    nameConstraints: null,
    selfIssued: false,
    extensions: [
      { oid: '2.5.29.19', name: 'basicConstraints', critical: true, valueHex: '3000' },
      { oid: '2.5.29.15', name: 'keyUsage', critical: true, valueHex: '03020780' },
      { oid: '2.5.29.37', name: 'extKeyUsage', critical: false, valueHex: '300a06082b06010505070302' },
    ],
    pem: pemOf(overrides.subject.length.toString(16)),
    findings: [],
    ...overrides,
  };
}

export const EXPIRED_DEVICE = certificate({
  subject: 'CN=device-expired-01,O=Sentinel Test',
  commonName: 'device-expired-01',
  serialNumber: '5a0b1c2d3e4f5061728394a5b6c7d8e9',
  notBefore: iso(NOW - 30 * DAY),
  notAfter: iso(NOW - DAY),
  daysLeft: -1,
  subjectAltNames: [{ type: 'dns', value: 'device-expired-01.devices.sentinel.test' }],
  fingerprints: {
    sha256: '3b7e1f0c9d2a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    sha1: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
  },
  pem: '-----BEGIN CERTIFICATE-----\nMIIBexpiredDEVICE\n-----END CERTIFICATE-----\n',
  findings: [
    {
      id: 'cert.expired',
      severity: 'error',
      message: 'expired 1 day(s) ago (2025-06-14T12:00:00.000Z)',
      fix: 'Issue a new certificate and install it; nginx rejects expired certificates.',
    },
    {
      id: 'aki.missing',
      severity: 'warning',
      message: 'no authority key identifier',
      fix: 'Reissue with authorityKeyIdentifier so verifiers can find the right issuer key.',
    },
  ],
});

export const INTERMEDIATE = certificate({
  source: { file: '/pki/device-expired-chain.pem', index: 1 },
  subject: INTER_DN,
  commonName: 'Sentinel Test Device CA',
  issuer: ROOT_DN,
  serialNumber: '6b1c2d3e4f5061728394a5b6c7d8e9f0',
  notBefore: iso(NOW - DAY),
  notAfter: iso(NOW + 365 * DAY),
  daysLeft: 365,
  basicConstraints: { ca: true, pathLen: 0, critical: true },
  keyUsage: ['keyCertSign', 'cRLSign'],
  extendedKeyUsage: null,
  fingerprints: {
    sha256: '7c8d9eaf0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbc',
    sha1: '1b2c3d4e5f60718293a4b5c6d7e8f90123456789',
  },
  pem: '-----BEGIN CERTIFICATE-----\nMIIBintermediateCA\n-----END CERTIFICATE-----\n',
});

export const ROOT = certificate({
  source: { file: '/pki/root-ca.pem', index: 0 },
  subject: ROOT_DN,
  commonName: 'Sentinel Test Root CA',
  issuer: ROOT_DN,
  serialNumber: '7c1d2e3f405162738495a6b7c8d9e0f1',
  notBefore: iso(NOW - DAY),
  notAfter: iso(NOW + 365 * DAY),
  daysLeft: 365,
  basicConstraints: { ca: true, pathLen: null, critical: true },
  keyUsage: ['keyCertSign', 'cRLSign'],
  extendedKeyUsage: null,
  authorityKeyId: null,
  selfIssued: true,
  fingerprints: {
    sha256: 'd1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60',
    sha1: '2c3d4e5f60718293a4b5c6d7e8f9012345678901',
  },
  pem: '-----BEGIN CERTIFICATE-----\nMIIBrootCA\n-----END CERTIFICATE-----\n',
});

export const CRL: CrlObject = {
  kind: 'crl',
  source: { file: '/pki/crl-intermediate.pem', index: 0 },
  issuer: INTER_DN,
  thisUpdate: iso(NOW - 3_600_000),
  nextUpdate: iso(NOW + 7 * DAY),
  crlNumber: '1',
  authorityKeyId: '9a8b7c6d5e4f30211203f4e5d6c7b8a999887766',
  entryCount: 1,
  signatureAlgorithm: 'ecdsa-with-SHA256',
  fingerprints: {
    sha256: 'e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f',
    sha1: '3d4e5f60718293a4b5c6d7e8f90123456789abcd',
  },
  findings: [],
};

export const KEY: KeyObjectSummary = {
  kind: 'key',
  source: { file: '/pki/device-expired.key', index: 0 },
  format: 'pkcs8',
  publicKey: { algorithm: 'EC', size: 256, curve: 'P-256', spkiSha256: 'aa'.repeat(32) },
  findings: [
    {
      id: 'key.file-mode',
      severity: 'info',
      message: '/pki/device-expired.key is readable by its owner only (0600)',
      fix: '',
    },
  ],
};

/** What inspect answers for the expired device's chain file, the root, the intermediate's CRL and the key. */
export const INSPECT_RESULT: InspectResult = {
  objects: [EXPIRED_DEVICE, INTERMEDIATE, ROOT, CRL, KEY],
  errors: [{ source: { file: '/pki/notes.txt', index: 0 }, message: 'no PEM block, DER structure or PKCS#12 found' }],
  findings: [
    {
      id: 'chain.incomplete',
      severity: 'info',
      message: "no certificate for the leaf's issuer CN=Other CA in this file",
      fix: 'Include the intermediate if the verifier does not already hold it.',
    },
  ],
};

/** cert.verify for the expired device against the root: the leaf fails validity.expired. */
export const EXPIRED_VALIDATION: ValidationResult = {
  valid: false,
  path: [
    {
      role: 'leaf',
      subject: EXPIRED_DEVICE.subject,
      issuer: INTER_DN,
      serialNumber: EXPIRED_DEVICE.serialNumber,
      sha256: EXPIRED_DEVICE.fingerprints.sha256,
      notBefore: EXPIRED_DEVICE.notBefore,
      notAfter: EXPIRED_DEVICE.notAfter,
      ok: false,
      note: null,
    },
    {
      role: 'intermediate',
      subject: INTER_DN,
      issuer: ROOT_DN,
      serialNumber: INTERMEDIATE.serialNumber,
      sha256: INTERMEDIATE.fingerprints.sha256,
      notBefore: INTERMEDIATE.notBefore,
      notAfter: INTERMEDIATE.notAfter,
      ok: true,
      note: null,
    },
    {
      role: 'anchor',
      subject: ROOT_DN,
      issuer: ROOT_DN,
      serialNumber: ROOT.serialNumber,
      sha256: ROOT.fingerprints.sha256,
      notBefore: ROOT.notBefore,
      notAfter: ROOT.notAfter,
      ok: true,
      note: 'trusted by the operator',
    },
  ],
  failure: {
    rule: 'validity.expired',
    message: 'Leaf certificate CN=device-expired-01,O=Sentinel Test expired on 2025-06-14T12:00:00.000Z.',
    certIndex: 0,
  },
  revocationChecked: false,
  candidatesTried: 2,
};

export const VALID_VALIDATION: ValidationResult = {
  ...EXPIRED_VALIDATION,
  valid: true,
  path: EXPIRED_VALIDATION.path.map((step) => ({ ...step, ok: true })),
  failure: null,
  revocationChecked: true,
};
