import type { MatrixResult, ProbeStep } from '../model/probe';

/**
 * ok and the one-line summary of a run. A step that did not run because no device is
 * configured is ok (nothing was asked of it); one refused by the CN pre-check is not.
 * Skipped matrix cases neither pass nor fail.
 */
export function summarizeRun(
  steps: readonly ProbeStep[],
  matrix: readonly MatrixResult[] | null,
  insecure: boolean,
): { readonly ok: boolean; readonly summary: string } {
  const caveat = insecure ? " (the proxy's certificate was NOT verified: insecure)" : '';
  const failedStep = steps.find((s) => !s.ok);
  if (failedStep) return { ok: false, summary: `${failedStep.reason}${caveat}` };
  const failedCase = matrix?.find((c) => c.outcome !== 'skipped' && !c.ok);
  if (failedCase) return { ok: false, summary: `Enforcement matrix, ${failedCase.id}: ${failedCase.detail}${caveat}` };
  const authenticated = steps.some((s) => s.id === 'heartbeat-authenticated' && s.ran);
  const parts = ['live and ready answer', 'a heartbeat without a certificate gets 401'];
  if (authenticated) parts.push("the device's heartbeat is accepted");
  if (matrix) {
    const ran = matrix.filter((c) => c.outcome !== 'skipped').length;
    parts.push(`${ran} of ${matrix.length} enforcement cases behave as expected${ran < matrix.length ? ' (the rest skipped)' : ''}`);
  }
  return { ok: true, summary: `All clear: ${joinList(parts)}${caveat}.` };
}

function joinList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}
