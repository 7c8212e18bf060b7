import type { EnvCrossCheck, NginxLintReport, NginxRenderOutcome, NginxTestResult, ReferencedFileCheck } from '../../../shared/model/nginx';
import type { FieldError, LintFinding } from '../../../shared/nginx/types';

/** Form fields as the CLI spells them, so a field error names the flag the operator typed. */
const FIELD_FLAGS: Readonly<Record<string, string>> = {
  serverName: '--server-name',
  tlsCertPath: '--tls-cert',
  tlsKeyPath: '--tls-key',
  clientCaPath: '--client-ca',
  upstreamUrl: '--upstream',
  envFilePath: '--env-file',
  listen: '--listen',
  crlPath: '--crl',
  ocsp: '--ocsp',
  'ocsp.responderUrl': '--ocsp-responder',
  'ocsp.resolver': '--ocsp-resolver',
  verifyDepth: '--verify-depth',
  tlsVersions: '--tls-versions',
  hsts: '--hsts',
  'hsts.maxAgeSeconds': '--hsts',
  headerNames: '--header',
  allowRemoteUpstream: '--allow-remote-upstream',
};

export function flagForField(field: string): string {
  if (FIELD_FLAGS[field]) return FIELD_FLAGS[field];
  const [head, tail] = field.split('.', 2);
  if (head === 'headerNames' && tail) return `--header ${tail}=`;
  return FIELD_FLAGS[head ?? ''] ?? field;
}

export function fieldErrorsText(errors: readonly FieldError[]): string {
  return errors.map((e) => `${flagForField(e.field)}: ${e.message}`).join('\n  ');
}

const HIGH: ReadonlySet<string> = new Set(['critical', 'high']);

export const hasHighFindings = (findings: readonly LintFinding[]): boolean => findings.some((f) => HIGH.has(f.severity));

export function findingsText(findings: readonly LintFinding[]): string {
  if (findings.length === 0) return 'No mTLS misconfigurations found.';
  return findings.map((f) => `${f.file}:${f.line}: ${f.severity} ${f.id} ${f.message}\n    fix: ${f.fix}`).join('\n');
}

function fileLine(check: ReferencedFileCheck): string {
  const head = `  ${check.state.padEnd(7)} ${check.field} ${check.path}: ${check.summary}`;
  return [head, ...check.findings.map((f) => `          ${f.severity}: ${f.message} (${f.fix})`)].join('\n');
}

function envText(env: EnvCrossCheck): string {
  const rows = env.requirements.map((r) => `  ${r.ok ? 'ok     ' : 'WRONG  '} ${r.name}=${r.actual ?? '(absent)'} (expected ${r.expected})`);
  return [`.env ${env.path}: ${env.message}`, ...(env.error ? [`  ${env.error}`] : rows)].join('\n');
}

/** Checks a rendered config carries; printed on stderr so stdout stays the config itself. */
export function renderChecksText(outcome: Extract<NginxRenderOutcome, { status: 'rendered' }>): string {
  const parts: string[] = [];
  if (outcome.files.length > 0) parts.push(['Referenced files:', ...outcome.files.map(fileLine)].join('\n'));
  if (outcome.env) parts.push(envText(outcome.env));
  if (outcome.lint.length > 0) parts.push(findingsText(outcome.lint));
  return parts.join('\n');
}

export function renderFailed(outcome: NginxRenderOutcome): boolean {
  if (outcome.status === 'invalid') return true;
  return outcome.files.some((f) => f.state === 'error') || (outcome.env !== null && !outcome.env.consistent) || hasHighFindings(outcome.lint);
}

export function lintText(report: NginxLintReport): string {
  return findingsText(report.findings);
}

export function checkText(result: NginxTestResult): string {
  const head = result.ok ? 'nginx -t: the configuration is valid' : 'nginx -t: the configuration was REJECTED';
  const lines = result.messages.map((m) => `  [${m.level}] ${m.file ? `${m.file}${m.line ? `:${m.line}` : ''}: ` : ''}${m.message}`);
  return [head, ...lines, `  command: ${result.command.join(' ')} (${Math.round(result.durationMs)} ms)`].join('\n');
}
