import type { NginxDiffReport } from '../../../shared/model/nginx';
import { DiffTable } from '../../components/DiffTable';
import { plural } from './format';

export interface DiffViewProps {
  readonly report: NginxDiffReport;
  readonly stale: boolean;
}

/** Deployed file on the left, this config on the right, one row per line. */
export function DiffView({ report, stale }: DiffViewProps) {
  const { diff } = report;
  const headline = !report.deployedExists
    ? `Nothing deployed yet at ${report.deployedPath}: installing creates it.`
    : diff.identical
      ? `Identical to ${report.deployedPath}: installing would change nothing.`
      : `${plural(diff.added, 'line')} added, ${plural(diff.removed, 'line')} removed against ${report.deployedPath}.`;
  const state = !report.deployedExists ? 'absent' : diff.identical ? 'identical' : 'different';
  return (
    <div className="ngx-diff" data-testid="nginx-diff-result" data-state={state}>
      <p className={`ngx-verdict ngx-verdict--${state === 'identical' ? 'ok' : 'info'}`}>
        <span className="ngx-verdict__label">{headline}</span>
      </p>
      {stale ? <p className="ngx-stale small">The config has changed since this diff: run it again to compare the current one.</p> : null}
      {diff.identical ? null : (
        <DiffTable
          rows={diff.rows}
          oldTitle={report.deployedExists ? `Deployed: ${report.deployedPath}` : 'Deployed: none'}
          newTitle="This config"
          label="Differences"
          rowTestId="nginx-diff-row"
        />
      )}
    </div>
  );
}
