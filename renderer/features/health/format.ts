import type { MatrixCaseId, MatrixResult, ProbeErrorClass, ProbeStep, SmokeStepId, TlsProtocol } from '../../../shared/model/probe';

/** The colours every mark in this area uses, from the theme's success/warning/danger pairs. */
export type Tone = 'ok' | 'warning' | 'danger' | 'muted';

export const STEP_LABEL: Readonly<Record<SmokeStepId, string>> = {
  live: 'Live',
  ready: 'Ready',
  'heartbeat-anonymous': 'Heartbeat, no certificate',
  'heartbeat-authenticated': 'Heartbeat, device certificate',
};

export const ERROR_LABEL: Readonly<Record<ProbeErrorClass, string>> = {
  'unknown-ca': 'unknown CA',
  'hostname-mismatch': 'hostname mismatch',
  expired: 'expired certificate',
  'not-yet-valid': 'certificate not yet valid',
  'self-signed': 'self-signed certificate',
  'handshake-failure': 'handshake failure',
  'connection-refused': 'connection refused',
  'dns-failure': 'DNS failure',
  timeout: 'timeout',
  'connection-reset': 'connection reset',
  'protocol-error': 'protocol error',
  'local-file': 'local file unreadable',
};

export const MATRIX_CASE_LABEL: Readonly<Record<MatrixCaseId, string>> = {
  'no-cert': 'No client certificate',
  'leaf-without-chain': 'Valid device certificate, leaf only',
  'leaf-with-chain': 'Valid device certificate with chain',
  expired: 'Expired certificate',
  revoked: 'Revoked certificate',
  'wrong-ca': 'Certificate from another CA',
  'impostor-ca-name': 'Impostor CA with the same name',
  'no-client-auth': 'Certificate without clientAuth EKU',
  'forged-headers': 'Forged certificate headers',
};

export const PROTOCOL_LABEL: Readonly<Record<TlsProtocol, string>> = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

export const PROTOCOLS: readonly TlsProtocol[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Accepting 1.0 or 1.1 is a weakness; refusing 1.2 leaves older clients out. */
export function protocolTone(protocol: TlsProtocol, accepted: boolean): Tone {
  const legacy = protocol === 'TLSv1' || protocol === 'TLSv1.1';
  if (legacy) return accepted ? 'warning' : 'ok';
  return accepted ? 'ok' : 'muted';
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `2025-01-31T12:00:00.000Z` → `2025-01-31 12:00:00 UTC`, the form the Certificates area uses. */
export function absoluteTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  if (match) return `${match[1]} ${match[2]} UTC`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : absoluteTime(new Date(ms).toISOString());
}

/** `just now`, `40 s ago`, `3 min ago`, `5 h ago`, `2 d ago`. */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Within this many days an expiry is shown as a warning. */
export const EXPIRY_WARNING_DAYS = 30;

export function expiryTone(days: number | null): Tone {
  if (days === null) return 'muted';
  if (days <= 0) return 'danger';
  return days <= EXPIRY_WARNING_DAYS ? 'warning' : 'ok';
}

export function expiryText(days: number | null): string {
  if (days === null) return 'n/a';
  if (days < 0) return `expired ${plural(-days, 'day')} ago`;
  if (days === 0) return 'expires today';
  return `${plural(days, 'day')} left`;
}

export type StepVerdict = 'passed' | 'failed' | 'not-run';

export function stepVerdict(step: ProbeStep): StepVerdict {
  if (!step.ran) return 'not-run';
  return step.ok ? 'passed' : 'failed';
}

export const VERDICT_MARK: Readonly<Record<StepVerdict, string>> = { passed: '✓', failed: '✗', 'not-run': '–' };
export const VERDICT_TEXT: Readonly<Record<StepVerdict, string>> = { passed: 'passed', failed: 'failed', 'not-run': 'not run' };

/** What came back: the HTTP status, else the classified error, else nothing. */
export function statusText(status: number | null, error: ProbeErrorClass | null): string {
  if (status !== null) return String(status);
  return error === null ? '—' : ERROR_LABEL[error];
}

export type MatrixVerdict = 'as-expected' | 'mismatch' | 'skipped';

export function matrixVerdict(result: MatrixResult): MatrixVerdict {
  if (result.outcome === 'skipped') return 'skipped';
  return result.ok ? 'as-expected' : 'mismatch';
}
