/**
 * Public types of the RFC 5280 §6 path validator. JSON-safe results: what the Certificates
 * area and `verify` show an operator, step by step, with one named rule on failure.
 */

/** A CRL in DER, handed to the validator for revocation checking. */
export interface CrlInput {
  readonly der: Uint8Array;
}

/** Optional RFC 5280 §6.1.1 policy inputs (c)–(f); anyPolicy when absent. */
export interface PolicyInput {
  readonly initialPolicySet?: readonly string[];
  readonly explicitPolicy?: boolean;
  readonly policyMappingInhibit?: boolean;
  readonly anyPolicyInhibit?: boolean;
}

/** The identity the leaf must carry in its SANs (x509-limbo's expected_peer_name). */
export interface PeerName {
  readonly kind: 'DNS' | 'IP' | 'RFC822';
  readonly value: string;
}

/**
 * Which certificate-profile rules apply beyond §6: `rfc5280` is the path-validation algorithm
 * (what OpenSSL/nginx enforce by default); `strict` adds the RFC 5280 §4 and CA/B Forum
 * "MUST"s that strict verifiers (webpki, pyca, OpenSSL X509_STRICT) enforce.
 */
export type ValidationProfile = 'rfc5280' | 'strict';

/** What to validate, against what, for which role, at what time. */
export interface ValidationInput {
  /** The end-entity certificate, DER. */
  readonly leaf: Uint8Array;
  /** Untrusted candidates in any order; may hold irrelevant or duplicate certificates. */
  readonly intermediates: readonly Uint8Array[];
  /** Trust anchors chosen by the operator; self-signed or not, trusted as name + key. */
  readonly anchors: readonly Uint8Array[];
  /** When absent, no revocation checking is done and the result says so. */
  readonly crls?: readonly CrlInput[];
  /** Validation time; validity is inclusive at both ends. */
  readonly at: Date;
  readonly role: 'device' | 'proxy' | 'any';
  /** Extended key usage OIDs the leaf must allow; overrides `role`. */
  readonly requiredEku?: readonly string[];
  readonly expectedPeerName?: PeerName;
  /** Maximum certificates in the path, leaf and anchor included (self-issued rollover certificates not counted); default 8. */
  readonly maxDepth?: number;
  readonly policy?: PolicyInput;
  /** Default `rfc5280`. */
  readonly profile?: ValidationProfile;
}

/** One certificate of the reported path, as the UI lists it. */
export interface PathStep {
  readonly role: 'leaf' | 'intermediate' | 'anchor';
  readonly subject: string;
  readonly issuer: string;
  /** Lowercase hex, no leading zeros. */
  readonly serialNumber: string;
  readonly sha256: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly ok: boolean;
  readonly note: string | null;
}

/** The first rule that failed on the reported path. */
export interface ValidationFailure {
  /** A stable id such as `issuer.not-ca` or `revocation.revoked`. */
  readonly rule: string;
  /** One plain sentence for an operator. */
  readonly message: string;
  /** Index into `path` (0 = leaf), or null when no single certificate is at fault. */
  readonly certIndex: number | null;
}

/** Verdict, path and failure, JSON-safe. */
export interface ValidationResult {
  readonly valid: boolean;
  readonly path: PathStep[];
  readonly failure: ValidationFailure | null;
  readonly revocationChecked: boolean;
  /** How many candidate issuer signatures were checked while building paths. */
  readonly candidatesTried: number;
}
