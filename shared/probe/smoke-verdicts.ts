import type { Attempt, Verdict } from './attempt';
import { describeProbeError } from './classify';
import { certificateRejection, describeAnswer, jsonErrorOf, nginxPageTitle } from './proxy-response';

/**
 * Verdicts of the seed's smoke test (deploy/nginx/smoke_test_proxy.py): live and ready 2xx,
 * an anonymous heartbeat refused with 401, and, with a device, an authenticated one accepted.
 */

const is2xx = (status: number): boolean => status >= 200 && status < 300;

function failed(what: string, attempt: Extract<Attempt, { kind: 'error' }>): Verdict {
  return { ok: false, error: attempt.error, reason: `${what} failed: ${describeProbeError(attempt.error, attempt.code, attempt.message)}` };
}

/** GET live / ready: the proxy and the API behind it must both answer 2xx. */
export function judgeHealth(which: 'live' | 'ready', path: string, attempt: Attempt): Verdict {
  const what = `GET ${path}`;
  if (attempt.kind === 'error') return failed(what, attempt);
  const { status, body } = attempt;
  const answer = describeAnswer(status, body);
  const fail = (reason: string): Verdict => ({ ok: false, error: null, reason: `${what} answered ${answer}: ${reason}` });
  if (is2xx(status)) {
    const meaning = which === 'live' ? 'the proxy and the API behind it are up' : 'the platform reports it is ready';
    return { ok: true, error: null, reason: `${what} answered ${answer}: ${meaning}.` };
  }
  const rejection = certificateRejection(status, body);
  if (rejection) return fail('the proxy demands a client certificate on this path, so browsers and health checks are locked out (ssl_verify_client on instead of optional?).');
  if (status === 502 || status === 504) return fail('the proxy is up but cannot reach the API upstream; is the API listener running?');
  if (status === 503) {
    return fail(which === 'ready' ? 'the API is up but not ready (database or background services).' : 'the API is unavailable.');
  }
  if (status >= 500) return fail('the API failed behind the proxy.');
  if (status === 404) return fail('the path is not routed to the API through the proxy.');
  if (status === 401 || status === 403) return fail('the proxy or the API asks for authentication on a path that must stay open.');
  if (status >= 300 && status < 400) return fail('redirected instead of answering; the smoke test expects 2xx.');
  return fail('the smoke test expects 2xx.');
}

/**
 * POST heartbeat without a certificate must be refused with 401. Other refusals (nginx's 400
 * for `ssl_verify_client on`, a TLS-level refusal) still enforce mTLS, but fail the platform's
 * smoke test and lock out browsers, so they fail here too, with that said plainly.
 */
export function judgeAnonymousHeartbeat(path: string, attempt: Attempt): Verdict {
  const what = `POST ${path} without a client certificate`;
  if (attempt.kind === 'error') {
    if (attempt.error === 'handshake-failure' || attempt.error === 'connection-reset') {
      return {
        ok: false,
        error: attempt.error,
        reason: `${what} was refused at the TLS level (${attempt.error}): client certificates are enforced, but for every client, and the platform expects an HTTP 401 on the heartbeat.`,
      };
    }
    return failed(what, attempt);
  }
  const { status, body } = attempt;
  const answer = describeAnswer(status, body);
  const fail = (reason: string): Verdict => ({ ok: false, error: null, reason: `${what} got ${answer}: ${reason}` });
  if (status === 401) {
    const byProxy = certificateRejection(status, body) !== null;
    return {
      ok: true,
      error: null,
      reason: `${what} got 401${byProxy ? ' from the proxy' : ''}, as the platform expects: heartbeats need a device certificate.`,
    };
  }
  if (is2xx(status)) return fail('the proxy accepted a heartbeat without a client certificate: device mTLS is not enforced.');
  const byProxyPage = nginxPageTitle(body) !== null && (status === 400 || status === 403);
  if (certificateRejection(status, body) !== null || byProxyPage) {
    return fail(
      'a certificate is enforced, but not with the 401 the platform and its smoke test expect (nginx `ssl_verify_client on` answers 400 on every path, locking out browsers); use `optional` with a 401 gate on the heartbeat.',
    );
  }
  if (status >= 500) return fail('the proxy forwarded a heartbeat without a client certificate to the API instead of refusing it with 401: device mTLS is not enforced at the proxy.');
  if (status === 404 || status === 405) return fail('the heartbeat path is not routed through the proxy.');
  if (status >= 400 && jsonErrorOf(body) !== null) {
    return fail('the proxy forwarded a heartbeat without a client certificate and the API refused it; the platform expects the proxy to answer 401 itself.');
  }
  return fail('the platform expects 401.');
}

/**
 * POST heartbeat with the device's certificate. A 4xx the API wrote (JSON, not an nginx page,
 * not the rendered gate) proves the proxy accepted the certificate and forwarded the request;
 * the platform then judged the device (unknown, pending approval...), which is its business.
 */
export function judgeAuthenticatedHeartbeat(path: string, deviceId: string, attempt: Attempt): Verdict {
  const what = `POST ${path} with the certificate of ${deviceId}`;
  if (attempt.kind === 'error') {
    if (attempt.error === 'handshake-failure' || attempt.error === 'connection-reset') {
      return { ok: false, error: attempt.error, reason: `${what} was refused at the TLS level: the proxy rejected the device certificate (${describeProbeError(attempt.error, attempt.code, attempt.message)})` };
    }
    return failed(what, attempt);
  }
  const { status, body } = attempt;
  const answer = describeAnswer(status, body);
  if (is2xx(status)) return { ok: true, error: null, reason: `${what} was accepted (${answer}).` };
  const rejection = certificateRejection(status, body);
  if (rejection) {
    return { ok: false, error: null, reason: `${what} was rejected by the proxy (${rejection}): the proxy does not accept this device certificate.` };
  }
  const fail = (reason: string): Verdict => ({ ok: false, error: null, reason: `${what} got ${answer}: ${reason}` });
  if (status >= 500) return fail('the proxy accepted the certificate, but the API behind it failed.');
  if (nginxPageTitle(body) !== null || body.trim() === '') return fail('the proxy refused the heartbeat itself; the device certificate was not accepted.');
  if (status >= 400 && status < 500 && jsonErrorOf(body) !== null) {
    return {
      ok: true,
      error: null,
      reason: `${what}: the proxy accepted the certificate and forwarded the heartbeat; the platform answered ${answer} (for example an unknown or not yet approved device).`,
    };
  }
  return fail('expected 2xx, or an answer from the platform behind the proxy.');
}
