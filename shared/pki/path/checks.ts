import type { Certificate } from './cert';
import type { Candidate, Context } from './context';
import { KU, PROCESSED_WHEN_CRITICAL, extensionName } from './extensions';
import { type Failure, type Position, describe, failure, sentence } from './failure';
import { leafChecks } from './leaf';
import { type ConstraintSource, constraintProblem, nameConstraintViolation } from './name-constraints';
import { equalBytes } from './asn1';
import { PolicyState } from './policy';
import { profileViolation } from './profile';

/**
 * RFC 5280 §6.1.2–§6.1.5 over one built path (signatures were checked while building). The
 * trust anchor's own constraints (basicConstraints pathLen, nameConstraints) are honoured as
 * RFC 5937 allows, and its certificate must itself be current, a CA, and free of unknown
 * critical extensions, as OpenSSL (and so nginx) requires.
 */

function iso(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

/** Checks every certificate can apply to itself, wherever it sits in the path. */
function ownChecks(cert: Certificate, position: Position, index: number, at: Date): Failure | null {
  const who = describe(cert, position);
  if (cert.extError !== null) return failure('extension.malformed', `${sentence(who)} is malformed: ${cert.extError}.`, index);
  if (!equalBytes(cert.signatureAlgorithm.raw, cert.tbsSignatureRaw)) {
    return failure('signature.algorithm-mismatch', `${sentence(who)} names different signature algorithms inside and outside its signed part.`, index);
  }
  if (at.getTime() < cert.notBefore.getTime()) return failure('validity.not-yet-valid', `${sentence(who)} is not valid until ${iso(cert.notBefore)}.`, index);
  if (at.getTime() > cert.notAfter.getTime()) return failure('validity.expired', `${sentence(who)} expired at ${iso(cert.notAfter)}.`, index);
  if (cert.issuer.rdns.length === 0) return failure('name.empty', `${sentence(who)} has an empty issuer name, which RFC 5280 forbids.`, index);
  const unknown = cert.extensions.find((e) => e.critical && !PROCESSED_WHEN_CRITICAL.has(e.oid));
  if (unknown) return failure('extension.unknown-critical', `${sentence(who)} has a critical ${extensionName(unknown.oid)} extension that this validator does not process.`, index);
  return null;
}

/** RFC 5280 §6.1.4 (k) and (n): may this certificate issue certificates? */
function issuerChecks(cert: Certificate, position: Position, index: number): Failure | null {
  const who = describe(cert, position);
  const bc = cert.ext?.basicConstraints ?? null;
  if (cert.version < 3 && !(position === 'anchor' && cert.selfIssued)) {
    return failure('issuer.not-ca', `${sentence(who)} is a version ${cert.version} certificate, which cannot act as a CA.`, index);
  }
  if (cert.version === 3 && bc === null) return failure('issuer.not-ca', `${sentence(who)} is not a CA (it has no basicConstraints extension).`, index);
  if (bc !== null && !bc.ca) return failure('issuer.not-ca', `${sentence(who)} is not a CA (basicConstraints cA is false).`, index);
  const ku = cert.ext?.keyUsage ?? null;
  if (ku !== null && !ku(KU.keyCertSign)) return failure('issuer.no-keycertsign', `${sentence(who)} may not sign certificates (its keyUsage lacks keyCertSign).`, index);
  if (cert.subject.rdns.length === 0) return failure('name.empty', `${sentence(who)} issues certificates but has an empty subject name.`, index);
  return null;
}

function addConstraints(cert: Certificate, who: string, index: number, sources: ConstraintSource[]): Failure | null {
  const nc = cert.ext?.nameConstraints;
  if (!nc) return null;
  const problem = constraintProblem(nc);
  if (problem) return failure('name-constraints.invalid', `${sentence(who)} has unusable name constraints: ${problem}.`, index);
  sources.push({ constraints: nc, owner: who });
  return null;
}

/** Validates a complete chain (leaf first, anchor last); the first failure in RFC order, or null. */
export function checkPath(ctx: Context, chain: readonly Candidate[]): Failure | null {
  const { input } = ctx;
  const strict = input.profile === 'strict';
  const n = chain.length - 1;
  const anchorIndex = n;
  const anchor = (chain[anchorIndex] as Candidate).cert;
  const anchorWho = describe(anchor, 'anchor');
  const anchorFailure =
    ownChecks(anchor, 'anchor', anchorIndex, input.at) ??
    issuerChecks(anchor, 'anchor', anchorIndex) ??
    (strict ? profileViolation(anchor, 'anchor', anchorIndex) : null);
  if (anchorFailure) return anchorFailure;

  const sources: ConstraintSource[] = [];
  const ncFailure = addConstraints(anchor, anchorWho, anchorIndex, sources);
  if (ncFailure) return ncFailure;
  let maxPathLength = Math.min(n, anchor.ext?.basicConstraints?.pathLen ?? n);
  const policy = new PolicyState(n, input.policy);

  for (let i = 1; i <= n; i++) {
    const index = n - i;
    const cert = (chain[index] as Candidate).cert;
    const position: Position = i === n ? 'leaf' : 'intermediate';
    const who = describe(cert, position);
    const own = ownChecks(cert, position, index, input.at) ?? (strict ? profileViolation(cert, position, index) : null);
    if (own) return own;
    if (i === n || !cert.selfIssued) {
      const violation = nameConstraintViolation(cert, sources);
      if (violation) return failure('name-constraints.violated', `${sentence(who)} ${violation}.`, index);
    }
    if (!policy.processCertificate(cert, i, n)) {
      return failure('policy.no-acceptable-policy', `${sentence(who)} leaves no acceptable certificate policy while an explicit policy is required.`, index);
    }
    if (i === n) break;
    const mappingProblem = policy.prepareNext(cert, i);
    if (mappingProblem) return failure('policy.invalid-mapping', `${sentence(who)} ${mappingProblem}.`, index);
    const issuerFailure = issuerChecks(cert, position, index);
    if (issuerFailure) return issuerFailure;
    if (!cert.selfIssued) {
      if (maxPathLength <= 0) return failure('pathlen.exceeded', `${sentence(who)} exceeds the path length allowed by a pathLenConstraint above it.`, index);
      maxPathLength--;
    }
    const pathLen = cert.ext?.basicConstraints?.pathLen;
    if (pathLen !== null && pathLen !== undefined && pathLen < maxPathLength) maxPathLength = pathLen;
    const added = addConstraints(cert, who, index, sources);
    if (added) return added;
  }
  const leaf = (chain[0] as Candidate).cert;
  if (!policy.wrapUp(leaf, n)) {
    return failure('policy.no-acceptable-policy', 'No certificate policy acceptable to the validation settings is valid for the whole path.', 0);
  }
  return leafChecks(leaf, input);
}
