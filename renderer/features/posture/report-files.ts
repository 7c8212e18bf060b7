import type { AuditResult, ReportChange } from '../../../shared/model/posture';
import { reportHtml } from '../../../shared/posture/report-html';
import { reportJson } from '../../../shared/posture/report-json';
import { reportMarkdown } from '../../../shared/posture/report-markdown';
import { baseName } from './format';

export type ReportFormat = 'markdown' | 'json' | 'html';

export interface ReportFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

const EXTENSION: Readonly<Record<ReportFormat, string>> = { markdown: 'md', json: 'json', html: 'html' };
const MIME: Readonly<Record<ReportFormat, string>> = { markdown: 'text/markdown', json: 'application/json', html: 'text/html' };

/** e.g. posture-report-prod.env-2025-01-31.md: which file, which day, sorted by name. */
export function reportFileName(file: string, generatedAt: string, format: ReportFormat): string {
  const day = generatedAt.slice(0, 10);
  const name = baseName(file).replace(/^\.+/, '').replace(/[^\w.-]+/g, '_') || 'env';
  return `posture-report-${name}-${day}.${EXTENSION[format]}`;
}

/** The report in one format, built by the same shared functions the CLI uses, secrets masked there. */
export function reportFile(format: ReportFormat, audit: AuditResult, changes: readonly ReportChange[], generatedAt: string): ReportFile {
  const meta = { generatedAt };
  const text =
    format === 'json'
      ? `${JSON.stringify(reportJson(audit, changes, meta), null, 2)}\n`
      : format === 'markdown'
        ? reportMarkdown(audit, changes, meta)
        : reportHtml(audit, changes, meta);
  return { name: reportFileName(audit.file, generatedAt, format), type: `${MIME[format]};charset=utf-8`, text };
}

/** Hands a file to the browser's download: a Blob, an object URL and a click on an <a download>. */
export function downloadFile(file: ReportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has taken the bytes by the next task; the URL is not needed after.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
