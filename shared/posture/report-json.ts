import type { AuditSummary, PostureProfile, ProxyMode, ReportChange, AuditResult } from '../model/posture';
import { groupResults, overall, ruleRows, type ReportGroup, type ReportMeta, type RuleRow } from './report-common';

/**
 * The machine-readable report. Shape (version 1):
 * { format, version, generatedAt, file, sha256, profile, proxyMode, verdict, summary,
 *   groups: [{ group, title, results: RuleResult[] }]   every checklist group, seed order,
 *   secretKeys: string[]                                 names only,
 *   changes: [{ key, action, at }]                       never values,
 *   rules: [{ id, group, appliesTo, severity, inferred, reason }] }
 * No setting's value is included: results carry messages, which never contain secrets.
 */
export interface PostureReport {
  readonly format: 'sentinel-console.posture-report';
  readonly version: 1;
  readonly generatedAt: string;
  readonly file: string;
  readonly sha256: string;
  readonly profile: PostureProfile;
  readonly proxyMode: ProxyMode;
  readonly verdict: 'fail' | 'warn' | 'pass';
  readonly summary: AuditSummary;
  readonly groups: readonly ReportGroup[];
  readonly secretKeys: readonly string[];
  readonly changes: readonly ReportChange[];
  readonly rules: readonly RuleRow[];
}

export function reportJson(audit: AuditResult, changes: readonly ReportChange[], meta: ReportMeta): PostureReport {
  return {
    format: 'sentinel-console.posture-report',
    version: 1,
    generatedAt: meta.generatedAt,
    file: audit.file,
    sha256: audit.sha256,
    profile: audit.profile,
    proxyMode: audit.proxyMode,
    verdict: overall(audit),
    summary: audit.summary,
    groups: groupResults(audit),
    secretKeys: [...audit.secretKeys],
    changes: changes.map((c) => ({ key: c.key, action: c.action, at: c.at })),
    rules: ruleRows(audit.profile),
  };
}
