import type { ReferencedFileCheck } from '../model/nginx';
import type { CertificateObject, CrlObject, Finding } from '../model/pki';
import { DEFAULT_EXPIRY_WINDOW_DAYS } from '../pki/findings';
import { inspect, type InspectInput } from '../pki/inspect';
import { pemFindings, readFailureFindings } from './file-checks-pem';
import { stateOf, unreadCheck, type FileBytes, type FileCheckContext } from './file-checks';

const HOUR_MS = 3_600_000;

function nextUpdateText(crl: CrlObject, now: Date): string {
  if (crl.nextUpdate === null) return 'no next update';
  const left = Date.parse(crl.nextUpdate) - now.getTime();
  if (left < 0) return `expired ${Math.floor(-left / (24 * HOUR_MS))} day(s) ago`;
  const hours = Math.floor(left / HOUR_MS);
  return hours < 48 ? `next update in ${hours} hour(s)` : `next update in ${Math.floor(hours / 24)} day(s)`;
}

/**
 * nginx checks revocation for the whole chain (CRL_CHECK_ALL): a CA in ssl_client_certificate
 * without its own CRL in the ssl_crl file makes every device it vouches for fail.
 */
function coverageFindings(cas: readonly CertificateObject[], crls: readonly CrlObject[]): Finding[] {
  return cas
    .filter((ca) => (ca.basicConstraints?.ca ?? false) && !crls.some((crl) => crl.issuer === ca.subject))
    .map((ca) => ({
      id: 'crl.missing-for-ca',
      severity: 'error' as const,
      message: `no CRL from ${ca.subject}: nginx checks every CA in the chain and rejects devices with "unable to get certificate CRL"`,
      fix: 'Put a current CRL from each CA in the client CA file into the ssl_crl file (one PEM after another).',
    }));
}

/**
 * `ssl_crl`: each CRL is signed by a CA in the client CA file and not past nextUpdate (warning
 * inside 24 h), and every CA there has one. Signature and freshness come from `inspect`,
 * the same judgement the Certificates area gives.
 */
export async function checkCrl(field: string, path: string, file: FileBytes, caPath: string, ca: FileBytes, ctx: FileCheckContext): Promise<ReferencedFileCheck> {
  if (file.state !== 'read') return unreadCheck(field, path, file);
  const inputs: InspectInput[] = [{ file: path, bytes: file.bytes }];
  if (ca.state === 'read') inputs.push({ file: caPath, bytes: ca.bytes });
  const result = await inspect(inputs, { role: 'any', deviceId: null, now: ctx.now, expiryWindowDays: DEFAULT_EXPIRY_WINDOW_DAYS });
  const crls = result.objects.filter((o): o is CrlObject => o.kind === 'crl' && o.source.file === path);
  const cas = result.objects.filter((o): o is CertificateObject => o.kind === 'certificate' && o.source.file === caPath);
  const findings = [...pemFindings(file.bytes, 'crl'), ...readFailureFindings(result.errors.filter((e) => e.source.file === path))];
  for (const crl of crls) findings.push(...crl.findings.map((f) => (crls.length > 1 ? { ...f, message: `CRL from ${crl.issuer}: ${f.message}` } : f)));
  if (ca.state === 'read') findings.push(...coverageFindings(cas, crls));
  else findings.push({ id: 'crl.issuer-unchecked', severity: 'info', message: `the client CA file ${caPath} was not read, so the CRL signature is not checked`, fix: 'Check again where the client CA file is present.' });
  if (crls.length === 0) {
    findings.push({ id: 'file.no-crl', severity: 'error', message: `${path} holds no CRL`, fix: 'Point ssl_crl at the PEM file with the CRLs of the client CA(s).' });
    return { field, path, state: 'error', summary: 'No CRL in this file.', findings };
  }
  const parts = crls.map((c) => `${c.issuer}: ${nextUpdateText(c, ctx.now)}, ${c.entryCount} revoked`);
  const summary = crls.length === 1 ? `CRL from ${parts[0] ?? ''}` : `${crls.length} CRLs. ${parts.join('; ')}`;
  return { field, path, state: stateOf(findings), summary, findings };
}
