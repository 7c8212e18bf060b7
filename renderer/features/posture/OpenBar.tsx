import { useId } from 'react';
import { isProfile, isProxyMode, PROFILE_OPTIONS, PROXY_MODE_OPTIONS } from './labels';
import { usePosture } from './posture-store';
import { useChooseFile } from './use-choose-file';

export interface OpenBarProps {
  /** Opens the path, or reads the open file again when it is the same path. */
  onOpen(path: string): void;
}

/** Which file, judged how: the path, the profile and how the API is reached. */
export function OpenBar({ onOpen }: OpenBarProps) {
  const ids = useId();
  const pathInput = usePosture((state) => state.pathInput);
  const openedPath = usePosture((state) => state.openedPath);
  const pendingCount = usePosture((state) => state.edits.length);
  const profile = usePosture((state) => state.profile);
  const proxyMode = usePosture((state) => state.proxyMode);
  const { setPathInput, setProfile, setProxyMode } = usePosture.getState();
  const path = pathInput.trim();
  // Queued edits belong to the open file; opening another would silently drop them.
  const wouldDiscard = pendingCount > 0 && openedPath !== null && path !== openedPath;
  const { choose, notice, choosing } = useChooseFile((chosen) => {
    setPathInput(chosen);
    if (!(pendingCount > 0 && chosen !== openedPath)) onOpen(chosen);
  });
  const hint = wouldDiscard
    ? 'Save, undo or discard the pending changes before opening another file.'
    : (notice ?? 'Read on this machine by the console; nothing is written until you review and save.');

  return (
    <form
      className="pst-open pst-noprint"
      aria-label="Open a .env file"
      onSubmit={(event) => {
        event.preventDefault();
        if (path !== '' && !wouldDiscard) onOpen(path);
      }}
    >
      <div className="field field--grow">
        <label className="field__label" htmlFor={`${ids}-path`}>
          Control plane .env file
        </label>
        <div className="pst-open__row">
          <input
            id={`${ids}-path`}
            className="input mono pst-open__path"
            type="text"
            spellCheck={false}
            autoComplete="off"
            maxLength={4096}
            placeholder="/opt/sentinel-secure-x/.env"
            value={pathInput}
            onChange={(event) => setPathInput(event.target.value)}
            aria-describedby={`${ids}-hint`}
            data-testid="posture-path"
          />
          <button type="button" className="button" onClick={() => void choose()} disabled={choosing} data-testid="posture-choose">
            Choose…
          </button>
          <button type="submit" className="button button--primary" disabled={path === '' || wouldDiscard} data-testid="posture-open">
            Open
          </button>
        </div>
        <span className={wouldDiscard || notice !== null ? 'field__hint pst-open__notice' : 'field__hint'} id={`${ids}-hint`} data-testid="posture-open-hint">
          {hint}
        </span>
      </div>
      <label className="field" htmlFor={`${ids}-profile`}>
        <span className="field__label">Profile</span>
        <select
          id={`${ids}-profile`}
          className="input"
          value={profile}
          onChange={(event) => {
            if (isProfile(event.target.value)) setProfile(event.target.value);
          }}
          data-testid="posture-profile"
        >
          {PROFILE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${ids}-proxy`}>
        <span className="field__label">How the API is reached</span>
        <select
          id={`${ids}-proxy`}
          className="input"
          value={proxyMode}
          onChange={(event) => {
            if (isProxyMode(event.target.value)) setProxyMode(event.target.value);
          }}
          data-testid="posture-proxy-mode"
        >
          {PROXY_MODE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
