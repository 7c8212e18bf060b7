import type { CaInfo, IssuedCertificate } from '../../../shared/model/ca';
import { CopyButton } from '../certificates/CopyButton';
import { commonName, dateOnly, daysLeftText, ISSUED_STATUS_LABEL, ISSUED_STATUS_TONE, REVOCATION_REASON_LABEL, shortSerial } from './format';

export type RowAction = 'revoke' | 'renew';

export interface InventoryRowProps {
  readonly cert: IssuedCertificate;
  readonly ca: CaInfo | undefined;
  onAction(action: RowAction, cert: IssuedCertificate, opener: HTMLButtonElement): void;
}

export function InventoryRow({ cert, ca, onAction }: InventoryRowProps) {
  const name = cert.deviceId ?? commonName(cert.subject);
  const tone = ISSUED_STATUS_TONE[cert.status];
  return (
    <tr data-testid="ca-row" data-serial={cert.serialNumber} data-status={cert.status}>
      <th scope="row" className="mono ca-table__name">
        {name}
        {cert.kind === 'server' ? <span className="ca-tag">server</span> : null}
      </th>
      <td>
        <span className="ca-table__serial">
          <code title={cert.serialNumber}>{shortSerial(cert.serialNumber)}</code>
          <CopyButton value={cert.serialNumber} what={`serial of ${name}`} />
        </span>
      </td>
      <td title={ca?.subject}>{ca === undefined ? <span className="muted">{cert.caId}</span> : commonName(ca.subject)}</td>
      <td>
        <time dateTime={cert.notAfter}>{dateOnly(cert.notAfter)}</time>{' '}
        {cert.status === 'revoked' ? null : <span className={`ca-tone--${tone} small`}>{daysLeftText(cert.daysLeft)}</span>}
      </td>
      <td>
        <span className={`ca-status ca-status--${cert.status}`} data-testid="ca-row-status">
          {ISSUED_STATUS_LABEL[cert.status]}
        </span>
        {cert.status === 'revoked' && cert.revocationReason !== null ? <span className="muted small"> {REVOCATION_REASON_LABEL[cert.revocationReason].toLowerCase()}</span> : null}
      </td>
      <td>{cert.origin === 'csr' ? 'CSR' : 'Generated'}</td>
      <td className="ca-table__actions">
        {cert.status === 'revoked' ? null : (
          <>
            <button type="button" className="button button--quiet" onClick={(event) => onAction('renew', cert, event.currentTarget)} aria-label={`Renew ${name}`} data-testid="ca-row-renew">
              Renew
            </button>
            <button type="button" className="button button--quiet ca-button--danger" onClick={(event) => onAction('revoke', cert, event.currentTarget)} aria-label={`Revoke ${name}`} data-testid="ca-row-revoke">
              Revoke
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
