import { useRef, type RefObject } from 'react';
import type { NginxInstallPlan } from '../../../shared/model/nginx';
import type { BridgeError } from '../../bridge/bridge-error';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { shellLine } from './format';

export interface InstallDialogProps {
  /** The plan for the current Reload choice; null while it is being asked for again. */
  readonly plan: NginxInstallPlan | null;
  readonly planError: BridgeError | null;
  readonly reload: boolean;
  onReload(reload: boolean): void;
  onConfirm(): void;
  onCancel(): void;
  /** The button that opened the dialog; focus returns there. */
  readonly opener: RefObject<HTMLButtonElement | null>;
}

/** Names every file and command install will touch, exactly, before anything runs. */
export function InstallDialog({ plan, planError, reload, onReload, onConfirm, onCancel, opener }: InstallDialogProps) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      title="Install this config?"
      onCancel={onCancel}
      initialFocus={cancelButton}
      returnFocus={opener}
      testId="nginx-install-dialog"
      footer={
        <>
          <button type="button" className="button" ref={cancelButton} onClick={onCancel} data-testid="nginx-install-cancel">
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={onConfirm} disabled={plan === null} data-testid="nginx-install-confirm">
            {reload ? 'Install and reload' : 'Install'}
          </button>
        </>
      }
    >
      {planError !== null ? <ErrorPanel error={planError} title="Could not prepare the install" /> : null}
      {plan === null ? (
        planError === null ? (
          <p className="muted" role="status">
            Preparing the plan…
          </p>
        ) : null
      ) : (
        <dl className="ngx-plan" data-testid="nginx-install-plan">
          <dt>Writes</dt>
          <dd>
            <code data-testid="nginx-plan-deployed">{plan.deployedPath}</code>
          </dd>
          <dt>Keeps the previous file as</dt>
          <dd>{plan.backupPath === null ? <span className="muted">nothing to keep: no file there yet</span> : <code data-testid="nginx-plan-backup">{plan.backupPath}</code>}</dd>
          <dt>Then runs, in order</dt>
          <dd>
            <ol className="ngx-plan__commands">
              {plan.commands.map((argv, i) => (
                <li key={i}>
                  <code data-testid="nginx-plan-command">{shellLine(argv)}</code>
                </li>
              ))}
            </ol>
          </dd>
        </dl>
      )}
      <label className="ngx-check">
        <input type="checkbox" checked={reload} onChange={(event) => onReload(event.target.checked)} data-testid="nginx-install-reload" />
        <span>Reload nginx after the check passes</span>
      </label>
      <p className="muted small">If nginx refuses the new file, the previous one is put back.</p>
    </Modal>
  );
}
