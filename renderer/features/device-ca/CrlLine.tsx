import type { CrlStatus } from '../../../shared/model/ca';
import { absoluteTime, crlCountdown, plural } from './format';

/** A CA's current CRL: its number, when the next must be out (counting down), and what it holds. */
export function CrlLine({ crl, now, warningHours }: { crl: CrlStatus | null; now: number; warningHours: number }) {
  if (crl === null) {
    return (
      <span className="ca-tone--warning" data-testid="ca-crl" data-tone="warning">
        No CRL published yet: publish one before the proxy checks revocation.
      </span>
    );
  }
  const countdown = crlCountdown(crl.nextUpdate, now, warningHours);
  return (
    <span className="ca-crl" data-testid="ca-crl" data-tone={countdown.tone}>
      <span>CRL #{crl.crlNumber}</span>
      <span className={`ca-tone--${countdown.tone} ca-crl__countdown`} data-testid="ca-crl-countdown">
        {countdown.tone === 'danger' ? <span aria-hidden="true">✗ </span> : countdown.tone === 'warning' ? <span aria-hidden="true">! </span> : null}
        {countdown.text}
      </span>
      <time className="muted small" dateTime={crl.nextUpdate}>
        ({absoluteTime(crl.nextUpdate)})
      </time>
      <span className="muted small">{plural(crl.entries, 'revoked entry', 'revoked entries')}</span>
    </span>
  );
}
