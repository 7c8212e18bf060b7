import type { ProbeReport } from '../../../shared/model/probe';
import { absoluteTime, formatMs } from './format';
import { StepTable } from './SmokeSteps';
import { InsecureMark } from './StateBadges';
import { TlsDetailsView } from './TlsDetailsView';

/** One report on its own (an ad-hoc probe): verdict, steps and TLS details. */
export function ReportView({ report }: { report: ProbeReport }) {
  return (
    <div className="hl-report" data-testid="health-report" data-ok={report.ok ? 'true' : 'false'}>
      <p className={report.ok ? 'hl-tone--ok' : 'hl-tone--danger'} data-testid="health-report-summary">
        {report.insecure ? <><InsecureMark />{' '}</> : null}{report.summary}
      </p>
      <p className="small muted">
        <span className="mono">{report.baseUrl}</span> · {absoluteTime(report.at)} · {formatMs(report.ms)}
      </p>
      <StepTable steps={report.steps} />
      {report.tls === null ? null : <TlsDetailsView tls={report.tls} insecure={report.insecure} />}
    </div>
  );
}
