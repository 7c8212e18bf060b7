import type { Certificate } from './cert';
import { showName } from './name';
import type { ValidationFailure } from './types';

/**
 * The stable rule ids a validation can fail with. The UI, the CLI and the conformance
 * harnesses key on these strings, so they are a closed list rather than ad-hoc text.
 */
export type Rule =
  | 'certificate.malformed'
  | 'extension.malformed'
  | 'extension.unknown-critical'
  | 'signature.invalid'
  | 'signature.unsupported-algorithm'
  | 'signature.algorithm-mismatch'
  | 'validity.expired'
  | 'validity.not-yet-valid'
  | 'name.empty'
  | 'issuer.not-ca'
  | 'issuer.no-keycertsign'
  | 'pathlen.exceeded'
  | 'name-constraints.violated'
  | 'name-constraints.invalid'
  | 'eku.role-mismatch'
  | 'depth.exceeded'
  | 'path.no-issuer'
  | 'path.untrusted-root'
  | 'path.budget'
  | 'policy.invalid-mapping'
  | 'policy.no-acceptable-policy'
  | 'profile.violation'
  | 'peer-name.mismatch'
  | 'revocation.revoked'
  | 'revocation.no-crl'
  | 'revocation.crl-expired'
  | 'revocation.crl-signature'
  | 'revocation.unsupported'
  | 'validator.error';

/** A ValidationFailure whose rule is one of the closed list above. */
export interface Failure extends ValidationFailure {
  readonly rule: Rule;
}

/** Builds a Failure (keeps call sites short). */
export function failure(rule: Rule, message: string, certIndex: number | null): Failure {
  return { rule, message, certIndex };
}

/** Where a certificate sits in the path, for messages. */
export type Position = 'leaf' | 'intermediate' | 'anchor';

/** "intermediate CN=Foo": how messages name a certificate. */
export function describe(cert: Certificate, position: Position): string {
  const label = position === 'anchor' ? 'trust anchor' : position === 'leaf' ? 'leaf certificate' : 'intermediate';
  return `${label} ${showName(cert.subject)}`;
}

/** Capitalizes the first letter so a description can start a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
