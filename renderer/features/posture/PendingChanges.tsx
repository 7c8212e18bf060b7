import { useRef, type RefObject } from 'react';
import { isMaskedKey, type PendingEdit } from './pending-edits';
import { usePosture } from './posture-store';
import { KeyName } from './KeyName';
import { QueuedValue } from './QueuedValue';

export interface PendingChangesProps {
  readonly edits: readonly PendingEdit[];
  readonly secretKeys: readonly string[];
  onReview(): void;
  /** Why Review is not available now (a conflict to resolve first), or null. */
  readonly blocked: string | null;
  readonly reviewButton: RefObject<HTMLButtonElement | null>;
}

/** The edits queued for the file: each can be undone; Review shows the diff, and Save sits behind it. */
export function PendingChanges({ edits, secretKeys, onReview, blocked, reviewButton }: PendingChangesProps) {
  const { discardAll } = usePosture.getState();
  const section = useRef<HTMLElement>(null);
  const undo = (key: string, index: number): void => {
    usePosture.getState().undo(key);
    // The row (and the button that had focus) is gone: focus the row that took its place, else the heading.
    requestAnimationFrame(() => {
      const buttons = section.current?.querySelectorAll<HTMLButtonElement>('[data-testid="posture-undo"]') ?? [];
      const next = buttons[Math.min(index, buttons.length - 1)];
      (next ?? section.current?.querySelector<HTMLElement>('#pst-pending-title'))?.focus();
    });
  };
  return (
    <section className="pst-pending" aria-labelledby="pst-pending-title" data-testid="posture-pending" ref={section}>
      <h2 className="pst-pending__title" id="pst-pending-title" tabIndex={-1}>
        Pending changes {edits.length === 0 ? null : <span className="pst-pending__count">{edits.length}</span>}
      </h2>
      {edits.length === 0 ? (
        <p className="muted small">Nothing queued. The fix actions on the checklist queue changes here; nothing is written until you review and save.</p>
      ) : (
        <>
          <p className="small muted">The checklist shows the file with these applied. Nothing is saved yet.</p>
          <ul className="pst-pending__list">
            {edits.map((pending, index) => (
              <li key={pending.edit.key} className="pst-pending__item" data-testid="posture-pending-item" data-key={pending.edit.key}>
                <KeyName name={pending.edit.key} className="pst-pending__key" />
                <span className="pst-pending__what small">
                  <QueuedValue pending={pending} masked={isMaskedKey(pending.edit.key, secretKeys, pending.edit.kind === 'set' ? pending.edit.value : undefined)} />
                </span>
                <button
                  type="button"
                  className="button button--quiet pst-pending__undo"
                  onClick={() => undo(pending.edit.key, index)}
                  aria-label={`Undo the change to ${pending.edit.key}`}
                  data-testid="posture-undo"
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
          <div className="pst-pending__actions">
            <button
              type="button"
              className="button button--primary"
              ref={reviewButton}
              onClick={onReview}
              disabled={blocked !== null}
              aria-describedby={blocked === null ? undefined : 'pst-pending-blocked'}
              data-testid="posture-review"
            >
              Review changes…
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                discardAll();
                requestAnimationFrame(() => section.current?.querySelector<HTMLElement>('#pst-pending-title')?.focus());
              }}
              data-testid="posture-discard"
            >
              Discard all
            </button>
          </div>
          {blocked === null ? null : (
            <p className="small pst-pending__blocked" id="pst-pending-blocked">
              {blocked}
            </p>
          )}
        </>
      )}
    </section>
  );
}
