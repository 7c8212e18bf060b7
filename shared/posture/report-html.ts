import type { AuditResult, ReportChange } from '../model/posture';
import { GROUP_TITLES, groupResults, overall, ruleRows, STATUS_LABEL, summaryLine, type ReportMeta } from './report-common';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** No scripts, no external loads: the CSP forbids everything but the inline stylesheet. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;color:#1b1f24;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccd;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f1f3f6}code{font-family:ui-monospace,monospace;font-size:.92em}
.s{font-weight:700;white-space:nowrap}.pass{color:#1a7f37}.warn{color:#9a6700}.fail{color:#cf222e}.unchecked{color:#57606a}
.note{color:#57606a}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr{break-inside:avoid}th{background:none}a{color:inherit}}
`;

function table(head: readonly string[], rows: readonly string[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A printable, self-contained HTML report; every interpolated string is escaped. */
export function reportHtml(audit: AuditResult, changes: readonly ReportChange[], meta: ReportMeta): string {
  const sections = groupResults(audit).map((g) => {
    const body =
      g.results.length === 0
        ? '<p class="note">No setting for this group was found in the file.</p>'
        : table(
            ['Status', 'Rule', 'Key', 'Severity', 'Finding', 'Fix'],
            g.results.map(
              (r) =>
                `<tr><td class="s ${r.status}">${STATUS_LABEL[r.status]}</td><td><code>${esc(r.rule)}</code>${r.inferred ? ' <span class="note">(inferred)</span>' : ''}</td>` +
                `<td>${r.key === null ? '—' : `<code>${esc(r.key)}</code>`}</td><td>${r.severity}</td><td>${esc(r.message)}</td><td>${r.status === 'pass' ? '' : esc(r.fix)}</td></tr>`,
            ),
          );
    return `<section><h2>${esc(g.title)}</h2>${body}</section>`;
  });
  const changeRows = changes.map((c) => `<tr><td>${esc(c.at)}</td><td><code>${esc(c.key)}</code></td><td>${esc(c.action)}</td></tr>`);
  const rules = ruleRows(audit.profile).map(
    (r) => `<tr><td><code>${esc(r.id)}</code></td><td>${esc(GROUP_TITLES[r.group])}</td><td>${esc(r.appliesTo)}</td><td>${r.severity}</td><td>${r.inferred ? 'inferred' : 'documented'}</td><td>${esc(r.reason)}</td></tr>`,
  );
  const verdict = overall(audit);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Posture audit: ${esc(audit.file)}</title><style>${STYLE}</style></head><body>
<h1>Sentinel Secure X production-profile audit</h1>
<dl><dt>File</dt><dd><code>${esc(audit.file)}</code></dd><dt>SHA-256</dt><dd><code>${esc(audit.sha256)}</code></dd>
<dt>Profile</dt><dd>${esc(audit.profile)}</dd><dt>Proxy mode</dt><dd>${esc(audit.proxyMode)}</dd>
<dt>Generated</dt><dd>${esc(meta.generatedAt)}</dd><dt>Result</dt><dd class="s ${verdict}">${esc(summaryLine(audit))}</dd></dl>
<p class="note">Secret values are never included; findings name keys only. Rules marked "inferred" rest on inference, not the documented checklist.</p>
${sections.join('\n')}
<section><h2>Changes made in this session</h2>${changes.length === 0 ? '<p class="note">None.</p>' : table(['Time', 'Key', 'Action'], changeRows)}</section>
<section><h2>Rules applied</h2>${table(['Rule', 'Group', 'Applies to', `Severity (${audit.profile})`, 'Basis', 'Why'], rules)}</section>
</body></html>
`;
}
