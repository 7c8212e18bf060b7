import type { Candidate, Context } from './context';
import type { RevocationList } from './crl-source';
import { type Failure, failure } from './failure';
import { nameKey, namesEqual, showName } from './name';
import type { Certificate } from './cert';
import { KU } from './extensions';
import type { VerifyOutcome } from './signature';

/**
 * Who signed a CRL (RFC 5280 §6.3.3 (f)): usually the certificate's issuer, but a CA may sign
 * CRLs with a separate key or delegate them to another CRL issuer. Signers outside the path
 * being validated get their own path validated (same anchors, same CRLs) before being trusted.
 */

/** Validates a CRL signer that is not part of the path (its own path, same inputs). */
export type SignerCheck = (signer: Candidate) => Promise<Failure | null>;

/** May `cert` sign CRLs? (keyUsage, when present, must include cRLSign.) */
export function maySignCrls(cert: Certificate): boolean {
  const ku = cert.ext?.keyUsage ?? null;
  return ku === null || ku(KU.cRLSign);
}

function verdict(ctx: Context, crl: RevocationList, signer: Candidate): Promise<VerifyOutcome> {
  const key = `crl#${crl.index}|${signer.cert.sha256}`;
  let v = ctx.links.get(key);
  if (!v) {
    v = crl.verify(ctx.verifier, signer.cert.spki, signer.cert.spkiAlgorithm);
    ctx.links.set(key, v);
  }
  return v;
}

/** The validated signer of `crl` for the certificate at chain[index], or why there is none. */
export async function findSigner(
  ctx: Context,
  crl: RevocationList,
  chain: readonly Candidate[],
  index: number,
  checkSigner: SignerCheck,
): Promise<{ readonly signer: Candidate } | { readonly failure: Failure }> {
  const above = chain.slice(index + 1);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const c of [...above, ...(ctx.bySubject.get(nameKey(crl.issuer)) ?? [])]) {
    if (seen.has(c.cert.sha256) || !namesEqual(c.cert.subject, crl.issuer)) continue;
    seen.add(c.cert.sha256);
    candidates.push(c);
  }
  const from = `The CRL from ${showName(crl.issuer)}`;
  let problem: Failure | null = null;
  for (const c of candidates) {
    if (!maySignCrls(c.cert)) {
      problem ??= failure('revocation.crl-signature', `${from} cannot be trusted: the issuer's certificate may not sign CRLs (its keyUsage lacks cRLSign).`, null);
      continue;
    }
    const v = await verdict(ctx, crl, c);
    if (v !== 'valid') {
      problem ??=
        v === 'invalid'
          ? failure('revocation.crl-signature', `${from} is not validly signed by the issuer's key.`, null)
          : failure('revocation.crl-signature', `${from} is signed with ${v.unsupported}, which this validator cannot check.`, null);
      continue;
    }
    if (c.anchor || above.some((a) => a.cert.sha256 === c.cert.sha256)) return { signer: c };
    const signerFailure = await checkSigner(c);
    if (signerFailure === null) return { signer: c };
    problem ??= failure('revocation.crl-signature', `${from} is signed by a certificate that is not itself valid: ${signerFailure.message}`, null);
  }
  return { failure: problem ?? failure('revocation.crl-signature', `${from} cannot be checked: no certificate of its issuer was supplied.`, null) };
}
