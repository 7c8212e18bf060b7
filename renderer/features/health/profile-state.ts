import type { ProbeReport, ProfileStatus } from '../../../shared/model/probe';
import type { Tone } from './format';

export type OverallKind = 'healthy' | 'failing' | 'never' | 'probing';

export interface OverallState {
  readonly kind: OverallKind;
  readonly label: string;
  /** The first failing reason, or the report's one-line all-clear; null before any probe. */
  readonly reason: string | null;
  readonly tone: Tone;
}

/** The first reason worth reading: a failed smoke step, else a matrix mismatch, else the summary. */
export function firstFailingReason(report: ProbeReport): string {
  const step = report.steps.find((candidate) => candidate.ran && !candidate.ok);
  if (step !== undefined) return step.reason;
  const mismatch = report.matrix?.find((result) => result.outcome !== 'skipped' && !result.ok);
  return mismatch?.detail ?? report.summary;
}

/** A probe that is running wins: the operator just asked for it, or the timer fired. */
export function overallState(status: ProfileStatus): OverallState {
  const last = status.last;
  if (status.running) return { kind: 'probing', label: 'Probing…', reason: last === null ? null : last.summary, tone: 'muted' };
  if (last === null) return { kind: 'never', label: 'Never probed', reason: null, tone: 'muted' };
  if (last.ok) return { kind: 'healthy', label: 'Healthy', reason: last.summary, tone: 'ok' };
  return { kind: 'failing', label: 'Failing', reason: firstFailingReason(last), tone: 'danger' };
}

/** Insecure is a property of the result as much as of the profile: either one marks it. */
export function isInsecure(status: ProfileStatus): boolean {
  return status.profile.insecure || status.last?.insecure === true;
}
