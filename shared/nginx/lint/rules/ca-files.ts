/** M-7, M-8, M-9: the CA and CRL files against the chain nginx must build. Silent when their bytes are not given. */
import type { LintFinding, NginxDirective } from '../../types';
import { findingAt, type Rule, type RuleContext } from '../context';
import { effective, serverLabel, type ServerView } from '../model';
import { intermediatesBelowRoot, sameName, type CertFacts } from '../pki-files';
import { asksForCertificate } from './verify-client';

const HOUR_MS = 3_600_000;
/** nginx's default ssl_verify_depth. */
const DEFAULT_DEPTH = 1;

/** The CAs nginx trusts for client certificates: both files together form one store. */
function trustedCas(server: ServerView, ctx: RuleContext): CertFacts[] | null {
  const files = ['ssl_client_certificate', 'ssl_trusted_certificate']
    .map((name) => effective(server.chain, name))
    .filter((d): d is NginxDirective => d !== null)
    .map((d) => ctx.pki(d));
  if (files.length === 0 || files.some((f) => f === null)) return null;
  return files.flatMap((f) => f?.content.certificates ?? []).filter((c) => c.isCa);
}

function depthTooSmall(server: ServerView, ctx: RuleContext): LintFinding[] {
  if (!asksForCertificate(server)) return [];
  const cas = trustedCas(server, ctx);
  if (!cas) return [];
  const depthDirective = effective(server.chain, 'ssl_verify_depth');
  const depth = depthDirective ? Number.parseInt(depthDirective.args[0] ?? '', 10) : DEFAULT_DEPTH;
  if (!Number.isFinite(depth)) return [];
  let deepest: { ca: CertFacts; needed: number } | null = null;
  for (const ca of cas) {
    const needed = intermediatesBelowRoot(ca, cas);
    if (needed !== null && needed > depth && (!deepest || needed > deepest.needed)) deepest = { ca, needed };
  }
  if (!deepest) return [];
  const at = depthDirective ?? effective(server.chain, 'ssl_verify_client');
  if (!at) return [];
  return [
    findingAt(
      'M-7',
      'medium',
      at,
      `${serverLabel(server)} allows ${depth} intermediate certificate${depth === 1 ? '' : 's'} (ssl_verify_depth ${depthDirective ? depth : `not set, default ${DEFAULT_DEPTH}`}), but clients issued by "${deepest.ca.subject}" need ${deepest.needed}: nginx rejects them with "unable to get local issuer certificate".`,
      `Set \`ssl_verify_depth ${deepest.needed};\` (the number of intermediates between the device certificates and the root).`,
    ),
  ];
}

function crlFindings(server: ServerView, ctx: RuleContext): LintFinding[] {
  if (!asksForCertificate(server)) return [];
  const crlDirective = effective(server.chain, 'ssl_crl');
  const crlFile = crlDirective ? ctx.pki(crlDirective) : null;
  if (!crlDirective || !crlFile) return [];
  const findings: LintFinding[] = [];
  const cas = trustedCas(server, ctx);
  for (const ca of cas ?? []) {
    if (crlFile.content.crls.some((crl) => sameName(crl.issuerDer, ca.subjectDer))) continue;
    findings.push(
      findingAt(
        'M-8',
        'high',
        crlDirective,
        `${crlFile.path} has no CRL from "${ca.subject}": nginx checks CRLs for every CA in the chain and rejects each client whose chain includes this CA ("unable to get certificate CRL").`,
        `Append the current CRL of "${ca.subject}" to ${crlFile.path} (one PEM file holding a CRL per CA), then reload nginx.`,
      ),
    );
  }
  for (const crl of crlFile.content.crls) {
    if (crl.nextUpdate === null) continue;
    const left = new Date(crl.nextUpdate).getTime() - ctx.now.getTime();
    if (left >= 24 * HOUR_MS) continue;
    const expired = left <= 0;
    findings.push(
      findingAt(
        'M-9',
        expired ? 'high' : 'medium',
        crlDirective,
        expired
          ? `The CRL from "${crl.issuer}" in ${crlFile.path} expired at ${crl.nextUpdate} (nextUpdate): nginx rejects every client that presents a certificate ("CRL has expired"), and nginx -t does not notice.`
          : `The CRL from "${crl.issuer}" in ${crlFile.path} expires at ${crl.nextUpdate}, in ${Math.max(1, Math.round(left / 60_000))} minutes: after that nginx rejects every client that presents a certificate.`,
        'Fetch a fresh CRL from the CA into this file and reload nginx (nginx reads CRLs only at start and reload); schedule the refresh well inside the CRL lifetime.',
      ),
    );
  }
  return findings;
}

export const checkVerifyDepth: Rule = (model, ctx) => model.servers.flatMap((s) => depthTooSmall(s, ctx));
export const checkCrls: Rule = (model, ctx) => model.servers.flatMap((s) => crlFindings(s, ctx));
