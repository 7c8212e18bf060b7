import { useRef } from 'react';
import type { EnvDocument } from '../../../shared/model/posture';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Checklist } from './Checklist';
import { uncoveredKeys } from './checklist-view';
import { DocHeader } from './DocHeader';
import { PendingChanges } from './PendingChanges';
import { usePosture } from './posture-store';
import { ReviewDialog } from './ReviewDialog';
import { SaveOutcome } from './SaveOutcome';
import { SummaryBar } from './SummaryBar';
import { useAudit } from './use-posture-data';
import { useSaveFlow } from './use-save-flow';

export interface ChecklistWorkspaceProps {
  readonly doc: EnvDocument;
  readonly reading: boolean;
  onReopen(): void;
}

/** The opened file: its checklist (with the queued edits applied), the queue, and review and save. */
export function ChecklistWorkspace({ doc, reading, onReopen }: ChecklistWorkspaceProps) {
  const audit = useAudit(doc, true);
  const edits = usePosture((state) => state.edits);
  const filter = usePosture((state) => state.filter);
  const flow = useSaveFlow(doc);
  const reviewButton = useRef<HTMLButtonElement>(null);
  const data = audit.data;
  const uncovered = data === undefined ? [] : uncoveredKeys(data, doc, edits);
  // Only an audit of this very read, without edits, speaks for the bytes on disk; while the file is
  // being read again (after a save) the two briefly disagree, which is no news for the operator.
  const changedOnDisk = data !== undefined && edits.length === 0 && !reading && !audit.isPlaceholderData && data.sha256 !== doc.sha256;
  const reopen = (): void => {
    flow.dismiss();
    onReopen();
  };

  return (
    <>
      <DocHeader doc={doc} reading={reading} onReopen={reopen} onReport={data === undefined ? null : () => usePosture.getState().showReport(new Date().toISOString())} />
      {changedOnDisk ? (
        <p className="pst-stale" role="status" data-testid="posture-changed-on-disk">
          The file on disk is no longer the one you opened: it changed since. Reopen to work on it as it is now.
        </p>
      ) : null}
      {flow.outcome === undefined ? null : <SaveOutcome outcome={flow.outcome} onDismiss={flow.dismiss} onReopen={flow.reopen} />}
      <div className="pst-workspace">
        <section className="pst-main" aria-labelledby="pst-checklist-title">
          <h2 className="pst-main__title" id="pst-checklist-title">
            Production checklist
            {edits.length > 0 ? <span className="pst-main__note"> with the pending changes applied</span> : null}
          </h2>
          {audit.isError ? <ErrorPanel error={audit.error} title="Could not check the file" /> : null}
          {data === undefined ? (
            audit.isPending && !audit.isError ? (
              <p className="loading" role="status">
                Checking the file…
              </p>
            ) : null
          ) : (
            <div className={audit.isPlaceholderData ? 'pst-main__body pst-main__body--stale' : 'pst-main__body'} aria-busy={audit.isFetching}>
              <SummaryBar summary={data.summary} uncovered={uncovered.length} updating={audit.isFetching} />
              <p className="small muted pst-legend">
                Items marked <span className="pst-inferred">inferred</span> rest on inference about the platform rather than on the documented checklist.
              </p>
              <Checklist audit={data} doc={doc} edits={edits} filter={filter} uncovered={uncovered} />
            </div>
          )}
        </section>
        <aside className="pst-side" aria-label="Changes">
          <PendingChanges
            edits={edits}
            secretKeys={data?.secretKeys ?? []}
            onReview={flow.review}
            blocked={flow.blockedByConflict ? 'The file changed on disk: reopen it before reviewing again.' : null}
            reviewButton={reviewButton}
          />
        </aside>
      </div>
      {flow.reviewing ? <ReviewDialog flow={flow} doc={doc} opener={reviewButton} /> : null}
    </>
  );
}
