import type { Certificate } from './cert';
import { type Candidate, type Context, verifyLink } from './context';
import { type Failure, describe, failure, sentence } from './failure';
import { equalBytes, hex } from './asn1';
import { nameKey, showName } from './name';

/**
 * Path building (RFC 4158 style, depth first with backtracking): from the leaf, try every
 * candidate whose subject matches the issuer name, best-looking first; a failure anywhere on a
 * path sends the search to the next candidate. Loops are impossible (a certificate appears once)
 * and the total number of candidate checks is bounded by the context budget.
 */

export interface Attempt {
  /** Leaf first; when `complete`, the last element is a trust anchor. */
  readonly chain: readonly Candidate[];
  readonly complete: boolean;
  readonly failure: Failure | null;
}

/** Validates a complete chain (RFC 5280 checks, then revocation); null when it passes. */
export type CompleteCheck = (chain: readonly Candidate[]) => Promise<Failure | null>;

/** 0 when the child's AKI keyIdentifier names this issuer's SKI, 1 when unknown, 2 when it names another key. */
function keyIdRank(child: Certificate, issuer: Certificate): number {
  const aki = child.ext?.authorityKeyId?.keyId;
  const ski = issuer.ext?.subjectKeyId;
  if (!aki || !ski) return 1;
  return equalBytes(aki, ski) ? 0 : 2;
}

/** Name + key: a path never passes through the same CA twice, even via re-issued certificates (RFC 4158 §5.2). */
function identity(cert: Certificate): string {
  return `${nameKey(cert.subject)}|${hex(cert.spki)}`;
}

/** Certificates counted against maxDepth: all but self-issued intermediates (key rollovers). */
function logicalLength(chain: readonly Candidate[]): number {
  return chain.filter((c, i) => i === 0 || c.anchor || !c.cert.selfIssued).length;
}

/** One search per validation: records every failed attempt so the best one can be reported. */
export class PathBuilder {
  private readonly attempts: Attempt[] = [];
  private stopped = false;

  constructor(
    private readonly ctx: Context,
    private readonly check: CompleteCheck,
  ) {}

  /** Searches for a valid path; returns the winning attempt or the most informative failure. */
  async build(leaf: Certificate): Promise<Attempt> {
    const start: Candidate = { cert: leaf, anchor: false, order: -1 };
    const found = await this.extend([start]);
    if (found) return found;
    return this.best() ?? { chain: [start], complete: false, failure: failure('path.no-issuer', 'No path could be built.', 0) };
  }

  private record(attempt: Attempt): void {
    this.attempts.push(attempt);
  }

  /** Budget exhaustion wins (the search is inconclusive); then complete paths, first found (candidates are ranked); else the longest. */
  private best(): Attempt | null {
    const budget = this.attempts.find((a) => a.failure?.rule === 'path.budget');
    if (budget) return budget;
    const complete = this.attempts.find((a) => a.complete);
    if (complete) return complete;
    let best: Attempt | null = null;
    for (const a of this.attempts) if (!best || a.chain.length > best.chain.length) best = a;
    return best;
  }

  private candidates(chain: readonly Candidate[]): Candidate[] {
    const cur = (chain[chain.length - 1] as Candidate).cert;
    const used = new Set(chain.flatMap((c) => [c.cert.sha256, identity(c.cert)]));
    return (this.ctx.bySubject.get(nameKey(cur.issuer)) ?? [])
      .filter((c) => !used.has(c.cert.sha256) && !used.has(identity(c.cert)))
      .map((c) => ({ c, rank: keyIdRank(cur, c.cert) }))
      .sort((a, b) => a.rank - b.rank || Number(b.c.anchor) - Number(a.c.anchor) || a.c.order - b.c.order)
      .map(({ c }) => c);
  }

  private async extend(chain: readonly Candidate[]): Promise<Attempt | null> {
    const index = chain.length - 1;
    const cur = (chain[index] as Candidate).cert;
    const position = index === 0 ? 'leaf' : 'intermediate';
    const candidates = this.candidates(chain);
    if (candidates.length > 0 && !equalBytes(cur.signatureAlgorithm.raw, cur.tbsSignatureRaw)) {
      const f = failure('signature.algorithm-mismatch', `${sentence(describe(cur, position))} names different signature algorithms inside and outside its signed part, so its signature cannot be trusted.`, index);
      this.record({ chain, complete: false, failure: f });
      return null;
    }
    if (candidates.length === 0) {
      const f = cur.selfIssued
        ? failure('path.untrusted-root', `The chain ends at self-signed ${showName(cur.subject)}, which is not one of the trust anchors.`, index)
        : failure('path.no-issuer', `No certificate was supplied for issuer ${showName(cur.issuer)} of ${describe(cur, position)}, so the chain is incomplete.`, index);
      this.record({ chain, complete: false, failure: f });
      return null;
    }
    for (const next of candidates) {
      if (this.stopped) return null;
      if (this.ctx.budget.tried >= this.ctx.budget.limit) {
        this.stopped = true;
        this.record({ chain, complete: false, failure: failure('path.budget', `Path building gave up after ${this.ctx.budget.limit} candidate checks.`, null) });
        return null;
      }
      this.ctx.budget.tried++;
      const extended = [...chain, next];
      const needed = logicalLength(extended) + (next.anchor ? 0 : 1);
      if (needed > this.ctx.maxDepth) {
        this.record({ chain: extended, complete: false, failure: failure('depth.exceeded', `The path would need more than ${this.ctx.maxDepth} certificates, the configured maximum depth.`, index + 1) });
        continue;
      }
      const verdict = await verifyLink(this.ctx, cur, next.cert);
      if (verdict !== 'valid') {
        const f =
          verdict === 'invalid'
            ? failure('signature.invalid', `${sentence(describe(cur, position))} is not validly signed by the key of ${describe(next.cert, next.anchor ? 'anchor' : 'intermediate')}.`, index)
            : failure('signature.unsupported-algorithm', `${sentence(describe(cur, position))} is signed with ${verdict.unsupported}, which this validator cannot check.`, index);
        this.record({ chain: extended, complete: next.anchor, failure: f });
        continue;
      }
      if (next.anchor) {
        const f = await this.check(extended);
        if (f === null) return { chain: extended, complete: true, failure: null };
        this.record({ chain: extended, complete: true, failure: f });
        continue;
      }
      const found = await this.extend(extended);
      if (found) return found;
    }
    return null;
  }
}
