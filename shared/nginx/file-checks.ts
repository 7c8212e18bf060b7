import type { ReferencedFileCheck } from '../model/nginx';
import type { CertificateObject, Finding, PublicKeyInfo } from '../model/pki';
import { daysUntil, describeCertificate } from '../pki/describe';
import { certificateFindings, DEFAULT_EXPIRY_WINDOW_DAYS } from '../pki/findings';
import { inputFindings } from '../pki/input-findings';
import { parseCertificate } from '../pki/path/cert';
import { parseIp, peerNameMatches } from '../pki/path/peer-name';
import { readInput } from '../pki/read-input';
import { pemFindings, readFailureFindings } from './file-checks-pem';

/**
 * Checks of the files the render form names, over bytes the main process read. Rendering for
 * another host is legitimate, so a file that is not on this machine is `absent`, not an error.
 */

/** One referenced file as the main process found it. */
export type FileBytes =
  | { readonly state: 'read'; readonly bytes: Uint8Array }
  | { readonly state: 'absent' }
  /** `denied`: permission, expected when the console runs as another user than nginx's root. */
  | { readonly state: 'unreadable'; readonly reason: string; readonly denied: boolean };

export interface FileCheckContext {
  readonly now: Date;
  /** The form's server name, which the TLS certificate's SANs must cover. */
  readonly serverName: string;
}

/** The state a list of findings amounts to: any error, else any warning, else ok. */
export function stateOf(findings: readonly Finding[]): 'ok' | 'warning' | 'error' {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
}

/** The check for a file that was not read: absent (fine) or unreadable (why, and what to do). */
export function unreadCheck(field: string, path: string, file: Exclude<FileBytes, { state: 'read' }>): ReferencedFileCheck {
  if (file.state === 'absent') {
    return { field, path, state: 'absent', summary: 'Not on this machine; fine when the config is for another host.', findings: [] };
  }
  const finding: Finding = {
    id: 'file.unreadable',
    severity: file.denied ? 'warning' : 'error',
    message: `cannot read ${path}: ${file.reason}`,
    fix: file.denied ? 'nginx reads it as root; run the console as a user that may read it to check its contents.' : 'Point the field at a regular file.',
  };
  return { field, path, state: stateOf([finding]), summary: `Not checked: ${file.reason}.`, findings: [finding] };
}

export function keyLabel(key: PublicKeyInfo): string {
  if (key.algorithm === 'EC') return key.curve ?? 'EC';
  return key.size !== null && key.algorithm === 'RSA' ? `RSA ${key.size}` : key.algorithm;
}

function lifetime(cert: CertificateObject): string {
  if (cert.daysLeft < 0) return `expired ${-cert.daysLeft} day(s) ago`;
  return `${cert.daysLeft} day(s) left`;
}

/** The server's leaf, described and judged as a proxy certificate; shared with the key check. */
export async function describeLeaf(path: string, bytes: Uint8Array, now: Date): Promise<{ leaf: CertificateObject | null; leafDer: Uint8Array | null; findings: Finding[] }> {
  const read = readInput(bytes, path);
  const ctx = { role: 'proxy' as const, deviceId: null, now, expiryWindowDays: DEFAULT_EXPIRY_WINDOW_DAYS };
  const certs: CertificateObject[] = [];
  for (const block of read.blocks) {
    if (block.kind !== 'certificate') continue;
    const cert = await describeCertificate(block.der, block.source, now);
    certs.push({ ...cert, findings: certificateFindings(cert, ctx) });
  }
  const findings = [...readFailureFindings(read.errors), ...(certs[0]?.findings ?? []), ...inputFindings(certs, 'proxy')];
  const leafDer = read.blocks.find((b) => b.kind === 'certificate')?.der ?? null;
  return { leaf: certs[0] ?? null, leafDer, findings };
}

async function covers(der: Uint8Array, leaf: CertificateObject, serverName: string): Promise<boolean> {
  // nginx's catch-all name has no host to cover; a wildcard server name needs the same wildcard SAN.
  if (serverName === '_') return true;
  if (serverName.startsWith('*.')) return leaf.subjectAltNames.some((n) => n.type === 'dns' && n.value.toLowerCase() === serverName.toLowerCase());
  const ip = parseIp(serverName) !== null;
  return peerNameMatches(await parseCertificate(der), { kind: ip ? 'IP' : 'DNS', value: serverName });
}

async function serverNameFindings(der: Uint8Array, leaf: CertificateObject, serverName: string): Promise<Finding[]> {
  if (await covers(der, leaf, serverName)) return [];
  const ip = parseIp(serverName) !== null;
  const names = leaf.subjectAltNames.filter((n) => n.type === 'dns' || n.type === 'ip').map((n) => n.value);
  return [
    {
      id: 'san.server-name',
      severity: 'error',
      message: `does not cover ${serverName}: its subjectAltName holds ${names.length > 0 ? names.join(', ') : 'no DNS or IP names'}`,
      fix: `Issue the server certificate with subjectAltName ${ip ? 'IP' : 'DNS'}:${serverName}; clients check the SAN, not the CN.`,
    },
  ];
}

/** `ssl_certificate`: parses, is a serverAuth leaf, covers the server name, is in date; chain order. */
export async function checkTlsCertificate(field: string, path: string, file: FileBytes, ctx: FileCheckContext): Promise<ReferencedFileCheck> {
  if (file.state !== 'read') return unreadCheck(field, path, file);
  const { leaf, leafDer, findings } = await describeLeaf(path, file.bytes, ctx.now);
  const pem = pemFindings(file.bytes, 'certificate');
  if (!leaf || !leafDer) {
    const none: Finding = { id: 'file.no-certificate', severity: 'error', message: `${path} holds no certificate`, fix: 'Point ssl_certificate at the PEM file with the server certificate (leaf first, then intermediates).' };
    const all = [...pem, ...findings, none];
    return { field, path, state: 'error', summary: 'No certificate in this file.', findings: all };
  }
  const all = [...pem, ...findings, ...(await serverNameFindings(leafDer, leaf, ctx.serverName))];
  return { field, path, state: stateOf(all), summary: `${keyLabel(leaf.publicKey)} certificate for ${leaf.commonName ?? leaf.subject}, ${lifetime(leaf)}`, findings: all };
}

function caFindings(cert: CertificateObject): Finding[] {
  const label = `certificate ${cert.source.index + 1} (${cert.subject || 'empty subject'})`;
  if (!cert.basicConstraints?.ca) {
    return [{ id: 'ca.not-ca', severity: 'error', message: `${label} is not a CA certificate (basicConstraints cA is not true)`, fix: 'Put the CA certificate(s) that issue device certificates in this file, not a device or server certificate.' }];
  }
  if (cert.keyUsage !== null && !cert.keyUsage.includes('keyCertSign')) {
    return [{ id: 'ca.no-keycertsign', severity: 'error', message: `${label} has key usage ${cert.keyUsage.join(', ')} without keyCertSign, so it cannot sign certificates`, fix: 'Use the issuing CA certificate, which has keyUsage keyCertSign.' }];
  }
  return [];
}

/** `ssl_client_certificate`: every certificate in it is a CA (cA=true, keyCertSign) and in date. */
export async function checkClientCa(field: string, path: string, file: FileBytes, ctx: FileCheckContext): Promise<ReferencedFileCheck> {
  if (file.state !== 'read') return unreadCheck(field, path, file);
  const read = readInput(file.bytes, path);
  const findings = [...pemFindings(file.bytes, 'certificate'), ...readFailureFindings(read.errors)];
  const judge = { role: 'any' as const, deviceId: null, now: ctx.now, expiryWindowDays: DEFAULT_EXPIRY_WINDOW_DAYS };
  const cas: CertificateObject[] = [];
  for (const block of read.blocks) {
    if (block.kind !== 'certificate') continue;
    const cert = await describeCertificate(block.der, block.source, ctx.now);
    cas.push(cert);
    findings.push(...caFindings(cert), ...certificateFindings(cert, judge).map((f) => ({ ...f, message: `${cert.commonName ?? cert.subject}: ${f.message}` })));
  }
  if (cas.length === 0) {
    findings.push({ id: 'file.no-certificate', severity: 'error', message: `${path} holds no certificate`, fix: 'Point ssl_client_certificate at the PEM file of the CA(s) that issue device certificates.' });
    return { field, path, state: 'error', summary: 'No certificate in this file.', findings };
  }
  const soonest = Math.min(...cas.map((c) => daysUntil(new Date(c.notAfter), ctx.now)));
  const names = cas.map((c) => c.commonName ?? c.subject).join('; ');
  return { field, path, state: stateOf(findings), summary: `${cas.length} certificate(s): ${names}; first expiry in ${soonest} day(s)`, findings };
}
