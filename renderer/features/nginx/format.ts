import type { LintSeverity, NginxTestMessage } from '../../../shared/nginx/types';
import { assertNever } from '../../../shared/util/assert-never';

/** The three colours every mark in this area uses, from the theme's danger/warning/info pairs. */
export type Tone = 'danger' | 'warning' | 'info';

export const LINT_SEVERITY_LABEL: Readonly<Record<LintSeverity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** Worst first, for sorting and for the one marker a gutter line shows. */
export const TONE_RANK: Readonly<Record<Tone, number>> = { danger: 0, warning: 1, info: 2 };

export function lintTone(severity: LintSeverity): Tone {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'danger';
    case 'medium':
      return 'warning';
    case 'low':
    case 'info':
      return 'info';
    default:
      return assertNever(severity, 'lint severity');
  }
}

export function messageTone(level: NginxTestMessage['level']): Tone {
  switch (level) {
    case 'emerg':
    case 'alert':
    case 'crit':
    case 'error':
      return 'danger';
    case 'warn':
      return 'warning';
    case 'notice':
    case 'info':
      return 'info';
    default:
      return assertNever(level, 'nginx message level');
  }
}

/** argv as a shell line the operator can paste: arguments with spaces or quotes are single-quoted. */
export function shellLine(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** `file:line`, or just the file when nginx named no line. */
export function location(file: string | null, line: number | null): string {
  if (file === null) return line === null ? '' : `line ${line}`;
  return line === null ? file : `${file}:${line}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
