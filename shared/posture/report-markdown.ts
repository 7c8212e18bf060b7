import type { AuditResult, ReportChange } from '../model/posture';
import { groupResults, ruleRows, STATUS_LABEL, summaryLine, GROUP_TITLES, type ReportMeta } from './report-common';

/** A table cell: one line, pipes escaped, and no raw HTML for viewers that render it. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A code span whose fence is longer than any backtick run inside. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- |').join('')}`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** The audit as Markdown: header facts, one section per checklist group, changes, and the rules applied. */
export function reportMarkdown(audit: AuditResult, changes: readonly ReportChange[], meta: ReportMeta): string {
  const lines: string[] = [
    '# Sentinel Secure X production-profile audit',
    '',
    `- File: ${code(audit.file)}`,
    `- SHA-256: ${code(audit.sha256)}`,
    `- Profile: ${audit.profile}`,
    `- Proxy mode: ${audit.proxyMode}`,
    `- Generated: ${cell(meta.generatedAt)}`,
    `- Result: ${summaryLine(audit)}`,
    '',
    'Secret values are never included; findings name keys only. Rules marked "inferred" rest on inference, not the documented checklist.',
  ];
  for (const g of groupResults(audit)) {
    lines.push('', `## ${g.title}`, '');
    if (g.results.length === 0) {
      lines.push('_No setting for this group was found in the file._');
      continue;
    }
    const rows = g.results.map((r) => [
      STATUS_LABEL[r.status],
      code(r.rule) + (r.inferred ? ' (inferred)' : ''),
      r.key === null ? '—' : code(r.key),
      r.severity,
      cell(r.message),
      r.status === 'pass' ? '' : cell(r.fix),
    ]);
    lines.push(...table(['Status', 'Rule', 'Key', 'Severity', 'Finding', 'Fix'], rows));
  }
  lines.push('', '## Changes made in this session', '');
  if (changes.length === 0) lines.push('_None._');
  else lines.push(...table(['Time', 'Key', 'Action'], changes.map((c) => [cell(c.at), code(c.key), c.action])));
  lines.push('', '## Rules applied', '');
  const rules = ruleRows(audit.profile).map((r) => [code(r.id), GROUP_TITLES[r.group], cell(r.appliesTo), r.severity, r.inferred ? 'inferred' : 'documented', cell(r.reason)]);
  lines.push(...table(['Rule', 'Group', 'Applies to', `Severity (${audit.profile})`, 'Basis', 'Why'], rules));
  return `${lines.join('\n')}\n`;
}
