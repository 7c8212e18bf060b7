import { useNginxDraft, type NginxMode } from './draft-store';
import { LintWorkspace } from './LintWorkspace';
import { RenderWorkspace } from './RenderWorkspace';

const MODES: ReadonlyArray<{ value: NginxMode; label: string }> = [
  { value: 'render', label: 'Render the proxy config' },
  { value: 'lint', label: 'Lint a config file' },
];

/** The NGINX area: render the mTLS config from the installer's inputs, or lint an existing one. */
export function NginxScreen() {
  const mode = useNginxDraft((state) => state.mode);
  const setMode = useNginxDraft((state) => state.setMode);
  return (
    <div className="ngx" data-testid="nginx-screen">
      <div className="ngx-modes" role="group" aria-label="What to do">
        {MODES.map((option) => (
          <button
            key={option.value}
            type="button"
            className="ngx-modes__button"
            aria-pressed={mode === option.value}
            onClick={() => setMode(option.value)}
            data-testid={`nginx-mode-${option.value}`}
          >
            {option.label}
          </button>
        ))}
      </div>
      {mode === 'render' ? <RenderWorkspace /> : <LintWorkspace />}
    </div>
  );
}
