import type { ProbeStep } from '../../../shared/model/probe';
import { formatMs, statusText, STEP_LABEL, stepVerdict, VERDICT_MARK, VERDICT_TEXT } from './format';

function Verdict({ step }: { step: ProbeStep }) {
  const verdict = stepVerdict(step);
  return (
    <span className={`hl-verdict hl-verdict--${verdict}`} data-testid="health-step-verdict">
      <span className="hl-verdict__mark" aria-hidden="true">
        {VERDICT_MARK[verdict]}
      </span>
      {VERDICT_TEXT[verdict]}
    </span>
  );
}

/**
 * The card's rows: one line a step, with a reason only where it adds something: not the one
 * the card already shows above, and not "not run" after an earlier step failed (the detail
 * view has every reason).
 */
export function StepRows({ steps, shownAbove = null }: { steps: readonly ProbeStep[]; shownAbove?: string | null }) {
  return (
    <ul className="hl-steps" aria-label="Smoke steps">
      {steps.map((step, index) => {
        const verdict = stepVerdict(step);
        const consequence = !step.ran && steps.slice(0, index).some((s) => s.ran && !s.ok);
        const quiet = verdict === 'passed' || consequence || step.reason === shownAbove;
        return (
          <li key={step.id} className={`hl-steps__row hl-steps__row--${verdict}`} data-testid="health-step" data-step={step.id} data-verdict={verdict}>
            <span className="hl-steps__name" title={step.id}>
              {STEP_LABEL[step.id]}
            </span>
            <span className="hl-steps__status mono">{statusText(step.status, step.error)}</span>
            <span className="hl-steps__ms mono">{step.ran ? formatMs(step.ms) : ''}</span>
            <Verdict step={step} />
            {quiet ? null : (
              <span className="hl-steps__reason" data-testid="health-step-reason">
                {step.reason}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The detail's table: every step with its reason, passed ones included. */
export function StepTable({ steps }: { steps: readonly ProbeStep[] }) {
  return (
    <table className="hl-table" data-testid="health-step-table">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Status</th>
          <th scope="col" className="hl-table__num">
            Time
          </th>
          <th scope="col">Verdict</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => {
          const verdict = stepVerdict(step);
          return (
            <tr key={step.id} className={`hl-table__row--${verdict}`} data-testid="health-step-row" data-step={step.id} data-verdict={verdict}>
              <th scope="row">
                {STEP_LABEL[step.id]} <code className="muted">{step.id}</code>
              </th>
              <td className="mono">{statusText(step.status, step.error)}</td>
              <td className="mono hl-table__num">{step.ran ? formatMs(step.ms) : '—'}</td>
              <td>
                <Verdict step={step} />
              </td>
              <td>{step.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
