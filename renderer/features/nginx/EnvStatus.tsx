import type { EnvCrossCheck } from '../../../shared/model/nginx';

/**
 * Consistent only when main says so AND the file was read AND every requirement holds: a
 * setting that is off (or missing) never lets the setup be called consistent.
 */
export function isConsistent(env: EnvCrossCheck): boolean {
  return env.consistent && env.error === null && env.requirements.length > 0 && env.requirements.every((requirement) => requirement.ok);
}

/** The control plane's `.env` against this proxy setup, as one clear status. */
export function EnvStatus({ env }: { env: EnvCrossCheck | null }) {
  if (env === null) {
    return (
      <p className="ngx-env ngx-env--none muted small" data-testid="nginx-env" data-state="none">
        No .env file named: the control plane's settings are not checked against this proxy.
      </p>
    );
  }
  const consistent = isConsistent(env);
  return (
    <section
      className={consistent ? 'ngx-env ngx-env--ok' : 'ngx-env ngx-env--bad'}
      aria-label="Control plane .env"
      data-testid="nginx-env"
      data-state={consistent ? 'consistent' : 'inconsistent'}
    >
      <p className="ngx-env__head">
        <span className="ngx-env__status">{consistent ? 'Consistent' : 'Not consistent'}</span>
        <code className="mono">{env.path}</code>
      </p>
      <p className="ngx-env__message">{env.error ?? env.message}</p>
      {env.requirements.length === 0 ? null : (
        <table className="ngx-env__table">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Expected</th>
              <th scope="col">Actual</th>
              <th scope="col">
                <span className="visually-hidden">Result</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {env.requirements.map((requirement) => (
              <tr key={requirement.name} data-testid="nginx-env-requirement" data-ok={requirement.ok ? 'true' : 'false'}>
                <th scope="row">
                  <code>{requirement.name}</code>
                </th>
                <td>
                  <code>{requirement.expected}</code>
                </td>
                <td>{requirement.actual === null ? <span className="muted">not set</span> : <code>{requirement.actual}</code>}</td>
                <td className={requirement.ok ? 'ngx-ok' : 'ngx-bad'}>{requirement.ok ? 'OK' : 'Differs'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
