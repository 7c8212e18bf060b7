import { CHECKLIST_GROUPS, type AuditResult, type ChecklistGroup, type PostureProfile, type RuleResult, type RuleSeverity, type RuleStatus } from '../model/posture';
import { GROUP_TITLES } from './group-titles';
import { RULES } from './rule-table';
import type { AppliesTo } from './rule-types';

export { GROUP_TITLES };

export const STATUS_LABEL: Readonly<Record<RuleStatus, string>> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unchecked: 'NOT CHECKED' };

export interface ReportMeta {
  readonly generatedAt: string;
}

export interface ReportGroup {
  readonly group: ChecklistGroup;
  readonly title: string;
  readonly results: readonly RuleResult[];
}

/** Every checklist group in the seed's order, empty ones included (the reader sees nothing was skipped). */
export function groupResults(audit: AuditResult): ReportGroup[] {
  return CHECKLIST_GROUPS.map((group) => ({ group, title: GROUP_TITLES[group], results: audit.results.filter((r) => r.group === group) }));
}

export interface RuleRow {
  readonly id: string;
  readonly group: ChecklistGroup;
  readonly appliesTo: string;
  readonly severity: RuleSeverity;
  readonly inferred: boolean;
  readonly reason: string;
}

function describe(a: AppliesTo): string {
  return a.kind === 'key' ? a.key : a.describe;
}

/** The rule table as the report lists it: what was checked, how hard, and on what basis. */
export function ruleRows(profile: PostureProfile): RuleRow[] {
  return RULES.map((r) => ({ id: r.id, group: r.group, appliesTo: describe(r.appliesTo), severity: r.severity[profile], inferred: r.inferred, reason: r.reason }));
}

export function overall(audit: AuditResult): 'fail' | 'warn' | 'pass' {
  return audit.summary.fail > 0 ? 'fail' : audit.summary.warn > 0 ? 'warn' : 'pass';
}

export function summaryLine(audit: AuditResult): string {
  const s = audit.summary;
  return `${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s.unchecked} not checked`;
}
