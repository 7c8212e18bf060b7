import type { NginxInstallReport } from '../../../shared/model/nginx';
import { shellLine } from './format';

function headline(report: NginxInstallReport): string {
  const { deployedPath, backupPath } = report.plan;
  if (report.installed) return `Installed ${deployedPath}.`;
  if (report.restored) return `Not installed: nginx refused the new config, so the previous file was put back${backupPath === null ? '' : ` from ${backupPath}`}.`;
  return `Not installed: ${deployedPath} was not replaced. See the failed step below.`;
}

/** What install did, step by step, and whether the new file is in place or the old one is back. */
export function InstallReportPanel({ report, onDismiss }: { report: NginxInstallReport; onDismiss(): void }) {
  const state = report.installed ? 'installed' : report.restored ? 'restored' : 'failed';
  return (
    <section className={`ngx-install ngx-install--${state}`} aria-label="Install report" data-testid="nginx-install-report" data-state={state}>
      <div className="ngx-install__head">
        <p className="ngx-install__headline">{headline(report)}</p>
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <ol className="ngx-steps">
        {report.steps.map((step, i) => (
          <li key={i} className={step.ok ? 'ngx-step ngx-step--ok' : 'ngx-step ngx-step--bad'} data-testid="nginx-install-step" data-ok={step.ok ? 'true' : 'false'}>
            <span className="ngx-step__mark">{step.ok ? 'OK' : 'Failed'}</span>
            <span className="ngx-step__body">
              <span className="ngx-step__label">{step.label}</span>
              {step.command === null ? null : <code className="ngx-step__command">{shellLine(step.command)}</code>}
              {step.output.trim() === '' ? null : <pre className="ngx-step__output mono">{step.output}</pre>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
