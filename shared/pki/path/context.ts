import { type Certificate, parseCertificate } from './cert';
import { nameKey } from './name';
import { Verifier, type VerifyOutcome } from './signature';
import type { ValidationInput } from './types';

/**
 * Everything one validatePath call shares: parsed candidates indexed by subject, the signature
 * cache, and the work budget that keeps hostile certificate sets from exploding the search.
 */

export const DEFAULT_MAX_DEPTH = 8;
/** Candidate checks one validation may spend before giving up (path.budget). */
export const SIGNATURE_BUDGET = 1000;

/** A possible issuer: a parsed certificate and whether the operator trusts it. */
export interface Candidate {
  readonly cert: Certificate;
  readonly anchor: boolean;
  /** Input order (anchors first), the last tie-breaker when ranking issuers. */
  readonly order: number;
}

/** Shared work counter, so nested CRL-signer validations spend from the same budget. */
export interface Budget {
  tried: number;
  readonly limit: number;
}

/** Per-call state shared by building, checking and revocation. */
export interface Context {
  readonly input: ValidationInput;
  readonly verifier: Verifier;
  readonly pool: readonly Candidate[];
  readonly bySubject: ReadonlyMap<string, readonly Candidate[]>;
  readonly budget: Budget;
  readonly maxDepth: number;
  /** Link verdicts keyed by child sha256 + issuer sha256. */
  readonly links: Map<string, Promise<VerifyOutcome>>;
}

async function parseAll(list: readonly Uint8Array[]): Promise<Certificate[]> {
  const out: Certificate[] = [];
  for (const der of list) {
    try {
      out.push(await parseCertificate(der));
    } catch {
      // An unparseable candidate can never be an issuer; the leaf is parsed (and reported) separately.
    }
  }
  return out;
}

/** Builds the shared context; anchors win over identical intermediates. */
export async function createContext(input: ValidationInput, budget?: Budget, verifier?: Verifier): Promise<Context> {
  const anchors = await parseAll(input.anchors);
  const intermediates = await parseAll(input.intermediates);
  const seen = new Set<string>();
  const pool: Candidate[] = [];
  for (const [list, anchor] of [[anchors, true], [intermediates, false]] as const) {
    for (const cert of list) {
      if (seen.has(cert.sha256)) continue;
      seen.add(cert.sha256);
      pool.push({ cert, anchor, order: pool.length });
    }
  }
  const bySubject = new Map<string, Candidate[]>();
  for (const c of pool) {
    const key = nameKey(c.cert.subject);
    bySubject.set(key, [...(bySubject.get(key) ?? []), c]);
  }
  return {
    input,
    verifier: verifier ?? new Verifier(),
    pool,
    bySubject,
    budget: budget ?? { tried: 0, limit: SIGNATURE_BUDGET },
    maxDepth: input.maxDepth ?? DEFAULT_MAX_DEPTH,
    links: new Map(),
  };
}

/** Did `issuer`'s key sign `child`? Cached per pair. */
export function verifyLink(ctx: Context, child: Certificate, issuer: Certificate): Promise<VerifyOutcome> {
  const key = `${child.sha256}|${issuer.sha256}`;
  let verdict = ctx.links.get(key);
  if (!verdict) {
    verdict = child.signature === null ? Promise.resolve('invalid') : ctx.verifier.verify(child.tbs, child.signature, child.signatureAlgorithm, issuer.spki, issuer.spkiAlgorithm);
    ctx.links.set(key, verdict);
  }
  return verdict;
}
