/** Object identifiers and names the CRL walker and verifier understand (RFC 5280, 3279, 4055, 8410). */

/** CRL and CRL-entry extension OIDs (RFC 5280 §5.2, §5.3). */
export const EXT = {
  authorityKeyIdentifier: '2.5.29.35',
  issuerAltName: '2.5.29.18',
  crlNumber: '2.5.29.20',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  freshestCrl: '2.5.29.46',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  expiredCertsOnCrl: '2.5.29.60',
  reasonCode: '2.5.29.21',
  holdInstructionCode: '2.5.29.23',
  invalidityDate: '2.5.29.24',
  certificateIssuer: '2.5.29.29',
} as const;

/** Extension names come from the one table in shared/pki/oids.ts. */
export { EXTENSION_NAMES } from '../oids';

/**
 * CRL extensions this module interprets (critical ones we cannot act on are reported).
 * issuerAltName, freshestCRL, AIA and expiredCertsOnCRL are informational: they change no
 * lookup answer, so a critical one is still "understood".
 */
export const KNOWN_CRL_EXTENSIONS: ReadonlySet<string> = new Set([
  EXT.authorityKeyIdentifier,
  EXT.issuerAltName,
  EXT.crlNumber,
  EXT.deltaCrlIndicator,
  EXT.issuingDistributionPoint,
  EXT.freshestCrl,
  EXT.authorityInfoAccess,
  EXT.expiredCertsOnCrl,
]);

/** CRLReason names by code (RFC 5280 §5.3.1; 7 is unused). */
export const REASONS: readonly (string | undefined)[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  undefined,
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];

/** ReasonFlags bit names (onlySomeReasons), bit 0 first. */
export const REASON_FLAGS: readonly string[] = [
  'unused',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
  'aACompromise',
];

export type SignatureKind = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'ed25519' | 'unsupported';

export interface SignatureAlgorithmInfo {
  readonly name: string;
  readonly kind: SignatureKind;
  readonly hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | null;
}

/** Signature algorithms by OID, named as OpenSSL prints them. */
export const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureAlgorithmInfo>> = {
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', kind: 'rsa-pkcs1', hash: 'SHA-1' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', kind: 'rsa-pkcs1', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', kind: 'rsa-pkcs1', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', kind: 'rsa-pkcs1', hash: 'SHA-512' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', kind: 'unsupported', hash: null },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', kind: 'unsupported', hash: null },
  '1.2.840.113549.1.1.10': { name: 'rsassaPss', kind: 'rsa-pss', hash: null },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', kind: 'ecdsa', hash: 'SHA-1' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', kind: 'unsupported', hash: null },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', kind: 'ecdsa', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', kind: 'ecdsa', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', kind: 'ecdsa', hash: 'SHA-512' },
  '1.3.101.112': { name: 'ED25519', kind: 'ed25519', hash: null },
  '1.3.101.113': { name: 'ED448', kind: 'unsupported', hash: null },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa_with_SHA256', kind: 'unsupported', hash: null },
};

/** Hash OIDs used inside RSASSA-PSS parameters. */
export const HASHES: Readonly<Record<string, 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

export const MGF1 = '1.2.840.113549.1.1.8';
export const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
export const RSASSA_PSS = '1.2.840.113549.1.1.10';
export const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** Named curves: WebCrypto name and the byte size of r and s. */
export const CURVES: Readonly<Record<string, { readonly name: 'P-256' | 'P-384' | 'P-521'; readonly size: number }>> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 32 },
  '1.3.132.0.34': { name: 'P-384', size: 48 },
  '1.3.132.0.35': { name: 'P-521', size: 66 },
};
