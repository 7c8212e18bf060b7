import { equalBytes } from './asn1';
import type { Certificate } from './cert';
import { EXT, KU } from './extensions';
import { publicKeyInfo } from './public-key';
import { type Failure, type Position, describe, failure, sentence } from './failure';

/**
 * The `strict` profile: certificate-profile rules of RFC 5280 §4 (and the CA/B Forum Baseline
 * Requirements where webpki-style verifiers enforce them) that §6 path validation leaves to
 * the issuing CA. OpenSSL applies most of these only with X509_V_FLAG_X509_STRICT.
 */

function critical(cert: Certificate, oid: string): boolean | null {
  const ext = cert.extensions.find((e) => e.oid === oid);
  return ext ? ext.critical : null;
}

/** RFC 5280 §4.1.2.2: a positive INTEGER of at most 20 octets. */
function serialRule(serial: Uint8Array): string | null {
  if (((serial[0] as number) & 0x80) !== 0) return 'has a negative serial number (RFC 5280 §4.1.2.2)';
  if (serial.every((b) => b === 0)) return 'has serial number zero (RFC 5280 §4.1.2.2)';
  if (serial.length > 20 && !(serial.length === 21 && serial[0] === 0)) return `has a serial number of ${serial.length} octets, more than RFC 5280's 20`;
  return null;
}

/** CA/B Forum BR 6.1.5: RSA of at least 2048 bits, ECDSA P-256/P-384/P-521, or Ed25519. */
function keyRule(cert: Certificate): string | null {
  const info = publicKeyInfo(cert);
  if (info.kind === 'rsa') return info.bits >= 2048 ? null : `has a ${info.bits}-bit RSA key (at least 2048 bits required)`;
  return info.kind === 'other' ? `has ${info.name}, which strict verifiers refuse (RSA of 2048+ bits, ECDSA P-256/P-384/P-521 or Ed25519 only)` : null;
}

function problem(cert: Certificate, position: Position): string | null {
  const ext = cert.ext;
  if (ext === null) return null;
  const isCa = position !== 'leaf';
  const early = serialRule(cert.serial) ?? keyRule(cert);
  if (early) return early;
  if (position === 'anchor' && ext.extKeyUsage !== null) return 'is a root with extKeyUsage (CA/B Forum BR 7.1.2.1.2)';
  if (position === 'leaf' && critical(cert, EXT.extKeyUsage) === true) return 'marks extKeyUsage critical (CA/B Forum BR 7.1.2.7.6)';
  if (critical(cert, EXT.authorityKeyId) === true) return 'marks authorityKeyIdentifier critical (RFC 5280 §4.2.1.1 requires non-critical)';
  if (critical(cert, EXT.subjectKeyId) === true) return 'marks subjectKeyIdentifier critical (RFC 5280 §4.2.1.2 requires non-critical)';
  const aki = ext.authorityKeyId;
  if (aki === null && !(position === 'anchor' && cert.selfIssued)) return 'has no authorityKeyIdentifier (RFC 5280 §4.2.1.1 requires one unless self-signed)';
  if (aki !== null && aki.keyId === null) return 'has an authorityKeyIdentifier without keyIdentifier (RFC 5280 §4.2.1.1)';
  if (aki !== null && position === 'anchor' && (aki.hasIssuer || aki.hasSerial)) return 'has authorityCertIssuer/authorityCertSerialNumber in its authorityKeyIdentifier (CA/B Forum BR 7.1.2.1.3)';
  if (aki?.keyId && ext.subjectKeyId && cert.selfIssued && position === 'anchor' && !equalBytes(aki.keyId, ext.subjectKeyId)) {
    return "has an authorityKeyIdentifier that does not match its own subjectKeyIdentifier although it is self-signed";
  }
  if (isCa && ext.subjectKeyId === null) return 'is a CA without subjectKeyIdentifier (RFC 5280 §4.2.1.2)';
  if (isCa && ext.basicConstraints !== null && critical(cert, EXT.basicConstraints) !== true) return 'is a CA whose basicConstraints is not critical (RFC 5280 §4.2.1.9)';
  if (!isCa) {
    if (cert.version !== 3) return `is a version ${cert.version} certificate (end-entity certificates must be version 3)`;
    if (ext.keyUsage?.(KU.keyCertSign) && !ext.basicConstraints?.ca) return 'asserts keyCertSign without being a CA (RFC 5280 §4.2.1.3)';
    if (ext.basicConstraints?.ca && ext.keyUsage && !ext.keyUsage(KU.keyCertSign)) return 'is marked as a CA but its keyUsage lacks keyCertSign, an inconsistent combination (RFC 5280 §4.2.1.9)';
    if (ext.nameConstraints !== null) return 'carries nameConstraints, which only CA certificates may (RFC 5280 §4.2.1.10)';
  }
  const sanCritical = critical(cert, EXT.subjectAltName);
  if (cert.subject.rdns.length === 0 && sanCritical === false) return 'has an empty subject and a non-critical subjectAltName (RFC 5280 §4.2.1.6)';
  if (!isCa && cert.subject.rdns.length > 0 && sanCritical === true) return 'has a non-empty subject and a critical subjectAltName (RFC 5280 §4.2.1.6)';
  return null;
}

/** The first strict-profile rule `cert` breaks at its position, or null. */
export function profileViolation(cert: Certificate, position: Position, index: number): Failure | null {
  const p = problem(cert, position);
  return p ? failure('profile.violation', `${sentence(describe(cert, position))} ${p}.`, index) : null;
}
