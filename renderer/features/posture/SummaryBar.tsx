import type { AuditSummary, RuleStatus } from '../../../shared/model/posture';
import { FILTER_OPTIONS, STATUS_INFO, type ChecklistFilter } from './labels';
import { usePosture } from './posture-store';

const ORDER: readonly RuleStatus[] = ['fail', 'warn', 'pass', 'unchecked'];

export interface SummaryBarProps {
  readonly summary: AuditSummary;
  /** SENTINEL_* settings no rule covers; counted with "not checked". */
  readonly uncovered: number;
  /** The audit is running again (a new profile, mode or edit). */
  readonly updating: boolean;
}

/** The counts per status and the filter over the checklist. */
export function SummaryBar({ summary, uncovered, updating }: SummaryBarProps) {
  const filter = usePosture((state) => state.filter);
  const setFilter = usePosture((state) => state.setFilter);
  const counts: Readonly<Record<RuleStatus, number>> = { ...summary, unchecked: summary.unchecked + uncovered };
  const filterCount = (value: ChecklistFilter): number | null => (value === 'all' ? null : counts[value]);
  return (
    <div className="pst-summary" data-testid="posture-summary">
      <p className="pst-summary__counts" aria-live="polite">
        {ORDER.map((status) => (
          <span key={status} className={`pst-count pst-status--${STATUS_INFO[status].tone}`} data-testid={`posture-count-${status}`}>
            <span className="pst-status__glyph" aria-hidden="true">
              {STATUS_INFO[status].glyph}
            </span>
            <strong>{counts[status]}</strong> {STATUS_INFO[status].word.toLowerCase()}
          </span>
        ))}
        {updating ? (
          <span className="muted small" role="status">
            Checking again…
          </span>
        ) : null}
      </p>
      <div className="pst-filter" role="group" aria-label="Show">
        {FILTER_OPTIONS.map((option) => {
          const count = filterCount(option.value);
          return (
            <button
              key={option.value}
              type="button"
              className="pst-filter__button"
              aria-pressed={filter === option.value}
              onClick={() => setFilter(option.value)}
              data-testid={`posture-filter-${option.value}`}
            >
              {option.label}
              {count === null ? null : <span className="pst-filter__count">{count}</span>}
            </button>
          );
        })}
      </div>
    </div>
  );
}
