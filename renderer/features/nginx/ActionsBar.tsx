import { useId, type RefObject } from 'react';
import { useNginxDraft } from './draft-store';

export type Busy = 'check' | 'diff' | 'plan' | 'install' | null;

export interface ActionsBarProps {
  /** Why the actions are off (no config yet, inputs being fixed), or null when they can run. */
  readonly blocked: string | null;
  readonly busy: Busy;
  onCheck(): void;
  onDiff(): void;
  onInstall(): void;
  readonly installButton: RefObject<HTMLButtonElement | null>;
}

const PROGRESS: Readonly<Record<Exclude<Busy, null>, string>> = {
  check: 'Running nginx -t on this config…',
  diff: 'Reading the deployed file…',
  plan: 'Preparing the install plan…',
  install: 'Installing: writing the file, checking it with nginx…',
};

/** Check, diff and install act on the config shown; the deployed path is the operator's to set. */
export function ActionsBar({ blocked, busy, onCheck, onDiff, onInstall, installButton }: ActionsBarProps) {
  const id = useId();
  const deployedPath = useNginxDraft((state) => state.deployedPath);
  const setDeployedPath = useNginxDraft((state) => state.setDeployedPath);
  const off = blocked !== null || busy !== null;
  const pathMissing = deployedPath.trim() === '';
  return (
    <div className="ngx-actions">
      <div className="ngx-actions__path">
        <label className="field__label" htmlFor={`${id}-deployed`}>
          Deployed file
        </label>
        <input
          id={`${id}-deployed`}
          className="input mono"
          type="text"
          spellCheck={false}
          autoComplete="off"
          maxLength={4096}
          value={deployedPath}
          onChange={(event) => setDeployedPath(event.target.value)}
          aria-invalid={pathMissing}
          data-testid="nginx-deployed-path"
        />
      </div>
      <div className="ngx-actions__buttons" role="group" aria-label="Config actions">
        <button type="button" className="button" onClick={onCheck} disabled={off} aria-busy={busy === 'check'} data-testid="nginx-check">
          {busy === 'check' ? 'Checking…' : 'Check with nginx'}
        </button>
        <button type="button" className="button" onClick={onDiff} disabled={off || pathMissing} aria-busy={busy === 'diff'} data-testid="nginx-diff">
          {busy === 'diff' ? 'Comparing…' : 'Diff against deployed'}
        </button>
        <button
          ref={installButton}
          type="button"
          className="button button--primary"
          onClick={onInstall}
          disabled={off || pathMissing}
          aria-busy={busy === 'plan' || busy === 'install'}
          data-testid="nginx-install"
        >
          {busy === 'install' ? 'Installing…' : busy === 'plan' ? 'Preparing…' : 'Install…'}
        </button>
      </div>
      <p className="ngx-actions__status small" role="status" data-testid="nginx-action-status">
        {busy !== null ? (
          <span className="status__progress">
            <span className="progress" aria-hidden="true">
              <span className="progress__bar" />
            </span>
            {PROGRESS[busy]}
          </span>
        ) : blocked !== null ? (
          <span className="muted">{blocked}</span>
        ) : null}
      </p>
    </div>
  );
}
