/**
 * Certificates and CRLs out of the files a config names (ssl_client_certificate,
 * ssl_trusted_certificate, ssl_crl), reduced to what the lint compares: names and dates.
 * Unreadable parts are skipped: the file checks elsewhere in the console report them.
 */
import { parseCrl, type ParsedCrl } from '../../pki/crl';
import { extensionFacts } from '../../pki/cert-extensions';
import { checkStructure } from '../../pki/der';
import { sameBytes } from '../../pki/describe';
import { nameToRfc4514, readName } from '../../pki/name';
import { readInput } from '../../pki/read-input';
import { certificateParts } from '../../pki/tbs';

export interface CertFacts {
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  /** RFC 4514, as nginx's $ssl_client_s_dn prints it. */
  readonly subject: string;
  readonly selfIssued: boolean;
  /** basicConstraints cA; certificates without the extension (v1 roots) count as CAs. */
  readonly isCa: boolean;
}

export interface PkiFileContent {
  readonly certificates: readonly CertFacts[];
  readonly crls: readonly ParsedCrl[];
}

export function nameText(der: Uint8Array): string {
  try {
    return nameToRfc4514(readName(der));
  } catch {
    return '(unreadable name)';
  }
}

/** Two names are the same issuer when their DER matches, or failing that their RFC 4514 text. */
export function sameName(a: Uint8Array, b: Uint8Array): boolean {
  return sameBytes(a, b) || nameText(a) === nameText(b);
}

function certFacts(der: Uint8Array): CertFacts | null {
  try {
    checkStructure(der);
    const parts = certificateParts(der);
    const constraints = extensionFacts(parts.extensions).basicConstraints;
    return {
      subjectDer: parts.subjectDer,
      issuerDer: parts.issuerDer,
      subject: nameText(parts.subjectDer),
      selfIssued: sameBytes(parts.subjectDer, parts.issuerDer),
      isCa: constraints ? constraints.ca : true,
    };
  } catch {
    return null;
  }
}

export function readPkiFile(bytes: Uint8Array, name: string): PkiFileContent {
  const certificates: CertFacts[] = [];
  const crls: ParsedCrl[] = [];
  for (const block of readInput(bytes, name).blocks) {
    if (block.kind === 'certificate') {
      const facts = certFacts(block.der);
      if (facts) certificates.push(facts);
    } else if (block.kind === 'crl') {
      try {
        crls.push(parseCrl(block.der));
      } catch {
        // An unreadable CRL is the CRL checker's finding, not the config lint's.
      }
    }
  }
  return { certificates, crls };
}

/**
 * How many intermediates sit between a CA's leaves and the self-signed root, i.e. the
 * ssl_verify_depth its leaves need; null when its chain does not reach a root in `pool`.
 */
export function intermediatesBelowRoot(ca: CertFacts, pool: readonly CertFacts[]): number | null {
  let count = 0;
  let current = ca;
  // Each step moves to a different certificate, so pool.length steps bound any loop.
  for (let step = 0; step <= pool.length; step++) {
    if (current.selfIssued) return count;
    const issuer = pool.find((c) => c !== current && sameName(c.subjectDer, current.issuerDer));
    if (!issuer) return null;
    count++;
    current = issuer;
  }
  return null;
}
