import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { EnvEdit } from '../../../shared/model/posture';
import { FieldHint } from '../../components/field-notes';

export interface InlineEditorProps {
  readonly envKey: string;
  /** Secret keys get a password input and start empty: their current value is not put in a field. */
  readonly masked: boolean;
  /** The value the field starts with (the queued one, else what the file holds); ignored for secrets. */
  readonly initial: string;
  /** The key is in the file (or queued): removing it is offered. */
  readonly removable: boolean;
  onQueue(edit: EnvEdit): void;
  onClose(): void;
}

/** Edits one value in place: Enter queues it, Escape leaves it as it was. */
export function InlineEditor({ envKey, masked, initial, removable, onQueue, onClose }: InlineEditorProps) {
  const id = useId();
  const start = masked ? '' : initial;
  const [value, setValue] = useState(start);
  const [revealed, setRevealed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // An empty secret is never what the checklist asks for; removing the setting is its own action.
  const canQueue = masked ? value !== '' : value !== start;

  useEffect(() => {
    input.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <form
      className="pst-editor"
      aria-label={`Edit ${envKey}`}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (canQueue) onQueue({ kind: 'set', key: envKey, value });
      }}
      data-testid="posture-editor"
    >
      <label className="field__label" htmlFor={`${id}-value`}>
        New value for <code>{envKey}</code>
      </label>
      <div className="pst-editor__row">
        <input
          ref={input}
          id={`${id}-value`}
          className="input mono pst-editor__input"
          type={masked && !revealed ? 'password' : 'text'}
          spellCheck={false}
          autoComplete="off"
          maxLength={64 * 1024}
          value={value}
          placeholder={masked ? 'Type the new value' : undefined}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby={masked ? `${id}-hint` : undefined}
          data-testid="posture-editor-input"
        />
        {masked ? (
          <button type="button" className="button button--quiet" aria-pressed={revealed} onClick={() => setRevealed((shown) => !shown)} data-testid="posture-editor-reveal">
            {revealed ? 'Hide' : 'Reveal'}
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={!canQueue} data-testid="posture-editor-queue">
          Queue change
        </button>
        {removable ? (
          <button type="button" className="button" onClick={() => onQueue({ kind: 'remove', key: envKey })} data-testid="posture-editor-remove">
            Remove setting
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      <FieldHint id={`${id}-hint`}>{masked ? 'A secret: the current value is not shown in the field. Use a long random value (or Generate secret).' : null}</FieldHint>
    </form>
  );
}
