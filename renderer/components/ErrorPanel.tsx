import type { BridgeError } from '../bridge/bridge-error';

/** A failed command as the operator sees it: the code scripts switch on, and the plain message. */
export function ErrorPanel({ error, title = 'The command failed' }: { error: BridgeError; title?: string }) {
  return (
    <div className="panel panel--error" role="alert">
      <div className="panel__title">{title}</div>
      <p className="panel__text">
        <code className="badge badge--error" data-testid="error-code">
          {error.code}
        </code>{' '}
        <span data-testid="error-message">{error.message}</span>
      </p>
    </div>
  );
}
