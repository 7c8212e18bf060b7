import type { CaInfo } from '../../../shared/model/ca';
import { CopyButton } from '../certificates/CopyButton';
import { CrlLine } from './CrlLine';
import { CA_EXPIRY_WARNING_DAYS, CA_ROLE_LABEL, CA_STATUS_LABEL, dateOnly, daysLeftText, expiryTone, fingerprintText, KEY_ALGORITHM_LABEL } from './format';

export interface CaCardProps {
  readonly ca: CaInfo;
  readonly now: number;
  readonly crlWarningHours: number;
}

/** One CA: what it is, whether it still issues or is trusted, when it expires, and its CRL. */
export function CaCard({ ca, now, crlWarningHours }: CaCardProps) {
  const tone = ca.status === 'retired' ? 'muted' : expiryTone(ca.daysLeft, CA_EXPIRY_WARNING_DAYS);
  const fingerprint = fingerprintText(ca.sha256);
  return (
    <article className={`ca-card ca-card--${ca.status}`} aria-labelledby={`ca-card-${ca.id}`} data-testid="ca-card" data-ca-id={ca.id}>
      <header className="ca-card__head">
        <span className="ca-card__role">{CA_ROLE_LABEL[ca.role]}</span>
        <span className={`ca-pill ca-pill--${ca.status}`} data-testid="ca-status">
          {CA_STATUS_LABEL[ca.status]}
        </span>
      </header>
      <h3 className="ca-card__subject mono" id={`ca-card-${ca.id}`}>
        {ca.subject}
      </h3>
      <dl className="ca-facts">
        <div className="ca-facts__row">
          <dt>Expires</dt>
          <dd>
            <time dateTime={ca.notAfter}>{dateOnly(ca.notAfter)}</time>{' '}
            <span className={`ca-tone--${tone}`} data-testid="ca-days-left" data-tone={tone}>
              {daysLeftText(ca.daysLeft)}
            </span>
          </dd>
        </div>
        <div className="ca-facts__row">
          <dt>Key</dt>
          <dd>{KEY_ALGORITHM_LABEL[ca.keyAlgorithm]}</dd>
        </div>
        {ca.role === 'intermediate' ? (
          <div className="ca-facts__row">
            <dt>Issuer</dt>
            <dd className="mono">{ca.issuer}</dd>
          </div>
        ) : null}
        <div className="ca-facts__row">
          <dt>SHA-256</dt>
          <dd className="ca-facts__copy">
            <code className="ca-fingerprint" data-testid="ca-fingerprint">
              {fingerprint}
            </code>
            <CopyButton value={fingerprint} what={`SHA-256 fingerprint of ${ca.subject}`} />
          </dd>
        </div>
        <div className="ca-facts__row">
          <dt>Revocation</dt>
          <dd>{ca.status === 'retired' ? <span className="muted">No longer published: the CA is retired.</span> : <CrlLine crl={ca.crl} now={now} warningHours={crlWarningHours} />}</dd>
        </div>
      </dl>
    </article>
  );
}
