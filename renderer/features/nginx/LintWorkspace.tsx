import { useId, useState } from 'react';
import type { LintFinding } from '../../../shared/nginx/types';
import { useBridge } from '../../bridge/bridge-context';
import { useCommandMutation } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';
import { CodeView, type LineJump } from './CodeView';
import { useNginxDraft, type LintSourceKind } from './draft-store';
import { LintFindingList, lintMarkers } from './LintFindingList';

/** The name pasted text goes by in findings. */
export const PASTED_NAME = 'pasted.conf';
const MAX_TEXT = 4 * 1024 * 1024;

const inPasted = (finding: LintFinding): boolean => finding.file === PASTED_NAME || finding.file.endsWith(`/${PASTED_NAME}`);

function useChooseFile(onPath: (path: string) => void) {
  const bridge = useBridge();
  const [notice, setNotice] = useState<string | null>(null);
  const choose = async (): Promise<void> => {
    setNotice(null);
    const result = await bridge.commands['files.choose']({
      title: 'Lint an nginx config',
      multiple: false,
      filters: [
        { name: 'nginx config', extensions: ['conf'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    if (result.ok) {
      const [path] = result.value.paths;
      if (path !== undefined) onPath(path);
    } else {
      setNotice(result.error.code === 'UNAVAILABLE' ? 'This host has no file dialog: type the path instead.' : `Could not open the file dialog: ${result.error.message}`);
    }
  };
  return { choose, notice };
}

/** Lint any config: pasted text (shown with its findings) or a file main reads (findings only). */
export function LintWorkspace() {
  const ids = useId();
  const lintKind = useNginxDraft((state) => state.lintKind);
  const lintText = useNginxDraft((state) => state.lintText);
  const lintPath = useNginxDraft((state) => state.lintPath);
  const setLint = useNginxDraft((state) => state.setLint);
  const lint = useCommandMutation('nginx.lint');
  const [jump, setJump] = useState<LineJump | null>(null);
  const { choose, notice } = useChooseFile((path) => setLint({ lintPath: path }));
  const ready = lintKind === 'text' ? lintText.trim() !== '' : lintPath.trim() !== '';

  const run = (): void => {
    setJump(null);
    lint.mutate({ source: lintKind === 'text' ? { kind: 'text', name: PASTED_NAME, text: lintText } : { kind: 'path', path: lintPath.trim() } });
  };

  const source = lint.variables?.source;
  const kinds: ReadonlyArray<{ value: LintSourceKind; label: string }> = [
    { value: 'text', label: 'Paste text' },
    { value: 'path', label: 'File path' },
  ];

  return (
    <div className="ngx-workspace">
      <form className="ngx-form ngx-form__section ngx-workspace__form" aria-label="Config to lint" onSubmit={(event) => {
          event.preventDefault();
          if (ready) run();
        }}>
        <fieldset className="ngx-group">
          <legend className="ngx-group__legend">Config to lint</legend>
          <div className="ngx-inline">
            {kinds.map((kind) => (
              <label key={kind.value} className="ngx-check">
                <input type="radio" name={`${ids}-kind`} checked={lintKind === kind.value} onChange={() => setLint({ lintKind: kind.value })} />
                <span>{kind.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {lintKind === 'text' ? (
          <div className="ngx-field">
            <label className="field__label" htmlFor={`${ids}-text`}>
              Config text
            </label>
            <textarea
              id={`${ids}-text`}
              className="input ngx-lint__text"
              rows={18}
              spellCheck={false}
              maxLength={MAX_TEXT}
              value={lintText}
              onChange={(event) => setLint({ lintText: event.target.value })}
              placeholder={'server {\n    listen 443 ssl;\n    …\n}'}
              data-testid="nginx-lint-text"
            />
          </div>
        ) : (
          <div className="ngx-field">
            <label className="field__label" htmlFor={`${ids}-path`}>
              Config file path
            </label>
            <div className="ngx-field__row">
              <input
                id={`${ids}-path`}
                className="input mono"
                type="text"
                spellCheck={false}
                autoComplete="off"
                maxLength={4096}
                value={lintPath}
                onChange={(event) => setLint({ lintPath: event.target.value })}
                placeholder="/etc/nginx/conf.d/sentinel-secure-x.conf"
                aria-describedby={`${ids}-path-hint`}
                data-testid="nginx-lint-path"
              />
              <button type="button" className="button" onClick={() => void choose()}>
                Choose…
              </button>
            </div>
            <span className="field__hint" id={`${ids}-path-hint`}>
              {notice ?? 'Read by the console on this machine, with its includes.'}
            </span>
          </div>
        )}
        <div>
          <button type="submit" className="button button--primary" disabled={!ready || lint.isPending} aria-busy={lint.isPending} data-testid="nginx-lint-run">
            {lint.isPending ? 'Linting…' : 'Lint'}
          </button>
        </div>
      </form>
      <section className="ngx-output" aria-label="Lint result">
        {lint.error !== null ? <ErrorPanel error={lint.error} title="Could not lint the config" /> : null}
        {lint.data === undefined || source === undefined ? (
          <p className="muted ngx-tab-empty">Paste a config or name a file, then Lint: findings come from the same checks as the rendered config.</p>
        ) : (
          <>
            {source.kind === 'path' ? (
              <p className="small muted" data-testid="nginx-lint-files">
                Read {lint.data.files.join(', ')}
              </p>
            ) : (
              <CodeView text={source.text} label="Linted config" copyWhat="the linted config" markers={lintMarkers(lint.data.findings, inPasted)} jump={jump} />
            )}
            <LintFindingList
              findings={lint.data.findings}
              title="Lint findings"
              inView={inPasted}
              onJump={source.kind === 'text' ? (finding) => setJump((previous) => ({ line: finding.line, seq: (previous?.seq ?? 0) + 1 })) : null}
            />
          </>
        )}
      </section>
    </div>
  );
}
