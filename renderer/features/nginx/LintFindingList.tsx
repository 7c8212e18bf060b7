import type { LintFinding } from '../../../shared/nginx/types';
import type { LineMarker } from './CodeView';
import { LINT_SEVERITY_LABEL, lintTone, location, TONE_RANK } from './format';

export function lintMarkers(findings: readonly LintFinding[], inView: (finding: LintFinding) => boolean = () => true): LineMarker[] {
  return findings
    .filter(inView)
    .map((finding) => ({ line: finding.line, tone: lintTone(finding.severity), label: `${finding.id} ${LINT_SEVERITY_LABEL[finding.severity]}: ${finding.message}` }));
}

function FindingBody({ finding }: { finding: LintFinding }) {
  return (
    <>
      <span className={`sev ngx-sev ngx-sev--${lintTone(finding.severity)}`}>{LINT_SEVERITY_LABEL[finding.severity]}</span>
      <span className="lint-finding__body">
        <span className="lint-finding__head">
          <code className="lint-finding__id">{finding.id}</code>
          <span className="lint-finding__message">{finding.message}</span>
        </span>
        {finding.fix === '' ? null : <span className="lint-finding__fix">Fix: {finding.fix}</span>}
        <span className="lint-finding__where mono">{location(finding.file, finding.line)}</span>
      </span>
    </>
  );
}

export interface LintFindingListProps {
  readonly findings: readonly LintFinding[];
  readonly title: string;
  /** Brings a finding's line into the code view; findings it returns false for are not in the view. */
  readonly onJump: ((finding: LintFinding) => void) | null;
  readonly inView?: (finding: LintFinding) => boolean;
}

/** Lint findings worst first; each one in the code view is a button that shows its line. */
export function LintFindingList({ findings, title, onJump, inView = () => true }: LintFindingListProps) {
  const sorted = [...findings].sort(
    (a, b) => TONE_RANK[lintTone(a.severity)] - TONE_RANK[lintTone(b.severity)] || a.file.localeCompare(b.file) || a.line - b.line,
  );
  return (
    <section className="lint" aria-label={title} data-testid="nginx-findings">
      <h3 className="lint__title">
        {title}
        {sorted.length > 0 ? <span className="lint__count">{sorted.length}</span> : null}
      </h3>
      {sorted.length === 0 ? (
        <p className="lint__none" data-testid="nginx-no-findings">
          No findings
        </p>
      ) : (
        <ul className="lint__list">
          {sorted.map((finding, i) => (
            <li key={`${finding.id}:${finding.file}:${finding.line}:${i}`} data-testid="nginx-finding" data-id={finding.id} data-line={finding.line}>
              {onJump !== null && inView(finding) ? (
                <button
                  type="button"
                  className={`lint-finding lint-finding--${lintTone(finding.severity)} lint-finding--jump`}
                  onClick={() => onJump(finding)}
                  title={`Show line ${finding.line} in the config`}
                >
                  <FindingBody finding={finding} />
                </button>
              ) : (
                <div className={`lint-finding lint-finding--${lintTone(finding.severity)}`}>
                  <FindingBody finding={finding} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
