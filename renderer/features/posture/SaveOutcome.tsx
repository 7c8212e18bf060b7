import { useEffect, useRef } from 'react';
import type { EnvConflict, EnvSaved, EnvSaveOutcome } from '../../../shared/model/posture';
import { assertNever } from '../../../shared/util/assert-never';
import { DiffTable } from '../../components/DiffTable';
import { localTime, octalMode, shellQuote } from './format';

/** Focus moves to the outcome when it appears: the dialog that had focus is gone. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

function Saved({ outcome, onDismiss }: { outcome: EnvSaved; onDismiss(): void }) {
  const title = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="pst-outcome pst-outcome--saved" role="status" aria-labelledby="pst-saved-title" data-testid="posture-saved">
      <h2 className="pst-outcome__title" id="pst-saved-title" tabIndex={-1} ref={title}>
        <span aria-hidden="true">✓ </span>Saved
      </h2>
      <dl className="pst-outcome__facts">
        <dt>File</dt>
        <dd>
          <code>{outcome.path}</code>
        </dd>
        <dt>Previous file kept as</dt>
        <dd>
          <code data-testid="posture-backup-path">{outcome.backupPath}</code>
        </dd>
        <dt>New SHA-256</dt>
        <dd>
          <code className="pst-hash" data-testid="posture-saved-sha">
            {outcome.sha256}
          </code>
        </dd>
        <dt>Permissions</dt>
        <dd>
          <code data-testid="posture-saved-mode">{octalMode(outcome.mode)}</code>
        </dd>
        <dt>At</dt>
        <dd>{localTime(outcome.savedAt)}</dd>
      </dl>
      {outcome.modeAdvice === null ? null : (
        <div className="pst-advice" data-testid="posture-mode-advice">
          <p>
            <span aria-hidden="true">! </span>
            {outcome.modeAdvice}
          </p>
          <p>
            Make it readable by its owner only: <code data-testid="posture-chmod">chmod 600 {shellQuote(outcome.path)}</code>
          </p>
        </div>
      )}
      <div>
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

function Conflict({ outcome, onReopen }: { outcome: EnvConflict; onReopen(): void }) {
  const title = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="pst-outcome pst-outcome--conflict" role="alert" aria-labelledby="pst-conflict-title" data-testid="posture-conflict">
      <h2 className="pst-outcome__title" id="pst-conflict-title" tabIndex={-1} ref={title}>
        <span aria-hidden="true">✕ </span>Not saved: the file changed on disk
      </h2>
      <p data-testid="posture-conflict-message">{outcome.message}</p>
      <p>
        Your edits were not written and nothing was overwritten. This is what changed in <code>{outcome.path}</code> since you opened it:
      </p>
      {outcome.diff.identical ? (
        <p className="muted small">The text reads the same; the bytes differ (line endings or encoding).</p>
      ) : (
        <DiffTable rows={outcome.diff.rows} oldTitle="As you opened it" newTitle="On disk now" label="What changed on disk" rowTestId="posture-conflict-row" />
      )}
      <p className="small">Reopen reads the file as it is now and checks it again. Your queued changes are kept: review them again before saving.</p>
      <div>
        <button type="button" className="button button--primary" onClick={onReopen} data-testid="posture-reopen-after-conflict">
          Reopen
        </button>
      </div>
    </section>
  );
}

/** What the save did: where the backup is and the new hash, or why nothing was written. */
export function SaveOutcome({ outcome, onDismiss, onReopen }: { outcome: EnvSaveOutcome; onDismiss(): void; onReopen(): void }) {
  switch (outcome.status) {
    case 'saved':
      return <Saved outcome={outcome} onDismiss={onDismiss} />;
    case 'conflict':
      return <Conflict outcome={outcome} onReopen={onReopen} />;
    default:
      return assertNever(outcome, 'save outcome');
  }
}
