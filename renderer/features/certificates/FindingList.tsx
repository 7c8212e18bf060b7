import type { Finding } from '../../../shared/model/pki';
import type { SeverityFilter } from './draft-store';
import { SEVERITY_LABEL } from './format';

export function visibleFindings(findings: readonly Finding[], filter: SeverityFilter): readonly Finding[] {
  return filter === 'all' ? findings : findings.filter((finding) => finding.severity === filter);
}

export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  return <span className={`sev sev--${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

/** Findings as rows: badge, what is wrong, what to do, and the stable id scripts key on. */
export function FindingList({ findings, filter }: { findings: readonly Finding[]; filter: SeverityFilter }) {
  const shown = visibleFindings(findings, filter);
  if (shown.length === 0) return null;
  return (
    <ul className="findings">
      {shown.map((finding, i) => (
        <li
          key={`${finding.id}:${i}`}
          className={`finding finding--${finding.severity}`}
          data-testid="cert-finding"
          data-severity={finding.severity}
          data-id={finding.id}
        >
          <SeverityBadge severity={finding.severity} />
          <div className="finding__body">
            <p className="finding__message">
              {finding.message} <code className="finding__id">{finding.id}</code>
            </p>
            {finding.fix === '' ? null : <p className="finding__fix">Fix: {finding.fix}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
