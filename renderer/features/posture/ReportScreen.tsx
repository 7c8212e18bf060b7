import type { EnvDocument } from '../../../shared/model/posture';
import { ErrorPanel } from '../../components/ErrorPanel';
import { uncoveredKeys } from './checklist-view';
import { plural } from './format';
import { usePosture } from './posture-store';
import { downloadFile, reportFile, type ReportFormat } from './report-files';
import { ReportView } from './ReportView';
import { useAudit } from './use-posture-data';

const DOWNLOADS: ReadonlyArray<{ readonly format: ReportFormat; readonly label: string }> = [
  { format: 'markdown', label: 'Download Markdown' },
  { format: 'json', label: 'Download JSON' },
  { format: 'html', label: 'Download HTML' },
];

/** The report of the file as it is on disk (queued edits are not in it), with downloads and print. */
export function ReportScreen({ doc }: { doc: EnvDocument }) {
  const audit = useAudit(doc, false);
  const changes = usePosture((state) => state.changes);
  const pending = usePosture((state) => state.edits.length);
  const generatedAt = usePosture((state) => state.reportAt) ?? new Date(0).toISOString();
  const data = audit.isPlaceholderData ? undefined : audit.data;
  const back = (): void => {
    usePosture.getState().showChecklist();
    // The Report button comes back with the checklist: the operator lands where they left.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="posture-report"]')?.focus());
  };

  return (
    <>
      <div className="pst-report-bar pst-noprint" role="toolbar" aria-label="Report">
        <button type="button" className="button" onClick={back} data-testid="posture-report-back">
          Back to the checklist
        </button>
        <span className="pst-report-bar__spacer" />
        {DOWNLOADS.map((download) => (
          <button
            key={download.format}
            type="button"
            className="button"
            disabled={data === undefined}
            onClick={() => {
              if (data !== undefined) downloadFile(reportFile(download.format, data, changes, generatedAt));
            }}
            data-testid={`posture-download-${download.format}`}
          >
            {download.label}
          </button>
        ))}
        <button type="button" className="button button--primary" disabled={data === undefined} onClick={() => window.print()} data-testid="posture-print">
          Print…
        </button>
      </div>
      {pending === 0 ? null : (
        <p className="pst-stale pst-noprint" data-testid="posture-report-pending">
          {plural(pending, 'pending change')} {pending === 1 ? 'is' : 'are'} not saved and not in this report: it describes the file as it is on disk.
        </p>
      )}
      {audit.isError ? <ErrorPanel error={audit.error} title="Could not check the file for the report" /> : null}
      {data === undefined ? (
        audit.isError ? null : (
          <p className="loading" role="status">
            Checking the file as it is on disk…
          </p>
        )
      ) : (
        <ReportView audit={data} doc={doc} changes={changes} generatedAt={generatedAt} uncovered={uncoveredKeys(data, doc, [])} />
      )}
    </>
  );
}
