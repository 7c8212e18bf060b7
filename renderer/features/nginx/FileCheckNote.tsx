import type { ReferencedFileCheck } from '../../../shared/model/nginx';
import { assertNever } from '../../../shared/util/assert-never';

function stateLabel(state: ReferencedFileCheck['state']): string {
  switch (state) {
    case 'ok':
      return 'Checked';
    case 'warning':
      return 'Warning';
    case 'error':
      return 'Problem';
    case 'absent':
      return 'Not on this machine';
    default:
      return assertNever(state, 'file check state');
  }
}

/** What main found in the file a field names, right under that field. */
export function FileCheckNote({ id, check }: { id: string; check: ReferencedFileCheck }) {
  return (
    <div className={`filecheck filecheck--${check.state}`} id={id} data-testid="nginx-file-check" data-state={check.state}>
      <span className="filecheck__head">
        <span className="filecheck__state">{stateLabel(check.state)}</span>
        <span className="filecheck__summary">{check.summary}</span>
      </span>
      {check.findings.length === 0 ? null : (
        <ul className="filecheck__findings">
          {check.findings.map((finding, i) => (
            <li key={`${finding.id}:${i}`} className={`filecheck__finding filecheck__finding--${finding.severity}`}>
              {finding.message}
              {finding.fix === '' ? null : <span className="filecheck__fix"> Fix: {finding.fix}</span>} <code className="finding__id">{finding.id}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** File checks for fields the form has no input for (kept visible rather than dropped). */
export function OtherFileChecks({ checks }: { checks: readonly ReferencedFileCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <section className="ngx-panel" aria-label="Other referenced files">
      <h3 className="ngx-panel__title">Referenced files</h3>
      {checks.map((check) => (
        <div key={`${check.field}:${check.path}`} className="ngx-panel__row">
          <code className="mono">{check.path}</code>
          <FileCheckNote id={`file-${check.field}`} check={check} />
        </div>
      ))}
    </section>
  );
}
