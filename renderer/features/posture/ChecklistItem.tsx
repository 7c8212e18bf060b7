import { useRef, useState, type RefObject } from 'react';
import type { EnvDocument, EnvEdit, RuleResult } from '../../../shared/model/posture';
import { useCommandMutation } from '../../bridge/use-command';
import { InlineEditor } from './InlineEditor';
import { KeyName } from './KeyName';
import { SEVERITY_WORD } from './labels';
import { currentValue, isMaskedKey, type EditOrigin, type PendingEdit } from './pending-edits';
import { usePosture } from './posture-store';
import { QueuedValue } from './QueuedValue';
import { ValueText } from './SecretValue';
import { StatusMark } from './StatusMark';

export interface ChecklistItemProps {
  readonly result: RuleResult;
  readonly doc: EnvDocument;
  readonly secretKeys: readonly string[];
  readonly pending: PendingEdit | undefined;
}

function FixActions({ result, envKey, masked, pending, onQueue, onEdit, editButton }: {
  result: RuleResult;
  envKey: string;
  masked: boolean;
  pending: PendingEdit | undefined;
  onQueue(edit: EnvEdit, origin: EditOrigin): void;
  onEdit(): void;
  editButton: RefObject<HTMLButtonElement | null>;
}) {
  const generate = useCommandMutation('env.generateSecret');
  const { recommended } = result;
  const open = result.status !== 'pass';
  const alreadyQueued = pending?.edit.kind === 'set' && pending.edit.value === recommended;
  return (
    <div className="pst-item__actions">
      {open && recommended === 'generate' ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={generate.isPending}
          aria-busy={generate.isPending}
          onClick={() => generate.mutate({}, { onSuccess: ({ value }) => onQueue({ kind: 'set', key: envKey, value }, 'generated') })}
          data-testid="posture-generate"
        >
          {generate.isPending ? 'Generating…' : 'Generate secret'}
        </button>
      ) : null}
      {open && recommended !== null && recommended !== 'generate' && !alreadyQueued ? (
        <button type="button" className="button button--quiet" onClick={() => onQueue({ kind: 'set', key: envKey, value: recommended }, 'recommended')} data-testid="posture-set-recommended">
          {masked ? 'Set to the recommended value' : <>Set to <code>{recommended === '' ? '(empty)' : recommended}</code></>}
        </button>
      ) : null}
      <button type="button" className="button button--quiet" ref={editButton} onClick={onEdit} aria-label={`Edit ${envKey}`} data-testid="posture-edit">
        Edit
      </button>
      {generate.error === null ? null : (
        <span className="pst-item__error" role="alert">
          Could not generate a secret: {generate.error.message}
        </span>
      )}
    </div>
  );
}

/** One rule's result: status, what it found, how to fix it, and the one-click fixes. */
export function ChecklistItem({ result, doc, secretKeys, pending }: ChecklistItemProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const { key } = result;
  const inFile = key === null ? null : currentValue(doc, key);
  const masked = key !== null && isMaskedKey(key, secretKeys, inFile ?? undefined);
  const queue = (edit: EnvEdit, origin: EditOrigin): void => {
    usePosture.getState().queue({ edit, origin });
    setEditing(false);
    // The editor's field is gone: focus goes back where the operator started.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const close = (): void => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <li className={`pst-item pst-item--${result.status}`} data-testid="posture-item" data-rule={result.rule} data-key={key ?? ''} data-status={result.status}>
      <div className="pst-item__head">
        <StatusMark status={result.status} />
        {key === null ? <span className="pst-item__key muted">The file as a whole</span> : <KeyName name={key} className="pst-item__key" />}
        {result.status === 'pass' || result.status === 'unchecked' ? null : <span className={`pst-severity pst-severity--${result.severity}`}>{SEVERITY_WORD[result.severity]}</span>}
        {result.inferred ? (
          <span className="pst-inferred" title="This rule rests on inference, not on the documented checklist" data-testid="posture-inferred">
            inferred
          </span>
        ) : null}
      </div>
      <p className="pst-item__message">{result.message}</p>
      {result.status === 'pass' || result.fix === '' ? null : (
        <p className="pst-item__fix">
          <span className="pst-item__label">Fix:</span> {result.fix}
        </p>
      )}
      {key === null ? null : (
        <p className="pst-item__values small">
          <span className="pst-item__label">In the file:</span>{' '}
          {inFile === null ? <span className="muted">not set</span> : <ValueText value={inFile} masked={masked} label={`value of ${key}`} />}
          {pending === undefined ? null : (
            <>
              <span className="pst-item__label pst-item__label--queued">Queued:</span> <QueuedValue pending={pending} masked={masked} />{' '}
              <button type="button" className="link-button" onClick={() => usePosture.getState().undo(key)} aria-label={`Undo the change to ${key}`}>
                Undo
              </button>
            </>
          )}
        </p>
      )}
      {key === null ? null : editing ? (
        <InlineEditor
          envKey={key}
          masked={masked}
          initial={pending?.edit.kind === 'set' && pending.origin !== 'generated' ? pending.edit.value : (inFile ?? '')}
          removable={inFile !== null}
          onQueue={(edit) => queue(edit, 'typed')}
          onClose={close}
        />
      ) : (
        <FixActions result={result} envKey={key} masked={masked} pending={pending} onQueue={queue} onEdit={() => setEditing(true)} editButton={editButton} />
      )}
    </li>
  );
}
