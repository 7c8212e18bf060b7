import type { CrlObject, Finding, SourceRef } from '../model/pki';
import type { ParsedCrl } from './crl';
import { fingerprints, portableBytes, type BytesPort } from './bytes-port';
import { nameToRfc4514, readName } from './name';

const HOUR_MS = 3_600_000;

/** Freshness of a CRL: nginx reads it at reload and rejects every client once nextUpdate has passed. */
export function crlFreshnessFindings(crl: Pick<ParsedCrl, 'thisUpdate' | 'nextUpdate'>, now: Date): Finding[] {
  const t = now.getTime();
  if (Date.parse(crl.thisUpdate) > t) {
    return [{ id: 'crl.not-yet-valid', severity: 'error', message: `thisUpdate is in the future (${crl.thisUpdate})`, fix: "Check the CA's clock and republish the CRL." }];
  }
  if (crl.nextUpdate === null) {
    return [{ id: 'crl.no-next-update', severity: 'warning', message: 'no nextUpdate: verifiers cannot tell when it goes stale', fix: 'Republish with a nextUpdate (RFC 5280 requires one).' }];
  }
  const next = Date.parse(crl.nextUpdate);
  if (next < t) {
    return [{ id: 'crl.expired', severity: 'error', message: `nextUpdate passed at ${crl.nextUpdate}: nginx now rejects every device certificate`, fix: 'Publish a fresh CRL, replace the ssl_crl file and reload nginx.' }];
  }
  const lifetime = next - Date.parse(crl.thisUpdate);
  const left = next - t;
  if (left < 24 * HOUR_MS || left < lifetime * 0.2) {
    const hours = Math.floor(left / HOUR_MS);
    return [{ id: 'crl.expiring', severity: 'warning', message: `nextUpdate is in ${hours} hour(s) (${crl.nextUpdate})`, fix: 'Publish the next CRL and reload nginx before then.' }];
  }
  return [];
}

/** A CRL as the Certificates area shows it, with its own (issuer-independent) findings. */
export async function describeCrl(der: Uint8Array, source: SourceRef, now: Date, crl: ParsedCrl, bytes: BytesPort = portableBytes): Promise<CrlObject> {
  const findings = crlFreshnessFindings(crl, now);
  for (const oid of crl.unknownCriticalExtensions) {
    findings.push({ id: 'crl.unknown-critical', severity: 'error', message: `critical extension ${oid} is not understood`, fix: 'Verifiers must not use this CRL; republish without it.' });
  }
  if (!crl.algorithmsMatch) {
    findings.push({ id: 'crl.algorithm-mismatch', severity: 'error', message: 'the inner and outer signature algorithms differ', fix: 'Republish the CRL; verifiers reject it.' });
  }
  return {
    kind: 'crl',
    source,
    issuer: nameToRfc4514(readName(crl.issuerDer)),
    thisUpdate: crl.thisUpdate,
    nextUpdate: crl.nextUpdate,
    crlNumber: crl.crlNumber,
    authorityKeyId: crl.authorityKeyId,
    entryCount: crl.entryCount,
    signatureAlgorithm: crl.signatureAlgorithm,
    fingerprints: await fingerprints(der, bytes),
    findings,
  };
}
