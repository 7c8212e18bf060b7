import type { CertificateObject, CertRole, CsrObject, Finding, Severity } from '../model/pki';

/** What a finding is judged against: the role the operator picked, the device id, now. */
export interface FindingContext {
  readonly role: CertRole;
  readonly deviceId: string | null;
  readonly now: Date;
  readonly expiryWindowDays: number;
}

export const DEFAULT_EXPIRY_WINDOW_DAYS = 30;

const finding = (id: string, severity: Severity, message: string, fix: string): Finding => ({ id, severity, message, fix });

/** A certificate that will be presented as an end entity (not only one that lacks cA). */
export function isLeaf(cert: CertificateObject): boolean {
  if (!cert.basicConstraints?.ca) return true;
  const eku = cert.extendedKeyUsage ?? [];
  return (eku.includes('clientAuth') || eku.includes('serverAuth')) && !(cert.keyUsage ?? []).includes('keyCertSign');
}

function validityFindings(cert: CertificateObject, ctx: FindingContext): Finding[] {
  const now = ctx.now.getTime();
  if (Date.parse(cert.notAfter) < now) {
    return [finding('cert.expired', 'error', `expired ${-cert.daysLeft} day(s) ago (${cert.notAfter})`, 'Issue a new certificate and install it; nginx rejects expired certificates.')];
  }
  if (Date.parse(cert.notBefore) > now) {
    return [finding('cert.not-yet-valid', 'error', `not valid until ${cert.notBefore}`, "Check the issuer's clock, or wait; nginx rejects it until then.")];
  }
  if (cert.daysLeft <= ctx.expiryWindowDays) {
    return [finding('cert.expiring', 'warning', `expires in ${cert.daysLeft} day(s) (${cert.notAfter})`, 'Renew it before it expires.')];
  }
  return [];
}

function roleFindings(cert: CertificateObject, ctx: FindingContext): Finding[] {
  if (ctx.role === 'any') return [];
  const out: Finding[] = [];
  const wanted = ctx.role === 'device' ? 'clientAuth' : 'serverAuth';
  const eku = cert.extendedKeyUsage;
  if (eku !== null && !eku.includes(wanted) && !eku.includes('anyExtendedKeyUsage')) {
    out.push(finding('eku.role', 'error', `extended key usage (${eku.join(', ') || 'empty'}) does not allow ${wanted}, which a ${ctx.role} certificate needs`, `Reissue with extendedKeyUsage = ${wanted}.`));
  } else if (eku === null) {
    out.push(finding('eku.absent', 'info', `no extended key usage: any purpose is allowed, including ${wanted}`, `Prefer an explicit extendedKeyUsage = ${wanted}.`));
  }
  const ku = cert.keyUsage;
  if (ku !== null) {
    if (!ku.includes('digitalSignature') && !(ctx.role === 'proxy' && cert.publicKey.algorithm === 'RSA' && ku.includes('keyEncipherment'))) {
      out.push(finding('ku.role', 'error', `key usage (${ku.join(', ')}) lacks digitalSignature, which TLS ${ctx.role === 'device' ? 'client' : 'server'} authentication uses`, 'Reissue with keyUsage = digitalSignature.'));
    }
    if (ku.includes('keyCertSign') || ku.includes('cRLSign')) {
      out.push(finding('ku.signing-on-leaf', 'warning', 'key usage allows signing certificates or CRLs on an end-entity certificate', 'Reissue without keyCertSign and cRLSign.'));
    }
  }
  return out;
}

/** Everything wrong with one certificate on its own, judged in the operator's context. */
export function certificateFindings(cert: CertificateObject, ctx: FindingContext): Finding[] {
  const out = validityFindings(cert, ctx);
  const leaf = isLeaf(cert);
  if (leaf) out.push(...roleFindings(cert, ctx));
  if (leaf && cert.basicConstraints?.ca) {
    out.push(finding('ca.on-leaf', 'error', 'end-entity certificate has the CA flag (basicConstraints cA=true)', 'Reissue the leaf with cA=false; a CA certificate must not authenticate a device or server.'));
  }
  if (cert.publicKey.algorithm === 'RSA' && cert.publicKey.size !== null && cert.publicKey.size < 2048) {
    out.push(finding('key.weak-rsa', 'error', `RSA key of ${cert.publicKey.size} bits is too short`, 'Reissue with RSA 3072 or ECDSA P-256.'));
  }
  if (/md5|sha1|SHA1/.test(cert.signatureAlgorithm)) {
    const trustedRoot = cert.selfIssued && cert.basicConstraints?.ca;
    out.push(finding('sig.weak', trustedRoot ? 'warning' : 'error', `signed with ${cert.signatureAlgorithm}, a broken hash`, 'Reissue with a SHA-256 (or stronger) signature.'));
  }
  if (cert.subjectKeyId === null && (cert.basicConstraints?.ca ?? false)) {
    out.push(finding('ski.missing', 'warning', 'CA certificate has no subject key identifier', 'Reissue with subjectKeyIdentifier; chain building relies on it.'));
  }
  if (cert.authorityKeyId === null && !cert.selfIssued) {
    out.push(finding('aki.missing', 'warning', 'no authority key identifier', 'Reissue with authorityKeyIdentifier so verifiers can find the right issuer key.'));
  }
  if (ctx.deviceId !== null && leaf && cert.commonName !== ctx.deviceId) {
    out.push(finding('cn.device-id', 'error', `CN "${cert.commonName ?? '(none)'}" is not the device id "${ctx.deviceId}"`, 'The platform pins each certificate to its device_id: reissue with CN = device_id.'));
  }
  return out;
}

/** A CSR's self-signature, key strength and CN against the device id. */
export function csrFindings(csr: CsrObject, ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  if (!csr.signatureValid) out.push(finding('csr.signature', 'error', 'the CSR signature does not verify with its own key', 'Regenerate the CSR; it was altered or corrupted.'));
  if (csr.publicKey.algorithm === 'RSA' && csr.publicKey.size !== null && csr.publicKey.size < 2048) {
    out.push(finding('key.weak-rsa', 'error', `RSA key of ${csr.publicKey.size} bits is too short`, 'Generate an RSA 3072 or ECDSA P-256 key.'));
  }
  if (ctx.deviceId !== null && csr.commonName !== ctx.deviceId) {
    out.push(finding('cn.device-id', 'error', `CN "${csr.commonName ?? '(none)'}" is not the device id "${ctx.deviceId}"`, 'Regenerate the CSR with CN = device_id.'));
  }
  return out;
}
