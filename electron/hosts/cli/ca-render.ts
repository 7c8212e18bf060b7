import type { CaInfo, CaOverview, IssuedCertificate, IssueResult } from '../../../shared/model/ca';

/** Plain-text answers of the ca verbs: what an operator checks at a glance; --json has everything. */

export function caInfoText(ca: CaInfo): string {
  return [
    `${ca.role} CA ${ca.id} (${ca.status})`,
    `  subject   ${ca.subject}`,
    `  issuer    ${ca.issuer}`,
    `  key       ${ca.keyAlgorithm}`,
    `  valid     ${ca.notBefore} → ${ca.notAfter} (${ca.daysLeft} days left)`,
    `  serial    ${ca.serialNumber}`,
    `  sha256    ${ca.sha256}`,
    `  CRL       ${ca.crl ? `#${ca.crl.crlNumber}, next update ${ca.crl.nextUpdate} (${ca.crl.hoursLeft} h), ${ca.crl.entries} revoked` : 'not published yet'}`,
  ].join('\n');
}

export function overviewText(o: CaOverview): string {
  const vault = !o.vault.initialized ? 'no vault yet (ca init creates one)' : o.vault.unlocked ? 'unlocked' : 'locked';
  const warnings = o.cas
    .filter((c) => c.status !== 'retired' && c.crl !== null && c.crl.hoursLeft <= o.crlWarningHours)
    .map((c) => `warning: the CRL of CA ${c.id} reaches nextUpdate in ${c.crl?.hoursLeft ?? 0} h: republish with ca crl`);
  return [
    `vault: ${vault}`,
    ...o.cas.map(caInfoText),
    `certificates: ${o.counts.valid} valid, ${o.counts.expiring} expiring (< ${o.expiringWindowDays} days), ${o.counts.expired} expired, ${o.counts.revoked} revoked`,
    ...warnings,
  ].join('\n');
}

export function issuedText(c: IssuedCertificate): string {
  const who = c.deviceId ?? c.subject;
  const revoked = c.revokedAt ? ` revoked ${c.revokedAt} (${c.revocationReason ?? 'unspecified'})` : '';
  return `${c.serialNumber}  ${c.status.padEnd(8)}  ${c.kind.padEnd(6)}  ${who}  until ${c.notAfter}  CA ${c.caId}  ${c.origin}${revoked}`;
}

export function listText(list: readonly IssuedCertificate[]): string {
  return list.length === 0 ? 'no certificates' : list.map(issuedText).join('\n');
}

export function issueText(r: IssueResult): string {
  return [`issued ${issuedText(r.certificate)}`, ...r.files.map((f) => `wrote ${f}`)].join('\n');
}
