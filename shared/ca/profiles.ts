import type { KeyAlgorithm } from '../model/ca';
import * as x509 from '../pki/x509';

/**
 * The extension sets the console issues, one function per profile. Everything a device CSR
 * asks for is replaced by these (csr-policy.ts reports the difference).
 */

/** Where relying parties find revocation data; both optional, from the CA settings. */
export interface RevocationPointers {
  readonly crlUrl?: string | undefined;
  readonly ocspUrl?: string | undefined;
}

const { keyCertSign, cRLSign, digitalSignature, keyEncipherment } = x509.KeyUsageFlags;

async function keyIds(publicKey: x509.PublicKeyType, issuerSki: string | null): Promise<x509.Extension[]> {
  const ski = await x509.SubjectKeyIdentifierExtension.create(publicKey);
  return issuerSki === null ? [ski] : [ski, new x509.AuthorityKeyIdentifierExtension(issuerSki)];
}

function pointers(p: RevocationPointers): x509.Extension[] {
  const out: x509.Extension[] = [];
  if (p.crlUrl) out.push(new x509.CRLDistributionPointsExtension([p.crlUrl]));
  if (p.ocspUrl) out.push(new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', p.ocspUrl)] }));
  return out;
}

/** A self-signed root: cA critical without a path length, keyCertSign + cRLSign critical, SKI. */
export async function rootProfile(publicKey: x509.PublicKeyType): Promise<x509.Extension[]> {
  return [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(keyCertSign | cRLSign, true), ...(await keyIds(publicKey, null))];
}

/** An intermediate that issues only end-entity certificates (pathLen 0), with AKI to its parent. */
export async function intermediateProfile(publicKey: x509.PublicKeyType, issuerSki: string): Promise<x509.Extension[]> {
  return [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(keyCertSign | cRLSign, true), ...(await keyIds(publicKey, issuerSki))];
}

/** A device: clientAuth only, digitalSignature critical, not a CA. */
export async function deviceProfile(publicKey: x509.PublicKeyType, issuerSki: string, p: RevocationPointers): Promise<x509.Extension[]> {
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ...(await keyIds(publicKey, issuerSki)),
    ...pointers(p),
  ];
}

export interface ServerNames {
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
}

/** The proxy's server certificate: serverAuth, SANs; RSA keys also get keyEncipherment (TLS 1.2 RSA key exchange). */
export async function serverProfile(
  publicKey: x509.PublicKeyType,
  keyAlgorithm: KeyAlgorithm,
  issuerSki: string,
  names: ServerNames,
  p: RevocationPointers,
): Promise<x509.Extension[]> {
  const usage = keyAlgorithm === 'rsa-3072' ? digitalSignature | keyEncipherment : digitalSignature;
  const sans = [...names.dnsNames.map((value) => ({ type: 'dns' as const, value })), ...names.ipAddresses.map((value) => ({ type: 'ip' as const, value }))];
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(usage, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ...(sans.length > 0 ? [new x509.SubjectAlternativeNameExtension(sans)] : []),
    ...(await keyIds(publicKey, issuerSki)),
    ...pointers(p),
  ];
}
