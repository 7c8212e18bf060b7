import type { PathStep, ValidationResult } from '../../../shared/pki/path/types';
import { formatTime } from './format';

const ROLE_LABEL: Readonly<Record<PathStep['role'], string>> = {
  leaf: 'Leaf',
  intermediate: 'Intermediate',
  anchor: 'Trust anchor',
};

/** The step the failure is pinned on: failure.certIndex, else the first step that is not ok; null when none. */
export function failingIndex(result: ValidationResult): number | null {
  const index = result.failure?.certIndex;
  if (index !== null && index !== undefined && index >= 0 && index < result.path.length) return index;
  const firstBad = result.path.findIndex((step) => !step.ok);
  return firstBad >= 0 ? firstBad : null;
}

function FailureNote({ rule, message }: { rule: string; message: string }) {
  return (
    <div className="chain__failure" data-testid="cert-chain-failure" role="note">
      <code className="chain__rule">{rule}</code>
      <span className="chain__message">{message}</span>
    </div>
  );
}

function StatusIcon({ ok }: { ok: boolean }) {
  return (
    <svg className="chain__icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      {ok ? (
        <path d="M3 7.2l2.6 2.6L11 4.4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M3.8 3.8l6.4 6.4M10.2 3.8l-6.4 6.4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      )}
    </svg>
  );
}

/** The validated path drawn top-down, leaf to anchor, with the failing certificate marked and explained. */
export function ChainDiagram({ result }: { result: ValidationResult }) {
  const failAt = failingIndex(result);
  const failure = result.failure;
  // A failure not pinned on any shown certificate (e.g. no issuer found) hangs below the last one.
  const dangling = !result.valid && failure !== null && failAt === null;

  return (
    <ol className="chain" aria-label="Certification path, leaf first">
      {result.path.map((step, i) => {
        const bad = i === failAt || !step.ok;
        return (
          <li
            key={`${step.sha256}:${i}`}
            className={`chain__node chain__node--${bad ? 'bad' : 'ok'}`}
            data-testid="cert-chain-node"
            data-ok={bad ? 'false' : 'true'}
            data-role={step.role}
          >
            <div className="chain__head">
              <StatusIcon ok={!bad} />
              <span className="chain__role">{ROLE_LABEL[step.role]}</span>
            </div>
            <div className="chain__subject mono">{step.subject}</div>
            <div className="chain__serial mono">serial {step.serialNumber}</div>
            <div className="chain__validity">
              <span className="mono">{formatTime(step.notBefore)}</span> → <span className="mono">{formatTime(step.notAfter)}</span>
            </div>
            {step.note === null || (i === failAt && step.note === failure?.message) ? null : <div className="chain__note">{step.note}</div>}
            {i === failAt && failure !== null ? <FailureNote rule={failure.rule} message={failure.message} /> : null}
          </li>
        );
      })}
      {dangling ? (
        <li className="chain__node chain__node--missing" data-testid="cert-chain-node" data-ok="false" data-role="missing">
          <div className="chain__head">
            <StatusIcon ok={false} />
            <span className="chain__role">{result.path.length === 0 ? 'No path' : 'No trusted issuer'}</span>
          </div>
          <FailureNote rule={failure.rule} message={failure.message} />
        </li>
      ) : null}
    </ol>
  );
}
