import type { Finding, InspectResult, PkiObject } from '../../../shared/model/pki';
import { assertNever } from '../../../shared/util/assert-never';

const MARK: Record<Finding['severity'], string> = { error: 'ERROR', warning: 'WARN ', info: 'info ' };

function findingLines(findings: readonly Finding[], indent: string): string[] {
  return findings.map((f) => `${indent}${MARK[f.severity]} ${f.id}: ${f.message}\n${indent}      fix: ${f.fix}`);
}

function rows(pairs: ReadonlyArray<[string, string | null | undefined]>): string[] {
  const shown = pairs.filter((p): p is [string, string] => typeof p[1] === 'string' && p[1] !== '');
  const width = Math.max(...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
}

function keyText(o: { publicKey: { algorithm: string; size: number | null; curve: string | null } }): string {
  const k = o.publicKey;
  return [k.algorithm, k.curve ?? (k.size ? `${k.size} bits` : '')].filter(Boolean).join(' ');
}

function objectLines(o: PkiObject): string[] {
  const head = `${o.kind} ${o.source.file} #${o.source.index + 1}`;
  switch (o.kind) {
    case 'certificate':
      return [
        head,
        ...rows([
          ['subject', o.subject],
          ['issuer', o.issuer],
          ['serial', o.serialNumber],
          ['valid', `${o.notBefore} .. ${o.notAfter} (${o.daysLeft >= 0 ? `${o.daysLeft} days left` : `expired ${-o.daysLeft} days ago`})`],
          ['SANs', o.subjectAltNames.map((n) => `${n.type}:${n.value}`).join(', ')],
          ['key', keyText(o)],
          ['signature', o.signatureAlgorithm],
          ['CA', o.basicConstraints ? `${o.basicConstraints.ca}${o.basicConstraints.pathLen !== null ? ` pathlen ${o.basicConstraints.pathLen}` : ''}` : null],
          ['key usage', o.keyUsage?.join(', ')],
          ['ext. key usage', o.extendedKeyUsage?.join(', ')],
          ['SKI', o.subjectKeyId],
          ['AKI', o.authorityKeyId],
          ['CRL DP', o.crlDistributionPoints.join(', ')],
          ['OCSP', o.authorityInfoAccess.ocsp.join(', ')],
          ['SHA-256', o.fingerprints.sha256],
          ['SHA-1', o.fingerprints.sha1],
        ]),
        ...findingLines(o.findings, '  '),
      ];
    case 'crl':
      return [
        head,
        ...rows([
          ['issuer', o.issuer],
          ['this update', o.thisUpdate],
          ['next update', o.nextUpdate ?? '(none)'],
          ['CRL number', o.crlNumber],
          ['entries', String(o.entryCount)],
          ['signature', o.signatureAlgorithm],
          ['SHA-256', o.fingerprints.sha256],
        ]),
        ...findingLines(o.findings, '  '),
      ];
    case 'csr':
      return [head, ...rows([['subject', o.subject], ['key', keyText(o)], ['signature', `${o.signatureAlgorithm}${o.signatureValid ? '' : ' (does not verify)'}`], ['SANs', o.subjectAltNames.map((n) => `${n.type}:${n.value}`).join(', ')]]), ...findingLines(o.findings, '  ')];
    case 'key':
      return [head, ...rows([['format', o.format], ['key', keyText(o)], ['public key SHA-256', o.publicKey.spkiSha256]]), ...findingLines(o.findings, '  ')];
    default:
      return assertNever(o, 'object kind');
  }
}

/** Human text for `inspect`: one block per object, then file-level findings and unreadable parts. */
export function renderInspect(result: InspectResult): string {
  const parts = result.objects.map((o) => objectLines(o).join('\n'));
  if (result.findings.length > 0) parts.push(['across the input', ...findingLines(result.findings, '  ')].join('\n'));
  if (result.errors.length > 0) parts.push(['could not read', ...result.errors.map((e) => `  ${e.source.file} #${e.source.index + 1}: ${e.message}`)].join('\n'));
  if (parts.length === 0) parts.push('nothing found');
  return parts.join('\n\n');
}

export function hasErrors(result: InspectResult): boolean {
  return result.findings.some((f) => f.severity === 'error') || result.objects.some((o) => o.findings.some((f) => f.severity === 'error'));
}
