import type { NginxTestMessage, NginxTestResult } from '../../../shared/nginx/types';
import type { LineMarker } from './CodeView';
import { formatDuration, location, messageTone, shellLine } from './format';

/** The line of the checked config a message is about, or null (no line, or another file such as an include). */
export function lineInConfig(message: NginxTestMessage, configName: string): number | null {
  return message.file === null || message.file === configName ? message.line : null;
}

export function checkMarkers(result: NginxTestResult | undefined, configName: string): LineMarker[] {
  if (result === undefined) return [];
  return result.messages.flatMap((message) => {
    const line = lineInConfig(message, configName);
    return line === null ? [] : [{ line, tone: messageTone(message.level), label: `nginx ${message.level}: ${message.message}` }];
  });
}

function MessageBody({ message }: { message: NginxTestMessage }) {
  return (
    <>
      <span className={`sev ngx-sev ngx-sev--${messageTone(message.level)}`}>{message.level}</span>
      <span className="lint-finding__body">
        <span className="lint-finding__message">{message.message}</span>
        {message.file === null && message.line === null ? null : <span className="lint-finding__where mono">{location(message.file, message.line)}</span>}
      </span>
    </>
  );
}

export interface CheckResultProps {
  readonly result: NginxTestResult;
  /** The config changed after this check ran. */
  readonly stale: boolean;
  /** The name the config went to nginx under; messages about it can show their line. */
  readonly configName: string;
  onJump(line: number): void;
}

/** `nginx -t` as it answered: verdict, messages on their lines, time taken and the exact command. */
export function CheckResult({ result, stale, configName, onJump }: CheckResultProps) {
  return (
    <div className="ngx-check-result" data-testid="nginx-check-result" data-ok={result.ok ? 'true' : 'false'}>
      <p className={result.ok ? 'ngx-verdict ngx-verdict--ok' : 'ngx-verdict ngx-verdict--bad'}>
        <span className="ngx-verdict__label">{result.ok ? 'nginx accepted the config' : 'nginx refused the config'}</span>
        <span className="muted small">in {formatDuration(result.durationMs)}</span>
      </p>
      {stale ? <p className="ngx-stale small">The config has changed since this check: run it again to test the current one.</p> : null}
      <p className="ngx-command">
        <span className="muted small">Command</span> <code data-testid="nginx-check-command">{shellLine(result.command)}</code>
      </p>
      {result.messages.length === 0 ? (
        <p className="muted small">nginx printed no messages.</p>
      ) : (
        <ul className="lint__list" aria-label="nginx messages">
          {result.messages.map((message, i) => {
            const line = stale ? null : lineInConfig(message, configName);
            const tone = messageTone(message.level);
            return (
              <li key={i} data-testid="nginx-check-message" data-level={message.level}>
                {line === null ? (
                  <div className={`lint-finding lint-finding--${tone}`}>
                    <MessageBody message={message} />
                  </div>
                ) : (
                  <button type="button" className={`lint-finding lint-finding--${tone} lint-finding--jump`} onClick={() => onJump(line)} title={`Show line ${line} in the config`}>
                    <MessageBody message={message} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {result.output.trim() === '' ? null : (
        <details className="ngx-output-raw">
          <summary>nginx output</summary>
          <pre className="mono">{result.output}</pre>
        </details>
      )}
    </div>
  );
}
