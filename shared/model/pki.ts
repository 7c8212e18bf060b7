/**
 * What the Certificates area, `inspect` and `verify` say about PKI objects. JSON-safe:
 * dates are ISO strings, bytes are lowercase hex or PEM text. Never key material.
 */

export type Severity = 'error' | 'warning' | 'info';

/** One result of a check: what is wrong, in one line, and what to do about it. */
export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string;
}

/** Where an object came from: a file path (or "<pasted>") and its position in that input. */
export interface SourceRef {
  readonly file: string;
  readonly index: number;
}

export interface Fingerprints {
  readonly sha256: string;
  readonly sha1: string;
}

export interface PublicKeyInfo {
  readonly algorithm: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'unknown';
  readonly size: number | null;
  readonly curve: string | null;
  /** SHA-256 of the SubjectPublicKeyInfo DER: the same value for a certificate and its key. */
  readonly spkiSha256: string;
}

export interface ExtensionInfo {
  readonly oid: string;
  readonly name: string;
  readonly critical: boolean;
  readonly valueHex: string;
}

export interface GeneralName {
  readonly type: 'dns' | 'ip' | 'email' | 'uri' | 'dn' | 'other';
  readonly value: string;
}

export interface CertificateObject {
  readonly kind: 'certificate';
  readonly source: SourceRef;
  readonly subject: string;
  readonly issuer: string;
  readonly commonName: string | null;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly daysLeft: number;
  readonly subjectAltNames: readonly GeneralName[];
  readonly publicKey: PublicKeyInfo;
  readonly signatureAlgorithm: string;
  readonly basicConstraints: { readonly ca: boolean; readonly pathLen: number | null; readonly critical: boolean } | null;
  readonly keyUsage: readonly string[] | null;
  readonly extendedKeyUsage: readonly string[] | null;
  readonly subjectKeyId: string | null;
  readonly authorityKeyId: string | null;
  readonly crlDistributionPoints: readonly string[];
  readonly authorityInfoAccess: { readonly ocsp: readonly string[]; readonly caIssuers: readonly string[] };
  readonly policies: readonly string[];
  readonly nameConstraints: { readonly permitted: readonly GeneralName[]; readonly excluded: readonly GeneralName[] } | null;
  readonly selfIssued: boolean;
  readonly fingerprints: Fingerprints;
  readonly extensions: readonly ExtensionInfo[];
  readonly pem: string;
  readonly findings: readonly Finding[];
}

export interface CrlObject {
  readonly kind: 'crl';
  readonly source: SourceRef;
  readonly issuer: string;
  readonly thisUpdate: string;
  readonly nextUpdate: string | null;
  readonly crlNumber: string | null;
  readonly authorityKeyId: string | null;
  readonly entryCount: number;
  readonly signatureAlgorithm: string;
  readonly fingerprints: Fingerprints;
  readonly findings: readonly Finding[];
}

export interface CsrObject {
  readonly kind: 'csr';
  readonly source: SourceRef;
  readonly subject: string;
  readonly commonName: string | null;
  readonly publicKey: PublicKeyInfo;
  readonly signatureAlgorithm: string;
  readonly signatureValid: boolean;
  readonly subjectAltNames: readonly GeneralName[];
  readonly extensions: readonly ExtensionInfo[];
  readonly fingerprints: Fingerprints;
  readonly findings: readonly Finding[];
}

/** A private key as the renderer may see it: never its bytes. */
export interface KeyObjectSummary {
  readonly kind: 'key';
  readonly source: SourceRef;
  readonly format: 'pkcs8' | 'encrypted-pkcs8' | 'sec1' | 'pkcs1' | 'pkcs12';
  readonly publicKey: PublicKeyInfo;
  readonly findings: readonly Finding[];
}

export type PkiObject = CertificateObject | CrlObject | CsrObject | KeyObjectSummary;
export type PkiObjectKind = PkiObject['kind'];

export interface ReadError {
  readonly source: SourceRef;
  readonly message: string;
}

export interface InspectResult {
  readonly objects: readonly PkiObject[];
  readonly errors: readonly ReadError[];
  /** Findings about the input as a whole (chain order, key match, file permissions). */
  readonly findings: readonly Finding[];
}

export type CertRole = 'device' | 'proxy' | 'any';
