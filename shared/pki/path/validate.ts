import { type Attempt, PathBuilder } from './build';
import { type Certificate, parseCertificate } from './cert';
import { checkPath } from './checks';
import { type Candidate, type Context, createContext } from './context';
import { type RevocationList, loadRevocationLists } from './crl-source';
import { type Failure, failure } from './failure';
import { showName } from './name';
import { certificateStatus } from './revocation';
import type { PathStep, ValidationInput, ValidationResult } from './types';

/**
 * validatePath: build candidate paths from the leaf to an operator-chosen trust anchor and run
 * RFC 5280 §6 (plus §6.3 revocation when CRLs are given) on each until one passes. This is the
 * console's own validator because @peculiar/x509's chain builder checks signatures only.
 */

export type { CrlInput, PathStep, ValidationFailure, ValidationInput, ValidationResult } from './types';

/** CRL signers outside the path are validated recursively, at most this deep. */
const MAX_SIGNER_NESTING = 2;

interface Run {
  readonly ctx: Context;
  readonly lists: readonly RevocationList[] | null;
  readonly nesting: number;
  readonly signerVerdicts: Map<string, Promise<Failure | null>>;
  /** Signers whose validation is under way further up: their own CRLs may cover them. */
  readonly inProgress: ReadonlySet<string>;
}

async function revocationFailure(run: Run, chain: readonly Candidate[]): Promise<Failure | null> {
  if (run.lists === null) return null;
  for (let index = chain.length - 2; index >= 0; index--) {
    const f = await certificateStatus(run.ctx, run.lists, chain, index, (signer) => checkSigner(run, signer));
    if (f) return f;
  }
  return null;
}

function checkSigner(run: Run, signer: Candidate): Promise<Failure | null> {
  if (run.inProgress.has(signer.cert.sha256)) return Promise.resolve(null);
  let verdict = run.signerVerdicts.get(signer.cert.sha256);
  if (!verdict) {
    verdict =
      run.nesting >= MAX_SIGNER_NESTING
        ? Promise.resolve(failure('revocation.crl-signature', 'CRL signers are nested too deeply to validate.', null))
        : (async () => {
            const input: ValidationInput = { ...run.ctx.input, leaf: signer.cert.der, role: 'any', requiredEku: undefined, expectedPeerName: undefined, policy: undefined };
            const nested: Run = { ...run, ctx: { ...run.ctx, input }, nesting: run.nesting + 1, inProgress: new Set([...run.inProgress, signer.cert.sha256]) };
            const attempt = await search(nested, signer.cert);
            return attempt.failure;
          })();
    run.signerVerdicts.set(signer.cert.sha256, verdict);
  }
  return verdict;
}

function search(run: Run, leaf: Certificate): Promise<Attempt> {
  const builder = new PathBuilder(run.ctx, async (chain) => checkPath(run.ctx, chain) ?? (await revocationFailure(run, chain)));
  return builder.build(leaf);
}

function iso(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

function steps(attempt: Attempt, f: Failure | null): PathStep[] {
  const at = f?.certIndex ?? null;
  return attempt.chain.map((c, i) => ({
    role: i === 0 ? 'leaf' : c.anchor ? 'anchor' : 'intermediate',
    subject: showName(c.cert.subject),
    issuer: showName(c.cert.issuer),
    serialNumber: c.cert.serialHex,
    sha256: c.cert.sha256,
    notBefore: iso(c.cert.notBefore),
    notAfter: iso(c.cert.notAfter),
    ok: i !== at,
    note: i === at ? (f?.message ?? null) : null,
  }));
}

/** Validates `input.leaf` against the operator's trust anchors; never throws for bad input. */
export async function validatePath(input: ValidationInput): Promise<ValidationResult> {
  let leaf: Certificate;
  try {
    leaf = await parseCertificate(input.leaf);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { valid: false, path: [], failure: failure('certificate.malformed', `The leaf certificate cannot be parsed: ${why}.`, null), revocationChecked: false, candidatesTried: 0 };
  }
  const ctx = await createContext(input);
  const loaded = input.crls ? loadRevocationLists(input.crls) : null;
  const lists = loaded ? loaded.lists : null;
  let attempt: Attempt;
  try {
    attempt = await search({ ctx, lists, nesting: 0, signerVerdicts: new Map(), inProgress: new Set() }, leaf);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const f = failure('validator.error', `Validation stopped unexpectedly: ${why}.`, null);
    return { valid: false, path: [], failure: f, revocationChecked: false, candidatesTried: ctx.budget.tried };
  }
  let f = attempt.failure;
  if (f?.rule === 'revocation.no-crl' && loaded && loaded.errors.length > 0) f = { ...f, message: `${f.message} ${loaded.errors.join(' ')}` };
  return {
    valid: f === null,
    path: steps(attempt, f),
    failure: f ? { rule: f.rule, message: f.message, certIndex: f.certIndex } : null,
    revocationChecked: lists !== null && (f === null || f.rule.startsWith('revocation.')),
    candidatesTried: ctx.budget.tried,
  };
}
