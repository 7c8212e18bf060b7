import type { MatrixCaseId, MatrixResult } from '../model/probe';
import { assertNever } from '../util/assert-never';
import type { Attempt } from './attempt';
import { describeProbeError } from './classify';
import { certificateRejection, describeAnswer } from './proxy-response';

/**
 * Judging one case of the enforcement matrix (research: proxy-matrix.md §4, probe recipe).
 * Certificate cases ask "did the proxy let this certificate through?" with a read-only GET of
 * the live path; the no-cert case asks it of the heartbeat, the only path that needs a cert.
 */

export type Expected = MatrixResult['expected'];

/** What it means when a case that must be rejected was let through. */
export function acceptedMeaning(id: MatrixCaseId): string {
  switch (id) {
    case 'no-cert':
      return 'a heartbeat without any certificate got through: device mTLS is not enforced';
    case 'leaf-without-chain':
      return 'a device certificate sent without its intermediate was accepted';
    case 'leaf-with-chain':
      return 'the valid device certificate with its chain was accepted';
    case 'expired':
      return 'an expired device certificate was accepted';
    case 'revoked':
      return "a revoked device certificate was accepted: the proxy's CRL is missing, stale or does not list it";
    case 'wrong-ca':
      return 'a certificate from an unrelated CA was accepted: the proxy does not verify client certificates against the device CA';
    case 'impostor-ca-name':
      return "a certificate from a self-signed CA that copies the real CA's name was accepted: the proxy asks for certificates but does not verify them (nginx optional_no_ca?), so it forwards names an attacker chose";
    case 'no-client-auth':
      return 'a certificate without the clientAuth extended key usage was accepted';
    case 'forged-headers':
      return 'forged certificate headers reached the API';
    default:
      return assertNever(id, 'matrix case');
  }
}

// Statuses with which a proxy refuses a request for its certificate (or lack of one).
const REFUSALS = new Set([400, 401, 403, 495, 496]);

/** accepted / rejected / error for one attempt; `note` is appended to the detail (e.g. why expected changed). */
export function judgeMatrixAttempt(id: MatrixCaseId, expected: Expected, attempt: Attempt, note = ''): MatrixResult {
  const suffix = note === '' ? '' : ` ${note}`;
  const result = (outcome: MatrixResult['outcome'], status: number | null, error: MatrixResult['error'], detail: string): MatrixResult => ({
    id,
    expected,
    outcome,
    status,
    error,
    detail: `${detail}${suffix}`,
    ok: (outcome === 'accepted' && expected === 'accept') || (outcome === 'rejected' && expected === 'reject'),
  });
  if (attempt.kind === 'error') {
    if (attempt.error === 'handshake-failure' || attempt.error === 'connection-reset') {
      return result('rejected', null, attempt.error, `Refused at the TLS level: ${describeProbeError(attempt.error, attempt.code, attempt.message)}`);
    }
    return result('error', null, attempt.error, `Could not be judged: ${describeProbeError(attempt.error, attempt.code, attempt.message)}`);
  }
  const { status, body } = attempt;
  if (REFUSALS.has(status)) {
    const why = certificateRejection(status, body) ?? describeAnswer(status, body);
    const verdict = expected === 'reject' ? 'Rejected as it must be' : 'Rejected, but this valid device certificate must be accepted';
    return result('rejected', status, null, `${verdict} (${why}).`);
  }
  // 2xx/3xx, and 5xx from behind the proxy: it passed the request on rather than refusing it.
  if (status < 400 || status >= 500) {
    const answer = describeAnswer(status, body);
    const detail = expected === 'accept' ? `Accepted (${answer}).` : `Accepted (${answer}), but must be rejected: ${acceptedMeaning(id)}.`;
    return result('accepted', status, null, detail);
  }
  return result('error', status, null, `Could not be judged: the proxy answered ${describeAnswer(status, body)}, neither a pass nor a certificate refusal.`);
}

/** A skipped case (its certificate files are missing, or nothing can judge it). */
export function skippedCase(id: MatrixCaseId, expected: Expected, detail: string): MatrixResult {
  return { id, expected, outcome: 'skipped', status: null, error: null, detail, ok: false };
}

/** Forged certificate headers: only an upstream that echoes request headers can show whether they arrived. */
export function judgeForgedHeaders(
  attempts: readonly { readonly label: string; readonly attempt: Attempt }[],
  token: string,
  headerCount: number,
): MatrixResult {
  const id = 'forged-headers';
  let echoed = 0;
  let status: number | null = null;
  const leaked: string[] = [];
  for (const { label, attempt } of attempts) {
    if (attempt.kind === 'error') return judgeMatrixAttempt(id, 'reject', attempt, `(${label})`);
    status ??= attempt.status;
    const headers = echoedHeaders(attempt.body);
    if (headers === null) continue;
    echoed++;
    for (const [name, value] of Object.entries(headers)) if (value.includes(token)) leaked.push(`${name} (${label})`);
  }
  if (echoed === 0) {
    return {
      ...skippedCase(id, 'reject', `Cannot be judged here: the live path answered ${status ?? '?'} without echoing request headers; point the profile at a test upstream that echoes them.`),
      status,
    };
  }
  if (leaked.length > 0) {
    return { id, expected: 'reject', outcome: 'accepted', status, error: null, ok: false, detail: `Forged certificate headers reached the API: ${leaked.join(', ')}. The proxy must overwrite or clear every certificate header on every location.` };
  }
  const variants = attempts.map((a) => a.label).join(' and ');
  return { id, expected: 'reject', outcome: 'rejected', status, error: null, ok: true, detail: `None of the ${headerCount} forged certificate headers reached the API (${variants}).` };
}

/** The `headers` object of an echo upstream's JSON answer, values as strings; null when the body is no echo. */
export function echoedHeaders(body: string): Record<string, string> | null {
  if (!body.trimStart().startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return null;
    const headers = (value as Record<string, unknown>)['headers'];
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return null;
    const out: Record<string, string> = {};
    for (const [name, v] of Object.entries(headers as Record<string, unknown>)) {
      out[name.toLowerCase()] = Array.isArray(v) ? v.map(String).join(', ') : String(v);
    }
    return out;
  } catch {
    return null;
  }
}
