import type { ProxyMode } from '../model/posture';
import { assertNever } from '../util/assert-never';
import { quoted, readBool } from './booleans';
import { boolRule, boolVerdict, sev } from './bool-rule';
import { originProblems } from './origins';
import type { Rule, Verdict } from './rule-types';

const TRUST = 'SENTINEL_TRUST_PROXY_CERT_HEADERS';
const ORIGINS = 'SENTINEL_ALLOWED_ORIGINS';

/** With the mode unknown neither value can be confirmed; say what each one assumes. */
function trustUnknownMode(key: string, value: string | undefined): Verdict {
  const reading = readBool(value);
  const fix = 'Choose the proxy mode (nginx-mtls when NGINX terminates device mTLS, direct otherwise) so this setting can be judged.';
  if (reading.kind === 'invalid') return boolVerdict(key, value, true);
  if (reading.kind === 'bool' && reading.lenient) {
    return { key, outcome: 'doubt', fix, recommended: null, message: `${key} is ${quoted(reading.raw)}: safe only if the API is reachable solely through the trusted proxy (a loopback listener); the proxy mode is unknown, so this is unconfirmed` };
  }
  const stated = reading.kind === 'bool' ? `is ${quoted(reading.raw)}` : 'is not set';
  return { key, outcome: 'doubt', fix, recommended: null, message: `${key} ${stated}: right without a proxy, but behind the NGINX mTLS proxy heartbeats then fail; the proxy mode is unknown` };
}

function trustVerdict(key: string, value: string | undefined, mode: ProxyMode): Verdict {
  switch (mode) {
    case 'nginx-mtls':
      return boolVerdict(key, value, true, ': NGINX forwards the verified client certificate in headers and the heartbeat path depends on them');
    case 'direct':
      return boolVerdict(key, value, false, ': with no proxy in front, any client can send certificate headers and pose as a device');
    case 'unknown':
      return trustUnknownMode(key, value);
    default:
      return assertNever(mode, 'proxy mode');
  }
}

function originsVerdicts(key: string, value: string | undefined): Verdict[] {
  if (value === undefined || value.trim() === '') {
    return [{ key, outcome: 'doubt', message: `${key} is ${value === undefined ? 'not set' : 'empty'}; the baseline is believed to ship * (inferred from "Replace ...=*")` }];
  }
  const problems = originProblems(value);
  if (problems.length === 0) {
    const n = value.split(',').length;
    return [{ key, outcome: 'ok', message: `${key} lists ${n} exact https origin${n === 1 ? '' : 's'}` }];
  }
  const listed = problems.map((p) => `${quoted(p.entry)} ${p.problem}`).join('; ');
  return [{ key, outcome: 'bad', message: `${key}: ${listed}` }];
}

export const NETWORK_RULES: readonly Rule[] = [
  {
    id: 'trust-proxy-cert-headers',
    group: 'network-boundary',
    appliesTo: { kind: 'key', key: TRUST },
    severity: sev('critical', 'medium'),
    reason: 'The app may trust forwarded client-certificate headers only when it is reachable solely behind the trusted proxy; the NGINX mTLS flow needs true.',
    fix: `Set ${TRUST}=true behind the NGINX mTLS proxy (API bound to loopback), false when clients reach the API directly.`,
    inferred: false,
    recommended: null,
    check: ([key = TRUST], facts) => [trustVerdict(key, facts.values.get(key), facts.proxyMode)],
  },
  {
    id: 'allowed-origins',
    group: 'network-boundary',
    appliesTo: { kind: 'key', key: ORIGINS },
    severity: sev('high', 'info'),
    reason: 'Browsers may call the API only from the exact dashboard origin(s), never *; each entry is an https origin without a path (comma-separated: inferred).',
    fix: `Set ${ORIGINS} to the dashboard origin(s), e.g. https://sentinel.example.com, separated by commas.`,
    inferred: false,
    recommended: null,
    check: ([key = ORIGINS], facts) => originsVerdicts(key, facts.values.get(key)),
  },
  boolRule({
    id: 'require-device-mtls',
    group: 'network-boundary',
    key: 'SENTINEL_REQUIRE_DEVICE_MTLS',
    expected: true,
    severity: sev('critical', 'low'),
    reason: 'The heartbeat path must refuse devices without a verified client certificate (nginx-mtls-proxy page).',
  }),
  {
    id: 'debug-off',
    group: 'network-boundary',
    appliesTo: { kind: 'pattern', describe: 'SENTINEL_*DEBUG*, FLASK_DEBUG', matches: (key) => /^(SENTINEL_\w*DEBUG\w*|FLASK_DEBUG)$/.test(key) },
    severity: sev('high', 'info'),
    reason: 'Inferred (not in the checklist): a debug switch exposes tracebacks and debug endpoints to whoever reaches the API.',
    fix: 'Set the debug switch to false (or remove it) in production.',
    inferred: true,
    recommended: 'false',
    check: (keys, facts) =>
      keys.map((key) => {
        const value = facts.values.get(key) ?? '';
        return value.trim() === '' ? { key, outcome: 'ok', message: `${key} is empty (off)` } : boolVerdict(key, value, false);
      }),
  },
];
