import type { MatrixResult, ProbeReport } from '../../../shared/model/probe';
import { DetailSection } from './DetailSection';
import { MATRIX_CASE_LABEL, matrixVerdict, plural, statusText, type MatrixVerdict } from './format';
import { ProbeButton } from './ProbeButton';
import { RelativeTime } from './RelativeTime';
import { InsecureMark } from './StateBadges';
import type { ProbeAction } from './use-profile-actions';
import { useNow } from './use-now';

const VERDICT_NOTE: Readonly<Record<MatrixVerdict, string>> = { 'as-expected': '✓ as expected', mismatch: '✗ mismatch', skipped: 'skipped' };

function counts(matrix: readonly MatrixResult[]): string {
  const of = (verdict: MatrixVerdict) => matrix.filter((result) => matrixVerdict(result) === verdict).length;
  return `${of('as-expected')} as expected, ${plural(of('mismatch'), 'mismatch', 'mismatches')}, ${of('skipped')} skipped`;
}

function MatrixTable({ matrix }: { matrix: readonly MatrixResult[] }) {
  return (
    <table className="hl-table" data-testid="health-matrix">
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Expected</th>
          <th scope="col">Outcome</th>
          <th scope="col">Status / error</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {matrix.map((result) => {
          const verdict = matrixVerdict(result);
          return (
            <tr key={result.id} className={`hl-matrix__row hl-matrix__row--${verdict}`} data-testid="health-matrix-row" data-case={result.id} data-verdict={verdict}>
              <th scope="row">
                {MATRIX_CASE_LABEL[result.id]} <code className="muted">{result.id}</code>
              </th>
              <td>{result.expected}</td>
              <td>
                {result.outcome === 'skipped' ? null : <>{result.outcome} </>}
                <span className={`hl-matrix__verdict hl-matrix__verdict--${verdict}`}>{VERDICT_NOTE[verdict]}</span>
              </td>
              <td className="mono">{result.outcome === 'skipped' ? '—' : statusText(result.status, result.error)}</td>
              <td className="hl-wrap">{result.detail}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export interface MatrixSectionProps {
  /** The newest report that ran the matrix, or null. */
  readonly report: ProbeReport | null;
  /** When the last probe of any kind ran, to say the matrix shown is older. */
  readonly lastAt: string | null;
  readonly matrixDir: string | null;
  readonly action: ProbeAction;
  readonly running: boolean;
}

/** Which clients the proxy lets through: one connection per case, each with its expected answer. */
export function MatrixSection({ report, lastAt, matrixDir, action, running }: MatrixSectionProps) {
  const matrix = report?.matrix ?? null;
  const now = useNow();
  return (
    <DetailSection title="Enforcement matrix" actions={<ProbeButton kind="matrix" action={action} running={running} testId="health-run-matrix" />}>
      <p className="hl-warning" data-testid="health-matrix-warning">
        The matrix connects once per case with the test certificates. Cases the proxy lets through reach the API, so their heartbeats can change
        platform state (enroll devices, move counters). Run it against a test platform, or with certificates of dedicated probe devices.
      </p>
      {matrixDir === null ? (
        <p className="muted small">No matrix directory in this profile: only the no-certificate case can run; Edit the profile to name one.</p>
      ) : null}
      {report === null || matrix === null ? (
        <p className="muted" data-testid="health-matrix-none">
          Not run yet. Run matrix to see which clients the proxy accepts and refuses.
        </p>
      ) : (
        <>
          <p className="small" data-testid="health-matrix-summary">
            {report.insecure ? <><InsecureMark />{' '}</> : null}{counts(matrix)} · run <RelativeTime at={report.at} now={now} />
            {lastAt !== null && Date.parse(lastAt) > Date.parse(report.at) ? <span className="muted"> (before the last probe)</span> : null}
          </p>
          <MatrixTable matrix={matrix} />
        </>
      )}
    </DetailSection>
  );
}
