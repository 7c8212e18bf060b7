import { type CaseOutcome, mapLimit } from './harness';
import { EKU } from '../oids';
import type { PeerName, ValidationInput } from './types';
import { validatePath } from './validate';

/**
 * C2SP x509-limbo harness: maps one testcase to validator input the way upstream harnesses do
 * (peer_certificate is the leaf, trusted_certs are the anchors, SERVER means serverAuth) and
 * returns SUCCESS/FAILURE, or SKIPPED with a reason for what cannot or will not be run here.
 */

export interface LimboTestcase {
  readonly id: string;
  readonly features?: readonly string[] | null;
  readonly description?: string;
  readonly validation_kind: 'SERVER' | 'CLIENT';
  readonly trusted_certs: readonly string[];
  readonly untrusted_intermediates: readonly string[];
  readonly peer_certificate: string;
  readonly validation_time?: string | null;
  readonly expected_peer_name?: PeerName | null;
  readonly extended_key_usage?: readonly string[] | null;
  readonly max_chain_depth?: number | null;
  readonly crls?: readonly string[] | null;
  readonly expected_result: 'SUCCESS' | 'FAILURE';
}

/** The limbo.json envelope. */
export interface LimboSuite {
  readonly version: number;
  readonly testcases: readonly LimboTestcase[];
}

const EKU_BY_NAME: Readonly<Record<string, string>> = {
  serverAuth: EKU.serverAuth,
  clientAuth: EKU.clientAuth,
  codeSigning: EKU.codeSigning,
  emailProtection: EKU.emailProtection,
  timeStamping: EKU.timeStamping,
  OCSPSigning: EKU.OCSPSigning,
  anyExtendedKeyUsage: EKU.anyExtendedKeyUsage,
};

/**
 * Features we decline, with the reason: a public suffix list is not shipped, and the one
 * `rfc5280-incompatible-with-webpki` case contradicts its webpki twin, where we side with
 * webpki (name constraints apply whether or not they are marked critical).
 */
const DECLINED_FEATURES: Readonly<Record<string, string>> = {
  'pedantic-public-suffix-wildcard': 'pedantic: needs a public suffix list',
  'rfc5280-incompatible-with-webpki': 'webpki-conflict: contradicts its webpki twin; we enforce non-critical name constraints like webpki',
};

/** Single cases we decline: CA/B Forum EKU rules that contradict the RFC 5280 semantics the console implements. */
const DECLINED_CASES: Readonly<Record<string, string>> = {
  'webpki::eku::ee-anyeku': 'eku-semantics: CA/B Forum forbids anyExtendedKeyUsage; RFC 5280 (and the console) accept it for any purpose',
  'webpki::eku::ee-without-eku': 'eku-semantics: CA/B Forum requires extKeyUsage; RFC 5280 (and the console) read its absence as any purpose (see rfc5280::eku::ee-without-eku)',
};

/** Why a case is not run, or null. */
export function limboSkipReason(tc: LimboTestcase): string | null {
  if (tc.id.startsWith('online::')) return 'online: needs the network (live server chains)';
  const declined = DECLINED_CASES[tc.id];
  if (declined) return declined;
  for (const f of tc.features ?? []) {
    const reason = DECLINED_FEATURES[f];
    if (reason) return reason;
  }
  for (const name of tc.extended_key_usage ?? []) if (!(name in EKU_BY_NAME)) return `eku: unknown extended key usage name ${name}`;
  return null;
}

/** PEM (one block) → DER, with no Buffer so it runs anywhere. */
export function pemToDer(pem: string): Uint8Array {
  const body = pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, '');
  const bin = globalThis.atob(body);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Maps one testcase to validator input (`now` stands in for a null validation_time). */
export function limboInput(tc: LimboTestcase, now: Date): ValidationInput {
  const ekus = (tc.extended_key_usage ?? []).map((n) => EKU_BY_NAME[n] as string);
  const maxChainDepth = tc.max_chain_depth ?? null;
  return {
    leaf: pemToDer(tc.peer_certificate),
    intermediates: tc.untrusted_intermediates.map(pemToDer),
    anchors: tc.trusted_certs.map(pemToDer),
    crls: tc.crls && tc.crls.length > 0 ? tc.crls.map((p) => ({ der: pemToDer(p) })) : undefined,
    at: tc.validation_time ? new Date(tc.validation_time) : now,
    role: tc.validation_kind === 'SERVER' ? 'proxy' : 'device',
    requiredEku: ekus.length > 0 ? ekus : undefined,
    expectedPeerName: tc.expected_peer_name ?? undefined,
    // limbo counts intermediates only (self-issued ones excepted); our maxDepth adds leaf and anchor.
    maxDepth: maxChainDepth === null ? undefined : maxChainDepth + 2,
    profile: 'strict',
  };
}

/** Runs one case: SUCCESS/FAILURE from the validator, or SKIPPED with a reason. */
export async function runLimboCase(tc: LimboTestcase, now: Date): Promise<CaseOutcome> {
  const skip = limboSkipReason(tc);
  if (skip) return { id: tc.id, expected: tc.expected_result, actual: 'SKIPPED', reason: skip };
  const result = await validatePath(limboInput(tc, now));
  return {
    id: tc.id,
    expected: tc.expected_result,
    actual: result.valid ? 'SUCCESS' : 'FAILURE',
    reason: result.failure ? `${result.failure.rule}: ${result.failure.message}` : 'valid',
  };
}

/** Runs the whole suite, a few cases at a time. */
export function runLimbo(suite: LimboSuite, now: Date = new Date()): Promise<CaseOutcome[]> {
  return mapLimit(suite.testcases, 16, (tc) => runLimboCase(tc, now));
}
