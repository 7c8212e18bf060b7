import type { Finding, ReadError } from '../model/pki';

/**
 * nginx reads certificates, CAs and CRLs with OpenSSL's PEM readers only: a DER file, or a CRL
 * labelled `BEGIN CRL` (what some JS libraries write), passes every other check and then fails
 * at load with an OpenSSL error.
 */
export function pemFindings(bytes: Uint8Array, kind: 'certificate' | 'crl'): Finding[] {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (!head.includes('-----BEGIN ')) {
    return [{ id: 'file.not-pem', severity: 'error', message: 'the file is not PEM; nginx reads PEM only', fix: `Convert it: openssl ${kind === 'crl' ? 'crl' : 'x509'} -inform DER -in FILE -out FILE.pem` }];
  }
  if (kind === 'crl' && /-----BEGIN CRL-----/.test(head)) {
    return [{ id: 'crl.pem-label', severity: 'error', message: 'the CRL is labelled "BEGIN CRL"; OpenSSL, and so nginx, reads only "BEGIN X509 CRL"', fix: 'Change both armour lines to "-----BEGIN X509 CRL-----" / "-----END X509 CRL-----".' }];
  }
  return [];
}

/** Parts of a file that did not parse, as findings. */
export function readFailureFindings(errors: readonly ReadError[]): Finding[] {
  return errors.map((e) => ({ id: 'file.unreadable-part', severity: 'error', message: e.message, fix: 'Replace the file with a well-formed PEM file.' }));
}
