import type { CertificateObject, CertRole, Finding, KeyObjectSummary, PkiObject } from '../model/pki';
import { isLeaf } from './findings';

const certsOf = (objects: readonly PkiObject[]): CertificateObject[] =>
  objects.filter((o): o is CertificateObject => o.kind === 'certificate');

const label = (c: CertificateObject): string => `certificate ${c.source.index + 1} (${c.subject || 'empty subject'})`;

/** Order problems within one file: nginx and TLS clients expect the leaf first, then each issuer. */
function chainOrderFindings(certs: readonly CertificateObject[], role: CertRole): Finding[] {
  const out: Finding[] = [];
  // First position of each subject: a bundle holds hundreds of certificates, and a scan per
  // certificate made this quadratic.
  const firstWithSubject = new Map<string, number>();
  certs.forEach((c, i) => {
    if (!firstWithSubject.has(c.subject)) firstWithSubject.set(c.subject, i);
  });
  certs.forEach((cert, i) => {
    if (cert.selfIssued) return;
    const issuerAt = firstWithSubject.get(cert.issuer) ?? -1;
    if (issuerAt >= 0 && issuerAt < i) {
      out.push({
        id: 'chain.out-of-order',
        severity: 'warning',
        message: `${label(cert)} comes after its issuer ${label(certs[issuerAt] as CertificateObject)}`,
        fix: 'Order the file leaf first, then each issuer in turn (root last or omitted).',
      });
    }
  });
  const leaf = certs[0];
  if (leaf && isLeaf(leaf) && !leaf.selfIssued && !firstWithSubject.has(leaf.issuer)) {
    const severity = role === 'proxy' ? 'warning' : 'info';
    out.push({
      id: 'chain.incomplete',
      severity,
      message: `no certificate for the leaf's issuer ${leaf.issuer} in this file; fine only if that issuer is a root the verifier already trusts`,
      fix:
        role === 'proxy'
          ? 'Append the intermediate(s) to the file ssl_certificate points at, so clients can build the chain.'
          : 'Include the intermediate if the verifier does not already hold it.',
    });
  }
  return out;
}

/** Whether the private keys in the input belong to its certificates (by public-key hash). */
function keyMatchFindings(certs: readonly CertificateObject[], keys: readonly KeyObjectSummary[]): Finding[] {
  if (keys.length === 0 || certs.length === 0) return [];
  const out: Finding[] = [];
  for (const key of keys) {
    if (!certs.some((c) => c.publicKey.spkiSha256 === key.publicKey.spkiSha256)) {
      out.push({
        id: 'key.mismatch',
        severity: 'error',
        message: `the private key (object ${key.source.index + 1} in ${key.source.file}) matches none of the certificates`,
        fix: 'Pair the certificate with the key it was issued for; nginx refuses to start with a mismatched pair.',
      });
    }
  }
  const leaves = certs.filter(isLeaf);
  for (const leaf of leaves.slice(0, 1)) {
    if (!keys.some((k) => k.publicKey.spkiSha256 === leaf.publicKey.spkiSha256) && out.length === 0) {
      out.push({ id: 'key.mismatch', severity: 'error', message: `no private key given matches ${label(leaf)}`, fix: 'Open the key that belongs to this certificate.' });
    }
  }
  return out;
}

/** Findings about the inputs as a whole: order and completeness per file, key/certificate pairing. */
export function inputFindings(objects: readonly PkiObject[], role: CertRole): Finding[] {
  const byFile = new Map<string, CertificateObject[]>();
  for (const cert of certsOf(objects)) {
    const list = byFile.get(cert.source.file);
    if (list) list.push(cert);
    else byFile.set(cert.source.file, [cert]);
  }
  const out: Finding[] = [];
  for (const certs of byFile.values()) out.push(...chainOrderFindings(certs, role));
  const keys = objects.filter((o): o is KeyObjectSummary => o.kind === 'key');
  out.push(...keyMatchFindings(certsOf(objects), keys));
  return out;
}
