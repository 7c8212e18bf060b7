import type { AuditResult, EnvDocument, RuleResult } from '../../../shared/model/posture';
import { ChecklistItem } from './ChecklistItem';
import { groupResults } from './checklist-view';
import { GROUP_TITLES, STATUS_INFO, type ChecklistFilter } from './labels';
import { currentValue, isMaskedKey, type PendingEdit } from './pending-edits';
import { ValueText } from './SecretValue';
import { StatusMark } from './StatusMark';

export interface ChecklistProps {
  readonly audit: AuditResult;
  readonly doc: EnvDocument;
  readonly edits: readonly PendingEdit[];
  readonly filter: ChecklistFilter;
  readonly uncovered: readonly string[];
}

function groupCounts(results: readonly RuleResult[]): string {
  const failing = results.filter((result) => result.status === 'fail').length;
  const warnings = results.filter((result) => result.status === 'warn').length;
  const parts = [failing > 0 ? `${failing} failing` : null, warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : null].filter((part) => part !== null);
  return parts.length === 0 ? (results.length === 0 ? '' : 'nothing failing') : parts.join(', ');
}

/** Settings no rule looks at: listed as not checked, so silence is never read as a pass. */
function Uncovered({ keys, doc, secretKeys }: { keys: readonly string[]; doc: EnvDocument; secretKeys: readonly string[] }) {
  return (
    <section className="pst-group" aria-labelledby="pst-uncovered-title" data-testid="posture-uncovered">
      <h3 className="pst-group__title" id="pst-uncovered-title">
        Other SENTINEL_ settings <span className="pst-group__counts">{STATUS_INFO.unchecked.word.toLowerCase()}: no rule covers them</span>
      </h3>
      <ul className="pst-items">
        {keys.map((key) => {
          const value = currentValue(doc, key);
          return (
            <li key={key} className="pst-item pst-item--unchecked" data-testid="posture-uncovered-item" data-key={key}>
              <div className="pst-item__head">
                <StatusMark status="unchecked" />
                <code className="pst-item__key">{key}</code>
              </div>
              <p className="pst-item__values small">
                <span className="pst-item__label">In the file:</span>{' '}
                {value === null ? <span className="muted">not set</span> : <ValueText value={value} masked={isMaskedKey(key, secretKeys, value)} label={`value of ${key}`} />}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The audit grouped like the seed's checklist, filtered as the operator chose. */
export function Checklist({ audit, doc, edits, filter, uncovered }: ChecklistProps) {
  const groups = groupResults(audit, filter);
  const showUncovered = uncovered.length > 0 && (filter === 'all' || filter === 'unchecked');
  return (
    <div className="pst-checklist" data-testid="posture-checklist">
      {groups.length === 0 && !showUncovered ? (
        <p className="muted pst-checklist__empty" data-testid="posture-filter-empty">
          Nothing to show under this filter.
        </p>
      ) : null}
      {groups.map(({ group, results, total }) => {
        const titleId = `pst-group-${group}`;
        return (
          <section key={group} className="pst-group" aria-labelledby={titleId} data-testid="posture-group" data-group={group}>
            <h3 className="pst-group__title" id={titleId}>
              <span data-testid="posture-group-title">{GROUP_TITLES[group]}</span> <span className="pst-group__counts">{groupCounts(audit.results.filter((result) => result.group === group))}</span>
            </h3>
            {total === 0 ? (
              <p className="muted small pst-group__empty">No rule in this group applies to this file.</p>
            ) : (
              <ul className="pst-items">
                {results.map((result) => (
                  <ChecklistItem
                    key={`${result.rule}:${result.key ?? ''}`}
                    result={result}
                    doc={doc}
                    secretKeys={audit.secretKeys}
                    pending={result.key === null ? undefined : edits.find((pending) => pending.edit.key === result.key)}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {showUncovered ? <Uncovered keys={uncovered} doc={doc} secretKeys={audit.secretKeys} /> : null}
    </div>
  );
}
