import { useState } from 'react';
import type { ProbeHistoryEntry } from '../../../shared/model/probe';
import { formatMs, STEP_LABEL } from './format';
import { RelativeTime } from './RelativeTime';
import { useNow } from './use-now';

/** Rows shown at first and added per "Show more": history holds up to a thousand runs. */
export const HISTORY_PAGE = 50;

/** Every run, latest first, in a bounded scrolling table. */
export function HistoryList({ history }: { history: readonly ProbeHistoryEntry[] }) {
  const [shown, setShown] = useState(HISTORY_PAGE);
  const now = useNow();
  if (history.length === 0) return <p className="muted">No runs yet.</p>;
  const latestFirst = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const rows = latestFirst.slice(0, shown);
  const failed = history.filter((entry) => !entry.ok).length;
  return (
    <>
      <p className="small muted" data-testid="health-history-count">
        {history.length} runs, {failed} failed. Showing the latest {rows.length}.
      </p>
      {/* Scrolls on its own so a long history never pushes the page; focusable so keys can scroll it. */}
      <div className="hl-history" tabIndex={0} role="region" aria-label="Probe history, latest first">
        <table className="hl-table hl-table--compact" data-testid="health-history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Result</th>
              <th scope="col" className="hl-table__num">
                Time
              </th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry, i) => (
              <tr key={`${i}:${entry.at}`} data-testid="health-history-row" data-ok={entry.ok ? 'true' : 'false'}>
                <td className="hl-nowrap">
                  <RelativeTime at={entry.at} now={now} />
                </td>
                <td className={entry.ok ? 'hl-tone--ok' : 'hl-tone--danger'}>{entry.ok ? '✓ ok' : '✗ failed'}</td>
                <td className="mono hl-table__num">{formatMs(entry.ms)}</td>
                <td className="hl-wrap">
                  {entry.summary}
                  {entry.failedSteps.length === 0 ? null : (
                    <span className="muted small"> ({entry.failedSteps.map((step) => STEP_LABEL[step]).join(', ')})</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length < latestFirst.length ? (
        <button type="button" className="button button--quiet hl-history__more" onClick={() => setShown((count) => count + HISTORY_PAGE)} data-testid="health-history-more">
          Show {Math.min(HISTORY_PAGE, latestFirst.length - rows.length)} more
        </button>
      ) : null}
    </>
  );
}
