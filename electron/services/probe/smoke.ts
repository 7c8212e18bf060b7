import type { ProbeStep, ProxyProfile, SmokeStepId } from '../../../shared/model/probe';
import type { Attempt, Verdict } from '../../../shared/probe/attempt';
import { deviceIdMismatch, readLeaf } from '../../../shared/probe/certificates';
import { isConnectionLevel } from '../../../shared/probe/classify';
import { judgeAnonymousHeartbeat, judgeAuthenticatedHeartbeat, judgeHealth } from '../../../shared/probe/smoke-verdicts';
import { type ProbeFs, readIdentity } from './files';
import { httpsAttempt, type HttpsSpec } from './https-attempt';
import type { ConnectionSettings, TlsIdentity } from './target';

/**
 * The id in heartbeats sent without a certificate. Never the configured device's: if the proxy
 * lets such a heartbeat through, the platform must not record it against a real device.
 */
export const ANONYMOUS_DEVICE_ID = 'sentinel-console-probe';

/**
 * The platform's heartbeat payload is not public beyond "it carries device_id"; a counter is
 * deliberately left out so a probe can never advance a real device's anti-replay counter.
 */
export function heartbeatBody(deviceId: string): string {
  return JSON.stringify({ device_id: deviceId });
}

const JSON_BODY = { 'content-type': 'application/json' };

function stepOf(id: SmokeStepId, attempt: Attempt, verdict: Verdict): ProbeStep {
  return { id, status: attempt.kind === 'response' ? attempt.status : null, error: verdict.error, ok: verdict.ok, ran: true, ms: attempt.ms, reason: verdict.reason };
}

function notRun(id: SmokeStepId, ok: boolean, reason: string, error: ProbeStep['error'] = null): ProbeStep {
  return { id, status: null, error, ok, ran: false, ms: 0, reason };
}

type DeviceCheck = { readonly kind: 'none' } | { readonly kind: 'refused'; readonly step: ProbeStep } | { readonly kind: 'ready'; readonly identity: TlsIdentity; readonly deviceId: string };

/** The local pre-check: files readable, key matches, CN equals the device id; before any traffic. */
async function checkDevice(fs: ProbeFs, profile: ProxyProfile): Promise<DeviceCheck> {
  const device = profile.device;
  const id = 'heartbeat-authenticated';
  if (!device) return { kind: 'none' };
  const identity = await readIdentity(fs, device.certFile, device.keyFile);
  if (!identity.ok) return { kind: 'refused', step: notRun(id, false, `Not sent: the device identity is unusable: ${identity.message}.`, 'local-file') };
  const leaf = readLeaf(identity.value.cert);
  if (!leaf.ok) return { kind: 'refused', step: notRun(id, false, `Not sent: ${device.certFile}: ${leaf.message}.`, 'local-file') };
  const mismatch = deviceIdMismatch(leaf.leaf, device.deviceId);
  if (mismatch) return { kind: 'refused', step: notRun(id, false, mismatch) };
  return { kind: 'ready', identity: identity.value, deviceId: device.deviceId };
}

/**
 * The seed's smoke test, one connection per step, in order. Once a step cannot reach or trust
 * the proxy, the rest would fail the same way, so they are reported as not run.
 */
export async function runSmoke(fs: ProbeFs, profile: ProxyProfile, conn: ConnectionSettings): Promise<ProbeStep[]> {
  const device = await checkDevice(fs, profile);
  const { paths } = profile;
  type Plan = { id: SmokeStepId; spec: HttpsSpec; judge: (a: Attempt) => Verdict };
  const plans: (Plan | ProbeStep)[] = [
    { id: 'live', spec: { method: 'GET', path: paths.live, identity: null }, judge: (a) => judgeHealth('live', paths.live, a) },
    { id: 'ready', spec: { method: 'GET', path: paths.ready, identity: null }, judge: (a) => judgeHealth('ready', paths.ready, a) },
    {
      id: 'heartbeat-anonymous',
      spec: { method: 'POST', path: paths.heartbeat, headers: JSON_BODY, body: heartbeatBody(ANONYMOUS_DEVICE_ID), identity: null },
      judge: (a) => judgeAnonymousHeartbeat(paths.heartbeat, a),
    },
    device.kind === 'ready'
      ? {
          id: 'heartbeat-authenticated',
          spec: { method: 'POST', path: paths.heartbeat, headers: JSON_BODY, body: heartbeatBody(device.deviceId), identity: device.identity },
          judge: (a) => judgeAuthenticatedHeartbeat(paths.heartbeat, device.deviceId, a),
        }
      : device.kind === 'refused'
        ? device.step
        : notRun('heartbeat-authenticated', true, 'Not sent: no device certificate is configured for this profile.'),
  ];
  const steps: ProbeStep[] = [];
  let blocked: string | null = null;
  for (const plan of plans) {
    if (!('spec' in plan)) {
      steps.push(plan);
      continue;
    }
    if (blocked !== null) {
      steps.push(notRun(plan.id, false, blocked));
      continue;
    }
    const attempt = await httpsAttempt(conn, plan.spec);
    steps.push(stepOf(plan.id, attempt, plan.judge(attempt)));
    if (attempt.kind === 'error' && (isConnectionLevel(attempt.error) || (attempt.error === 'timeout' && attempt.phase === 'connect'))) {
      blocked = `Not run: the ${plan.id} step could not reach or trust the proxy (${attempt.error}).`;
    }
  }
  return steps;
}
