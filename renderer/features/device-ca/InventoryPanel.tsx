import { useRef, useState } from 'react';
import type { CaInfo, CaOverview, IssuedCertificate } from '../../../shared/model/ca';
import { useCommandQuery } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useCaUi } from './ca-ui-store';
import { InventoryFilters } from './InventoryFilters';
import { InventoryRow, type RowAction } from './InventoryRow';
import { RenewDialog } from './RenewDialog';
import { RevokeDialog } from './RevokeDialog';

/** The row as it was when its button was pressed: a renew result stays up even if the row leaves the filter. */
interface OpenDialog {
  readonly action: RowAction;
  readonly cert: IssuedCertificate;
}

/** Every certificate this CA issued, filtered by main, with revoke and renew per row. */
export function InventoryPanel({ overview }: { overview: CaOverview }) {
  const filter = useCaUi((ui) => ui.filter);
  const setFilter = useCaUi((ui) => ui.setFilter);
  const query = useCommandQuery('ca.list', { filter });
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const caById = new Map<string, CaInfo>(overview.cas.map((ca) => [ca.id, ca]));
  const rows = query.data ?? [];
  const open = (action: RowAction, cert: IssuedCertificate, button: HTMLButtonElement): void => {
    opener.current = button;
    setDialog({ action, cert });
  };
  const close = (): void => setDialog(null);

  return (
    <section className="ca-section" aria-labelledby="ca-inventory-title" data-testid="ca-inventory">
      <div className="ca-section__head">
        <h2 className="ca-section__title" id="ca-inventory-title">
          Issued certificates
        </h2>
        <InventoryFilters value={filter} counts={overview.counts} onChange={setFilter} />
      </div>
      {query.isError ? <ErrorPanel error={query.error} title="Could not list the certificates" /> : null}
      {query.isPending ? (
        <p className="loading" role="status">
          Loading certificates…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="ca-inventory-empty">
          {filter === 'all' ? 'No certificates issued yet.' : `No ${filter} certificates.`}
        </p>
      ) : (
        <div className="ca-table__scroll">
          <table className="ca-table" aria-busy={query.isFetching}>
            <thead>
              <tr>
                <th scope="col">Device id</th>
                <th scope="col">Serial</th>
                <th scope="col">CA</th>
                <th scope="col">Not after</th>
                <th scope="col">Status</th>
                <th scope="col">Origin</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((cert) => (
                <InventoryRow key={cert.serialNumber} cert={cert} ca={caById.get(cert.caId)} onAction={open} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog === null ? null : dialog.action === 'revoke' ? (
        <RevokeDialog cert={dialog.cert} onClose={close} opener={opener} />
      ) : (
        <RenewDialog cert={dialog.cert} onClose={close} opener={opener} />
      )}
    </section>
  );
}
