// Shapes returned by generateTestPki (test-pki.ts), split out to keep both files small.
import type * as x509 from '@peculiar/x509';

/** The device certificate variants every mTLS probe needs (good, bad in time, revoked, wrong EKU, impostor). */
export type DeviceKind = 'valid' | 'expired' | 'notYetValid' | 'revoked' | 'noClientAuth' | 'foreign';

/** A PEM file on disk plus its text, so callers can pass either to nginx, openssl or node:https. */
export interface PkiFile {
  path: string;
  pem: string;
}

/** A certificate with its key pair, parsed and as PEM files (key is PKCS#8, mode 0600). */
export interface PkiCert {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  certPath: string;
  certPem: string;
  keyPath: string;
  keyPem: string;
}

/** A device identity as a client presents it: leaf + key, and leaf + issuing CA as the chain to send. */
export interface TestDevice extends PkiCert {
  deviceId: string;
  chainPath: string;
  chainPem: string;
}

/** A CRL as parsed object and as an OpenSSL-readable `X509 CRL` PEM file. */
export interface TestCrl extends PkiFile {
  crl: x509.X509Crl;
}

/** Everything a test needs to stand up and probe an mTLS proxy, generated fresh per run. */
export interface TestPki {
  dir: string;
  root: PkiCert;
  intermediate: PkiCert;
  /** Self-signed impostor CA whose subject equals the real root's (M-2 style). */
  foreignCa: PkiCert;
  server: PkiCert & { fullchainPath: string; fullchainPem: string };
  devices: Record<DeviceKind, TestDevice>;
  crls: { intermediate: TestCrl; root: TestCrl };
  /** Root + intermediate, for nginx `ssl_client_certificate`. */
  caBundle: PkiFile;
  /** CRLs of every CA in the chain, for nginx `ssl_crl` (it checks the whole chain). */
  crlBundle: PkiFile;
  /** The same CRLs with nextUpdate a day in the past (M-9: nginx then rejects every device). */
  expiredCrlBundle: PkiFile;
}
