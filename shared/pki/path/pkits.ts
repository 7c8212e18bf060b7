import { type CaseOutcome, mapLimit } from './harness';
import { ANY_POLICY } from './policy';
import type { ValidationInput } from './types';
import { validatePath } from './validate';

/**
 * NIST PKITS 1.0.1 harness (testcases.json converted from BoringSSL's pkits_testcases-inl.h):
 * chain given anchor first, CRLs by name, policy inputs per case. File access is the caller's.
 */

export interface PkitsCase {
  readonly number: string;
  readonly title: string;
  readonly name: string;
  readonly certs: readonly string[];
  readonly crls: readonly string[];
  readonly shouldValidate: boolean;
  readonly initialPolicySet?: readonly string[];
  readonly initialExplicitPolicy?: boolean;
  readonly initialPolicyMappingInhibit?: boolean;
  readonly initialInhibitAnyPolicy?: boolean;
}

/** The testcases.json envelope (defaults are applied in pkitsInput). */
export interface PkitsSuite {
  readonly testcases: readonly PkitsCase[];
}

/** Loads DER by PKITS file name (without extension). */
export interface PkitsFiles {
  cert(name: string): Uint8Array;
  crl(name: string): Uint8Array;
}

/** Inside every PKITS certificate's validity (2010-01-01 … 2030-12-31). */
export const PKITS_TIME = new Date('2020-01-01T00:00:00Z');

/** NIST-test-policy-N → 2.16.840.1.101.3.2.1.48.N. */
export function pkitsPolicyOid(name: string): string {
  if (name === 'anyPolicy') return ANY_POLICY;
  const m = /^NIST-test-policy-(\d+)$/.exec(name);
  if (!m) throw new Error(`unknown PKITS policy name ${name}`);
  return `2.16.840.1.101.3.2.1.48.${m[1]}`;
}

/** Why a case cannot run here, or null. */
export function pkitsSkipReason(tc: PkitsCase): string | null {
  if (/DSA/.test(tc.name)) return 'dsa: WebCrypto has no DSA, so DSA signatures cannot be verified';
  return null;
}

/** Maps one PKITS case to validator input (anchor first in `certs`, end entity last). */
export function pkitsInput(tc: PkitsCase, files: PkitsFiles): ValidationInput {
  const [anchor, ...rest] = tc.certs;
  const leaf = rest[rest.length - 1];
  if (anchor === undefined || leaf === undefined) throw new Error(`${tc.name}: needs an anchor and an end entity`);
  return {
    leaf: files.cert(leaf),
    intermediates: rest.slice(0, -1).map((n) => files.cert(n)),
    anchors: [files.cert(anchor)],
    crls: tc.crls.map((n) => ({ der: files.crl(n) })),
    at: PKITS_TIME,
    role: 'any',
    policy: {
      initialPolicySet: (tc.initialPolicySet ?? ['anyPolicy']).map(pkitsPolicyOid),
      explicitPolicy: tc.initialExplicitPolicy ?? false,
      policyMappingInhibit: tc.initialPolicyMappingInhibit ?? false,
      anyPolicyInhibit: tc.initialInhibitAnyPolicy ?? false,
    },
  };
}

/** Runs one case: SUCCESS/FAILURE from the validator, or SKIPPED with a reason. */
export async function runPkitsCase(tc: PkitsCase, files: PkitsFiles): Promise<CaseOutcome> {
  const expected = tc.shouldValidate ? 'SUCCESS' : 'FAILURE';
  const skip = pkitsSkipReason(tc);
  if (skip) return { id: tc.name, expected, actual: 'SKIPPED', reason: skip };
  const result = await validatePath(pkitsInput(tc, files));
  return { id: tc.name, expected, actual: result.valid ? 'SUCCESS' : 'FAILURE', reason: result.failure ? `${result.failure.rule}: ${result.failure.message}` : 'valid' };
}

/** Runs the whole suite, a few cases at a time. */
export function runPkits(suite: PkitsSuite, files: PkitsFiles): Promise<CaseOutcome[]> {
  return mapLimit(suite.testcases, 16, (tc) => runPkitsCase(tc, files));
}
