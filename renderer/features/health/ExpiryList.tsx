import type { ExpiryFacts } from '../../../shared/model/probe';
import { expiryText, expiryTone } from './format';

const ROWS: ReadonlyArray<{ key: keyof ExpiryFacts; label: string; absent: string }> = [
  { key: 'serverCertDays', label: 'Server certificate', absent: 'Not known yet: the next probe reads it from the handshake.' },
  { key: 'deviceCertDays', label: 'Device certificate', absent: 'No device certificate in this profile.' },
  { key: 'crlNextUpdateDays', label: 'CRL next update', absent: 'No CRL file in this profile.' },
];

/** Days until each thing runs out: red when past, amber within 30 days. */
export function ExpiryList({ expiry }: { expiry: ExpiryFacts }) {
  return (
    <dl className="hl-expiry" data-testid="health-expiry">
      {ROWS.map((row) => {
        const days = expiry[row.key];
        const tone = expiryTone(days);
        return (
          <div key={row.key} className="hl-expiry__item" data-testid={`health-expiry-${row.key}`} data-tone={tone} title={days === null ? row.absent : undefined}>
            <dt className="hl-expiry__label">{row.label}</dt>
            <dd className={`hl-expiry__value hl-tone--${tone}`}>{expiryText(days)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
