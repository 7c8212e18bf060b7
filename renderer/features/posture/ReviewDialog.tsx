import { useRef, type RefObject } from 'react';
import type { EnvDocument, EnvPreview } from '../../../shared/model/posture';
import { DiffTable } from '../../components/DiffTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { plural, shortHash } from './format';
import type { SaveFlow } from './use-save-flow';

/** Why Save is held back for this preview, or null when it may go ahead. */
export function saveBlocker(preview: EnvPreview): string | null {
  if (preview.refused.length > 0) return 'Some edits cannot be written as they are: undo or change them first.';
  if (!preview.verified) return 'The new file would not read back as intended, so it is not saved.';
  return null;
}

function PreviewBody({ preview, doc }: { preview: EnvPreview; doc: EnvDocument }) {
  const { diff } = preview;
  return (
    <>
      <p className="pst-review__headline" data-testid="posture-preview-headline">
        {diff.identical ? 'These edits change nothing in the file.' : `${plural(diff.added, 'line')} added, ${plural(diff.removed, 'line')} removed in `}
        {diff.identical ? null : <code>{doc.path}</code>}
      </p>
      <p className={preview.verified ? 'pst-tone--ok small' : 'pst-tone--danger small'} data-testid="posture-preview-verified">
        <span aria-hidden="true">{preview.verified ? '✓ ' : '✕ '}</span>
        {preview.verified ? 'Reads back as intended: every setting dotenv reads equals what you queued.' : 'Does not read back as intended: the new text would not give the settings you queued.'}
      </p>
      {preview.refused.length === 0 ? null : (
        <div className="pst-refused" role="alert" data-testid="posture-refused">
          <p className="pst-refused__title">Edits that cannot be written</p>
          <ul>
            {preview.refused.map((refusal) => (
              <li key={refusal.key} data-testid="posture-refused-item">
                <code>{refusal.key}</code>: {refusal.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.identical ? null : (
        <DiffTable rows={diff.rows} oldTitle={`As opened (sha256 ${shortHash(doc.sha256)}…)`} newTitle="After saving" label="Changes to the file" rowTestId="posture-diff-row" />
      )}
      <p className="muted small">Secret values are masked in this diff. Saving keeps the current file as a backup beside it and replaces it in one step; if the file changed on disk since you opened it, nothing is written.</p>
    </>
  );
}

/** The diff the edits make, then Save: the only way to write the file. */
export function ReviewDialog({ flow, doc, opener }: { flow: SaveFlow; doc: EnvDocument; opener: RefObject<HTMLButtonElement | null> }) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  const preview = flow.preview.data;
  const blocker = preview === undefined ? null : saveBlocker(preview);
  const ready = preview !== undefined && blocker === null && !flow.saving;
  return (
    <Modal
      title="Review changes"
      onCancel={flow.cancel}
      initialFocus={cancelButton}
      returnFocus={opener}
      testId="posture-review-dialog"
      className="pst-review"
      footer={
        <>
          {blocker === null ? null : <span className="pst-review__blocker small">{blocker}</span>}
          <button type="button" className="button" ref={cancelButton} onClick={flow.cancel} disabled={flow.saving}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={flow.confirm} disabled={!ready} aria-busy={flow.saving} data-testid="posture-save">
            {flow.saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      {flow.preview.error === null ? null : <ErrorPanel error={flow.preview.error} title="Could not prepare the preview" />}
      {flow.saveError === null ? null : <ErrorPanel error={flow.saveError} title="The file was not saved" />}
      {preview === undefined ? (
        flow.preview.error === null ? (
          <p className="muted" role="status">
            Preparing the preview…
          </p>
        ) : null
      ) : (
        <PreviewBody preview={preview} doc={doc} />
      )}
    </Modal>
  );
}
