import type { AuditLogView } from '../../../shared/model/ca';
import { useCommandQuery } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';
import { absoluteTime, AUDIT_OP_LABEL, plural } from './format';

function ChainStatus({ log }: { log: AuditLogView }) {
  if (log.verified) {
    return (
      <p className="ca-chain ca-chain--ok" data-testid="ca-audit-status" data-verified="true">
        <span aria-hidden="true">✓ </span>Hash chain verified: {plural(log.entries.length, 'entry', 'entries')}, none altered or removed.
      </p>
    );
  }
  return (
    <div className="ca-chain ca-chain--broken" role="alert" data-testid="ca-audit-status" data-verified="false">
      <p>
        <span aria-hidden="true">✗ </span>
        <strong>{log.brokenAt === null ? 'Hash chain broken' : `Hash chain broken at seq ${log.brokenAt}`}</strong>: {log.message}
      </p>
      <p className="small">Entries from there on cannot be trusted as written by the console. Keep a copy of the log file before anything else.</p>
    </div>
  );
}

/** The vault's append-only log, newest first, with whether its hash chain still holds. */
export function AuditLogPanel() {
  const query = useCommandQuery('ca.auditLog', {});
  return (
    <section className="ca-section" aria-labelledby="ca-audit-title" data-testid="ca-audit">
      <h2 className="ca-section__title" id="ca-audit-title">
        Audit log
      </h2>
      {query.isPending ? (
        <p className="loading" role="status">
          Loading the audit log…
        </p>
      ) : query.isError ? (
        <ErrorPanel error={query.error} title="Could not read the audit log" />
      ) : (
        <>
          <ChainStatus log={query.data} />
          <div className="ca-table__scroll ca-audit__scroll">
            <table className="ca-table ca-audit">
              <thead>
                <tr>
                  <th scope="col">Seq</th>
                  <th scope="col">Time</th>
                  <th scope="col">Operation</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {[...query.data.entries].reverse().map((entry) => {
                  const broken = query.data.brokenAt !== null && entry.seq >= query.data.brokenAt;
                  return (
                    <tr key={entry.seq} className={broken ? 'ca-audit__row--broken' : undefined} data-testid="ca-audit-row" data-broken={broken ? 'true' : undefined}>
                      <td className="ca-audit__seq">{entry.seq}</td>
                      <td>
                        <time dateTime={entry.at}>{absoluteTime(entry.at)}</time>
                      </td>
                      <td>{AUDIT_OP_LABEL[entry.op]}</td>
                      <td className="ca-audit__detail">{entry.detail}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
