import { describe, expect, it } from 'vitest';
import { CHECKLIST_GROUPS, type ReportChange } from '../model/posture';
import { GROUP_TITLES } from './report-common';
import { reportHtml } from './report-html';
import { reportJson } from './report-json';
import { reportMarkdown } from './report-markdown';
import { RULES } from './rule-table';
import { audit, GOOD, withValues } from './test-helpers';

const meta = { generatedAt: '2025-06-01T12:00:00.000Z' };
const changes: ReportChange[] = [
  { key: 'SENTINEL_JWT_SECRET', action: 'generated', at: '2025-06-01T11:58:00.000Z' },
  { key: 'SENTINEL_ALLOWED_ORIGINS', action: 'set', at: '2025-06-01T11:59:00.000Z' },
];
const a = audit(withValues(GOOD, { SENTINEL_ALLOWED_ORIGINS: 'https://<script>alert(1)</script>|x', SENTINEL_FOO: 'bar' }));

describe('posture reports', () => {
  it('JSON: header facts, every group in seed order, changes with times, the rule table, no values', () => {
    const r = reportJson(a, changes, meta);
    expect(r).toMatchObject({ format: 'sentinel-console.posture-report', version: 1, generatedAt: meta.generatedAt, file: a.file, sha256: a.sha256, profile: 'production', proxyMode: 'nginx-mtls', verdict: 'fail', summary: a.summary });
    expect(r.groups.map((g) => g.group)).toEqual([...CHECKLIST_GROUPS]);
    expect(r.groups.flatMap((g) => g.results)).toEqual(a.results);
    expect(r.changes).toEqual(changes);
    expect(r.rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    expect(JSON.stringify(r)).not.toContain('"value"');
  });

  it.each([
    ['Markdown', reportMarkdown(a, changes, meta)],
    ['HTML', reportHtml(a, changes, meta)],
  ])('%s: path, hash, profile, proxy mode, summary, every group title, every rule id, changes with times', (_name, text) => {
    for (const s of [a.file, a.sha256, 'production', 'nginx-mtls', meta.generatedAt, '1 fail', '1 not checked', ...changes.flatMap((c) => [c.key, c.at, c.action])]) expect(text).toContain(s);
    for (const g of CHECKLIST_GROUPS) expect(text).toContain(GROUP_TITLES[g]);
    for (const r of RULES) expect(text).toContain(r.id);
  });

  it('Markdown keeps a hostile value inside its table cell', () => {
    const md = reportMarkdown(a, changes, meta);
    const row = md.split('\n').find((l) => l.includes('allowed-origins') && l.startsWith('| FAIL'));
    expect(row).toContain('&lt;script>');
    expect(row).toContain('\\|x');
    expect(row?.split(/(?<!\\)\|/).length).toBe(8);
  });

  it('HTML is self-contained, printable, script-free and escaped', () => {
    const html = reportHtml(a, changes, meta);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says "None." when nothing was changed', () => {
    const clean = audit(GOOD);
    const md = reportMarkdown(clean, [], meta);
    expect(md).toContain('_None._');
    expect(reportHtml(clean, [], meta)).toContain('<p class="note">None.</p>');
  });
});
