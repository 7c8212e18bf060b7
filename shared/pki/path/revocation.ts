import { equalBytes } from './asn1';
import type { Certificate } from './cert';
import type { Candidate, Context } from './context';
import type { RevocationList } from './crl-source';
import { ALL_REASONS, type DistributionPoint, type ReasonMask, resolveDpName } from './distribution-point';
import { type Failure, type Position, describe, failure, sentence } from './failure';
import type { GeneralName } from './general-name';
import { namesEqual, showName } from './name';
import { type SignerCheck, findSigner } from './crl-signer';

/**
 * CRL checking, RFC 5280 §6.3 with OpenSSL's scoping rules (what nginx does with
 * ssl_crl): every non-anchor certificate needs CRLs from its issuer covering all reasons;
 * distribution points, onlySome/onlyUser/onlyCA, indirect CRLs and delta CRLs are honoured.
 */

function sameGeneralName(a: GeneralName, b: GeneralName): boolean {
  switch (a.kind) {
    case 'dn':
      return b.kind === 'dn' && namesEqual(a.name, b.name);
    case 'ip':
      return b.kind === 'ip' && equalBytes(a.bytes, b.bytes);
    case 'dns':
    case 'email':
    case 'uri':
      return b.kind === a.kind && a.value.toLowerCase() === b.value.toLowerCase();
    case 'other':
      return b.kind === 'other' && equalBytes(a.raw, b.raw);
  }
}

function anyMatch(a: readonly GeneralName[], b: readonly GeneralName[]): boolean {
  return a.some((x) => b.some((y) => sameGeneralName(x, y)));
}

/** The reasons a CRL covers for this certificate, or null when it is out of scope. */
function scope(cert: Certificate, isCa: boolean, crl: RevocationList): ReasonMask | null {
  const idp = crl.idp;
  const sameIssuer = namesEqual(crl.issuer, cert.issuer);
  if (!sameIssuer && !idp?.indirect) return null;
  if (idp?.onlyAttributeCerts || (isCa && idp?.onlyUserCerts) || (!isCa && idp?.onlyCaCerts)) return null;
  const crlReasons = idp?.onlySomeReasons ?? ALL_REASONS;
  for (const dp of cert.ext?.crlDistributionPoints ?? []) {
    if (dpCovers(dp, cert, crl, sameIssuer)) return crlReasons & (dp.reasons ?? ALL_REASONS);
  }
  return !idp?.name && sameIssuer ? crlReasons : null;
}

function dpCovers(dp: DistributionPoint, cert: Certificate, crl: RevocationList, sameIssuer: boolean): boolean {
  const crlIssuerNames = dp.crlIssuer;
  const issuerOk = crlIssuerNames ? crlIssuerNames.some((n) => n.kind === 'dn' && namesEqual(n.name, crl.issuer)) : sameIssuer;
  if (!issuerOk) return false;
  if (!crl.idp?.name) return true;
  const idpNames = resolveDpName(crl.idp.name, crl.issuer);
  if (dp.name) {
    const base = crlIssuerNames?.find((n) => n.kind === 'dn');
    return anyMatch(idpNames, resolveDpName(dp.name, base?.kind === 'dn' ? base.name : cert.issuer));
  }
  return crlIssuerNames !== null && anyMatch(idpNames, crlIssuerNames);
}

/** The newest usable delta CRL for a complete CRL, per RFC 5280 §5.2.4 and §6.3.3 (c). */
function deltaFor(base: RevocationList, lists: readonly RevocationList[], at: Date): RevocationList | null {
  let best: RevocationList | null = null;
  for (const d of lists) {
    if (d.deltaBase === null || base.crlNumber === null || d.crlNumber === null) continue;
    if (!namesEqual(d.issuer, base.issuer) || d.unusable) continue;
    if (d.deltaBase > base.crlNumber || d.crlNumber <= base.crlNumber) continue;
    if (d.thisUpdate > at || (d.nextUpdate && d.nextUpdate < at)) continue;
    if (JSON.stringify(d.idp) !== JSON.stringify(base.idp)) continue;
    if (!best || (best.crlNumber as bigint) < d.crlNumber) best = d;
  }
  return best;
}

function iso(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

/** Revocation status of chain[index] (not the anchor): a failure, or null when not revoked. */
export async function certificateStatus(ctx: Context, lists: readonly RevocationList[], chain: readonly Candidate[], index: number, checkSigner: SignerCheck): Promise<Failure | null> {
  const cert = (chain[index] as Candidate).cert;
  const position: Position = index === 0 ? 'leaf' : 'intermediate';
  const who = describe(cert, position);
  const isCa = cert.ext?.basicConstraints?.ca === true;
  const at = ctx.input.at;
  let covered: ReasonMask = 0;
  let problem: Failure | null = null;
  for (const crl of lists) {
    if (covered === ALL_REASONS) break;
    if (crl.deltaBase !== null) continue;
    const reasons = scope(cert, isCa, crl);
    if (reasons === null || (reasons & ~covered) === 0) continue;
    const from = `The CRL from ${showName(crl.issuer)}`;
    if (crl.thisUpdate > at) {
      problem ??= failure('revocation.crl-expired', `${from} is not valid until ${iso(crl.thisUpdate)}, so the revocation status of ${who} is unknown.`, index);
      continue;
    }
    if (crl.nextUpdate && crl.nextUpdate < at) {
      problem ??= failure('revocation.crl-expired', `${from} expired at ${iso(crl.nextUpdate)} (nextUpdate), so the revocation status of ${who} is unknown.`, index);
      continue;
    }
    if (crl.unusable) {
      problem ??= failure('revocation.unsupported', `${from} cannot be used: ${crl.unusable}.`, index);
      continue;
    }
    const signer = await findSigner(ctx, crl, chain, index, checkSigner);
    if ('failure' in signer) {
      problem ??= { ...signer.failure, certIndex: index };
      continue;
    }
    const delta = deltaFor(crl, lists, at);
    const deltaSigned = delta ? 'signer' in (await findSigner(ctx, delta, chain, index, checkSigner)) : false;
    const fromDelta = delta && deltaSigned ? delta.lookup(cert.serial, cert.issuer) : null;
    const entry = fromDelta ?? crl.lookup(cert.serial, cert.issuer);
    if (entry && entry.reason !== 'removeFromCRL') {
      const reason = entry.reason ? ` (reason: ${entry.reason})` : '';
      return failure('revocation.revoked', `${sentence(who)} was revoked on ${entry.revocationDate.replace('.000Z', 'Z')}${reason}, according to the CRL from ${showName(crl.issuer)}.`, index);
    }
    covered |= reasons;
  }
  if (covered === ALL_REASONS) return null;
  if (problem) return problem;
  const partial = covered !== 0 ? ' covering all revocation reasons' : '';
  return failure('revocation.no-crl', `No CRL from issuer ${showName(cert.issuer)}${partial} was supplied, so the revocation status of ${who} is unknown.`, index);
}
