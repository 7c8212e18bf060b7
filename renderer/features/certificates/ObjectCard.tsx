import type { ReactNode } from 'react';
import type {
  CertificateObject,
  CrlObject,
  CsrObject,
  ExtensionInfo,
  KeyObjectSummary,
  PkiObject,
} from '../../../shared/model/pki';
import { CopyButton } from './CopyButton';
import type { SeverityFilter } from './draft-store';
import { FindingList, SeverityBadge } from './FindingList';
import {
  countBySeverity,
  daysLeftText,
  describeKey,
  formatTime,
  generalName,
  isCa,
  isEndEntity,
  KIND_LABEL,
  plural,
  SEVERITIES,
  shortName,
  timeState,
  type TimeState,
} from './format';

const KEY_FORMAT: Readonly<Record<KeyObjectSummary['format'], string>> = {
  pkcs8: 'PKCS#8',
  'encrypted-pkcs8': 'PKCS#8, encrypted',
  sec1: 'SEC 1 (EC PRIVATE KEY)',
  pkcs1: 'PKCS#1 (RSA PRIVATE KEY)',
  pkcs12: 'PKCS#12',
};

interface FactProps {
  label: string;
  children: ReactNode;
  /** What the copy button writes; no button when absent. */
  copy?: string;
  mono?: boolean;
}

/** One label/value row; values are selectable text and break anywhere (hex, long DNs). */
function Fact({ label, children, copy, mono = false }: FactProps) {
  return (
    <div className="cfacts__row">
      <dt className="cfacts__label">{label}</dt>
      <dd className={mono ? 'cfacts__value mono' : 'cfacts__value'}>
        <span className="cfacts__text">{children}</span>
        {copy === undefined ? null : <CopyButton value={copy} what={label.toLowerCase()} />}
      </dd>
    </div>
  );
}

function Absent({ children = 'absent' }: { children?: ReactNode }) {
  return <span className="cfacts__absent">{children}</span>;
}

function listOrAbsent(items: readonly string[] | null, absent = 'absent'): ReactNode {
  return items === null ? <Absent>{absent}</Absent> : items.length === 0 ? <Absent>empty</Absent> : items.join(', ');
}

function TimePill({ state, text }: { state: TimeState; text: string }) {
  return <span className={`time-pill time-pill--${state}`}>{text}</span>;
}

function Extensions({ extensions }: { extensions: readonly ExtensionInfo[] }) {
  if (extensions.length === 0) return null;
  return (
    <details className="card__raw">
      <summary>Extensions ({extensions.length})</summary>
      <table className="ext-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">OID</th>
            <th scope="col">Critical</th>
            <th scope="col">Value (DER, hex)</th>
          </tr>
        </thead>
        <tbody>
          {extensions.map((ext, i) => (
            <tr key={`${ext.oid}:${i}`}>
              <td>{ext.name}</td>
              <td className="mono">{ext.oid}</td>
              <td>{ext.critical ? 'yes' : 'no'}</td>
              <td className="mono hex">{ext.valueHex}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function CertificateFacts({ cert, windowDays, now }: { cert: CertificateObject; windowDays: number; now: number }) {
  const state = timeState(cert.notBefore, cert.notAfter, cert.daysLeft, windowDays, now);
  const sans = cert.subjectAltNames.map(generalName);
  const bc = cert.basicConstraints;
  const nc = cert.nameConstraints;
  return (
    <dl className="cfacts">
      <Fact label="Subject" copy={cert.subject} mono>
        {cert.subject || <Absent>empty</Absent>}
      </Fact>
      <Fact label="Issuer" copy={cert.issuer} mono>
        {cert.issuer}
      </Fact>
      <Fact label="Serial" copy={cert.serialNumber} mono>
        {cert.serialNumber}
      </Fact>
      <Fact label="Validity">
        <span className="mono">{formatTime(cert.notBefore)}</span> → <span className="mono">{formatTime(cert.notAfter)}</span>{' '}
        <TimePill state={state} text={daysLeftText(state, cert.daysLeft)} />
      </Fact>
      <Fact label="SANs" {...(sans.length > 0 ? { copy: sans.join(', ') } : {})} mono={sans.length > 0}>
        {sans.length > 0 ? sans.join(', ') : <Absent>none</Absent>}
      </Fact>
      <Fact label="Public key">{describeKey(cert.publicKey)}</Fact>
      <Fact label="Signature">{cert.signatureAlgorithm}</Fact>
      <Fact label="Basic constr.">
        {bc === null ? (
          <Absent />
        ) : (
          <>
            {bc.ca ? 'CA' : 'end entity'}
            {bc.ca && bc.pathLen !== null ? `, pathLen ${bc.pathLen}` : ''}
            {bc.critical ? ', critical' : ''}
          </>
        )}
      </Fact>
      <Fact label="Key usage">{listOrAbsent(cert.keyUsage)}</Fact>
      <Fact label="Ext. key usage">{listOrAbsent(cert.extendedKeyUsage, 'absent (any purpose)')}</Fact>
      <Fact label="Subject key id" {...(cert.subjectKeyId !== null ? { copy: cert.subjectKeyId } : {})} mono={cert.subjectKeyId !== null}>
        {cert.subjectKeyId ?? <Absent />}
      </Fact>
      <Fact label="Authority key id" {...(cert.authorityKeyId !== null ? { copy: cert.authorityKeyId } : {})} mono={cert.authorityKeyId !== null}>
        {cert.authorityKeyId ?? <Absent />}
      </Fact>
      {cert.crlDistributionPoints.length > 0 ? (
        <Fact label="CRL DP" mono>
          {cert.crlDistributionPoints.join(', ')}
        </Fact>
      ) : null}
      {cert.authorityInfoAccess.ocsp.length > 0 ? (
        <Fact label="OCSP" mono>
          {cert.authorityInfoAccess.ocsp.join(', ')}
        </Fact>
      ) : null}
      {cert.authorityInfoAccess.caIssuers.length > 0 ? (
        <Fact label="CA issuers" mono>
          {cert.authorityInfoAccess.caIssuers.join(', ')}
        </Fact>
      ) : null}
      {cert.policies.length > 0 ? (
        <Fact label="Policies" mono>
          {cert.policies.join(', ')}
        </Fact>
      ) : null}
      {nc !== null ? (
        <Fact label="Name constr." mono>
          {nc.permitted.length > 0 ? `permitted ${nc.permitted.map(generalName).join(', ')}` : ''}
          {nc.permitted.length > 0 && nc.excluded.length > 0 ? '; ' : ''}
          {nc.excluded.length > 0 ? `excluded ${nc.excluded.map(generalName).join(', ')}` : ''}
        </Fact>
      ) : null}
      <Fact label="SHA-256" copy={cert.fingerprints.sha256} mono>
        <span className="hex">{cert.fingerprints.sha256}</span>
      </Fact>
      <Fact label="SHA-1" copy={cert.fingerprints.sha1} mono>
        <span className="hex">{cert.fingerprints.sha1}</span>
      </Fact>
    </dl>
  );
}

function CrlFacts({ crl, now }: { crl: CrlObject; now: number }) {
  const overdue = crl.nextUpdate !== null && Date.parse(crl.nextUpdate) < now;
  return (
    <dl className="cfacts">
      <Fact label="Issuer" copy={crl.issuer} mono>
        {crl.issuer}
      </Fact>
      <Fact label="This update">
        <span className="mono">{formatTime(crl.thisUpdate)}</span>
      </Fact>
      <Fact label="Next update">
        {crl.nextUpdate === null ? <Absent /> : <span className="mono">{formatTime(crl.nextUpdate)}</span>}{' '}
        {overdue ? <TimePill state="expired" text="overdue" /> : null}
      </Fact>
      <Fact label="CRL number" mono={crl.crlNumber !== null}>
        {crl.crlNumber ?? <Absent />}
      </Fact>
      <Fact label="Entries">{plural(crl.entryCount, 'revoked certificate')}</Fact>
      <Fact label="Authority key id" {...(crl.authorityKeyId !== null ? { copy: crl.authorityKeyId } : {})} mono={crl.authorityKeyId !== null}>
        {crl.authorityKeyId ?? <Absent />}
      </Fact>
      <Fact label="Signature">{crl.signatureAlgorithm}</Fact>
      <Fact label="SHA-256" copy={crl.fingerprints.sha256} mono>
        <span className="hex">{crl.fingerprints.sha256}</span>
      </Fact>
      <Fact label="SHA-1" copy={crl.fingerprints.sha1} mono>
        <span className="hex">{crl.fingerprints.sha1}</span>
      </Fact>
    </dl>
  );
}

function CsrFacts({ csr }: { csr: CsrObject }) {
  const sans = csr.subjectAltNames.map(generalName);
  return (
    <dl className="cfacts">
      <Fact label="Subject" copy={csr.subject} mono>
        {csr.subject || <Absent>empty</Absent>}
      </Fact>
      <Fact label="SANs" mono={sans.length > 0}>
        {sans.length > 0 ? sans.join(', ') : <Absent>none</Absent>}
      </Fact>
      <Fact label="Public key">{describeKey(csr.publicKey)}</Fact>
      <Fact label="Signature">
        {csr.signatureAlgorithm},{' '}
        {csr.signatureValid ? 'verifies with its key' : <span className="text-danger">does not verify</span>}
      </Fact>
      <Fact label="Public key SHA-256" copy={csr.publicKey.spkiSha256} mono>
        <span className="hex">{csr.publicKey.spkiSha256}</span>
      </Fact>
      <Fact label="SHA-256" copy={csr.fingerprints.sha256} mono>
        <span className="hex">{csr.fingerprints.sha256}</span>
      </Fact>
    </dl>
  );
}

function KeyFacts({ keyObject, matches }: { keyObject: KeyObjectSummary; matches: readonly CertificateObject[] }) {
  return (
    <dl className="cfacts">
      <Fact label="Format">{KEY_FORMAT[keyObject.format]}</Fact>
      <Fact label="Public key">{describeKey(keyObject.publicKey)}</Fact>
      <Fact label="Public key SHA-256" copy={keyObject.publicKey.spkiSha256} mono>
        <span className="hex">{keyObject.publicKey.spkiSha256}</span>
      </Fact>
      <Fact label="Matches">
        {matches.length === 0 ? <Absent>no loaded certificate</Absent> : matches.map(shortName).join(', ')}
      </Fact>
    </dl>
  );
}

function titleOf(object: PkiObject): string {
  switch (object.kind) {
    case 'certificate':
      return shortName(object);
    case 'crl':
      return `CRL of ${object.issuer}`;
    case 'csr':
      return object.commonName ?? (object.subject || 'request');
    case 'key':
      return describeKey(object.publicKey);
  }
}

function certTags(cert: CertificateObject): string[] {
  const tags: string[] = [];
  if (isCa(cert)) tags.push(cert.selfIssued ? 'root CA' : 'CA');
  else if (cert.selfIssued) tags.push('self-signed');
  if (isEndEntity(cert)) {
    const eku = cert.extendedKeyUsage ?? [];
    if (eku.includes('clientAuth')) tags.push('clientAuth');
    if (eku.includes('serverAuth')) tags.push('serverAuth');
    if (!isCa(cert)) tags.push('end entity');
  }
  return tags;
}

export interface ObjectCardProps {
  object: PkiObject;
  /** Where it came from, e.g. `device.pem #1`. */
  source: string;
  filter: SeverityFilter;
  windowDays: number;
  now: number;
  /** For keys: the loaded certificates with the same public key. */
  keyMatches?: readonly CertificateObject[];
}

/** One inspected object: the fields an operator checks, densely, then its findings. */
export function ObjectCard({ object, source, filter, windowDays, now, keyMatches = [] }: ObjectCardProps) {
  const counts = countBySeverity(object.findings);
  const title = titleOf(object);
  return (
    <article className={`card card--${object.kind}`} data-testid="cert-card" data-kind={object.kind} aria-label={`${KIND_LABEL[object.kind]} ${title}`}>
      <header className="card__header">
        <div className="card__headline">
          <span className={`kind kind--${object.kind}`}>{KIND_LABEL[object.kind]}</span>
          <div className="card__titles">
            <h3 className="card__title">{title}</h3>
            {object.kind === 'certificate'
              ? certTags(object).map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))
              : null}
          </div>
          <div className="card__aside">
            {SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => (
              <span key={severity} className="card__count">
                <SeverityBadge severity={severity} /> {counts[severity]}
              </span>
            ))}
            {object.kind === 'certificate' ? <CopyButton value={object.pem} what="PEM" /> : null}
          </div>
        </div>
        <span className="card__source mono" title={source}>
          {source}
        </span>
      </header>
      {object.kind === 'certificate' ? <CertificateFacts cert={object} windowDays={windowDays} now={now} /> : null}
      {object.kind === 'crl' ? <CrlFacts crl={object} now={now} /> : null}
      {object.kind === 'csr' ? <CsrFacts csr={object} /> : null}
      {object.kind === 'key' ? <KeyFacts keyObject={object} matches={keyMatches} /> : null}
      {object.kind === 'certificate' || object.kind === 'csr' ? <Extensions extensions={object.extensions} /> : null}
      <FindingList findings={object.findings} filter={filter} />
    </article>
  );
}
