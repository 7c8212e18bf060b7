import { CHECKLIST_GROUPS, type AuditResult, type ChecklistGroup, type EnvDocument, type RuleResult } from '../../../shared/model/posture';
import { assertNever } from '../../../shared/util/assert-never';
import type { ChecklistFilter } from './labels';
import type { PendingEdit } from './pending-edits';

/** The platform's settings prefix: any such key no rule looks at is shown as not checked, not left out. */
const PLATFORM_PREFIX = 'SENTINEL_';

export function matchesFilter(result: RuleResult, filter: ChecklistFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'fail':
    case 'warn':
    case 'unchecked':
      return result.status === filter;
    default:
      return assertNever(filter, 'checklist filter');
  }
}

export interface GroupView {
  readonly group: ChecklistGroup;
  readonly results: readonly RuleResult[];
  /** Results before the filter, for the group's own counts. */
  readonly total: number;
}

/** The groups in the seed's order; under a filter, only the groups with something to show. */
export function groupResults(audit: AuditResult, filter: ChecklistFilter): GroupView[] {
  return CHECKLIST_GROUPS.map((group) => {
    const all = audit.results.filter((result) => result.group === group);
    return { group, results: all.filter((result) => matchesFilter(result, filter)), total: all.length };
  }).filter((view) => filter === 'all' || view.results.length > 0);
}

/**
 * SENTINEL_* settings (in the file or queued) that no rule result names: the audit says nothing
 * about them, so the checklist says so rather than implying they were judged.
 */
export function uncoveredKeys(audit: AuditResult, doc: EnvDocument, edits: readonly PendingEdit[]): string[] {
  const covered = new Set(audit.results.map((result) => result.key));
  const keys = [...doc.entries.map((entry) => entry.key), ...edits.map((pending) => pending.edit.key)];
  return [...new Set(keys)].filter((key) => key.startsWith(PLATFORM_PREFIX) && !covered.has(key)).sort();
}
