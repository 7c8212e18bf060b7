// Sample Health area data for renderer tests: profiles in each state, reports with TLS details and a matrix.
import {
  DEFAULT_PROBE_PATHS,
  DEFAULT_PROBE_TIMEOUTS,
  type MatrixResult,
  type ProbeHistoryEntry,
  type ProbeReport,
  type ProbeStep,
  type ProfileStatus,
  type ProxyProfile,
  type TlsDetails,
} from '../../shared/model/probe';
import { DEFAULT_HEADER_NAMES } from '../../shared/nginx/types';

/** The clock the tests freeze Date at; sample times are minutes before it. */
export const NOW = Date.parse('2025-06-01T12:00:00.000Z');
export const minutesAgo = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString();

export function sampleProfile(overrides: Partial<ProxyProfile> = {}): ProxyProfile {
  return {
    id: 'edge-a',
    name: 'Edge A',
    baseUrl: 'https://edge-a.example.com',
    caFile: '/etc/sentinel/ca.pem',
    insecure: false,
    device: { certFile: '/etc/sentinel/probe.pem', keyFile: '/etc/sentinel/probe.key', deviceId: 'probe-edge-a' },
    paths: DEFAULT_PROBE_PATHS,
    headerNames: DEFAULT_HEADER_NAMES,
    matrixDir: '/etc/sentinel/matrix',
    crlFile: '/etc/sentinel/crl.pem',
    intervalSeconds: 300,
    timeouts: DEFAULT_PROBE_TIMEOUTS,
    ...overrides,
  };
}

export const PASSING_STEPS: readonly ProbeStep[] = [
  { id: 'live', status: 200, error: null, ok: true, ran: true, ms: 12, reason: 'Live answered 200.' },
  { id: 'ready', status: 200, error: null, ok: true, ran: true, ms: 15, reason: 'Ready answered 200.' },
  { id: 'heartbeat-anonymous', status: 401, error: null, ok: true, ran: true, ms: 9, reason: 'Refused without a client certificate (401), as it should.' },
  { id: 'heartbeat-authenticated', status: 200, error: null, ok: true, ran: true, ms: 31, reason: 'Accepted the device certificate for probe-edge-a.' },
];

export const ANONYMOUS_ACCEPTED_REASON = 'The heartbeat answered 200 without a client certificate: the proxy does not require one.';

export const FAILING_STEPS: readonly ProbeStep[] = [
  PASSING_STEPS[0] as ProbeStep,
  PASSING_STEPS[1] as ProbeStep,
  { id: 'heartbeat-anonymous', status: 200, error: null, ok: false, ran: true, ms: 11, reason: ANONYMOUS_ACCEPTED_REASON },
  { id: 'heartbeat-authenticated', status: null, error: null, ok: false, ran: false, ms: 0, reason: 'Not run: no device certificate in this profile.' },
];

export const TLS: TlsDetails = {
  version: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  chain: [
    { subject: 'CN=edge-a.example.com', issuer: 'CN=Sentinel Proxy CA', serialNumber: '0a1b', notAfter: '2025-07-16T00:00:00.000Z', daysLeft: 45, sha256: 'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99' },
    { subject: 'CN=Sentinel Proxy CA', issuer: 'CN=Sentinel Root', serialNumber: '01', notAfter: '2025-06-11T00:00:00.000Z', daysLeft: 10, sha256: '11:22:33' },
  ],
  chainVerified: true,
  verifyError: null,
  verifyMessage: null,
  hostnameVerified: true,
  requestsClientCert: true,
  acceptableCas: ['CN=Sentinel Device CA,O=Sentinel'],
  protocols: { TLSv1: false, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true },
  ocspStapled: false,
};

export const MATRIX: readonly MatrixResult[] = [
  { id: 'no-cert', expected: 'reject', outcome: 'rejected', status: 401, error: null, detail: 'client certificate required', ok: true },
  { id: 'leaf-with-chain', expected: 'accept', outcome: 'accepted', status: 200, error: null, detail: 'accepted', ok: true },
  { id: 'revoked', expected: 'reject', outcome: 'accepted', status: 200, error: null, detail: 'The revoked certificate was let through: the proxy does not check the CRL.', ok: false },
  { id: 'wrong-ca', expected: 'reject', outcome: 'error', status: null, error: 'handshake-failure', detail: 'alert 48 unknown ca', ok: true },
  { id: 'expired', expected: 'reject', outcome: 'skipped', status: null, error: null, detail: 'expired.pem and expired.key are not in the matrix directory.', ok: false },
];

export function sampleReport(overrides: Partial<ProbeReport> = {}): ProbeReport {
  return {
    profileId: 'edge-a',
    baseUrl: 'https://edge-a.example.com',
    insecure: false,
    at: minutesAgo(3),
    ms: 67,
    tls: TLS,
    steps: PASSING_STEPS,
    matrix: null,
    ok: true,
    summary: 'All smoke steps passed.',
    ...overrides,
  };
}

/** `count` runs a minute apart, newest first; the runs at `failedAt` (indexes) failed. */
export function sampleHistory(count: number, failedAt: readonly number[] = []): ProbeHistoryEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const ok = !failedAt.includes(i);
    return { at: minutesAgo(3 + i), ok, ms: 40 + ((i * 17) % 50), summary: ok ? 'All smoke steps passed.' : ANONYMOUS_ACCEPTED_REASON, failedSteps: ok ? [] : ['heartbeat-anonymous'] };
  });
}

export const HEALTHY: ProfileStatus = {
  profile: sampleProfile(),
  last: sampleReport(),
  history: sampleHistory(8, [2, 5]),
  expiry: { serverCertDays: 45, deviceCertDays: 12, crlNextUpdateDays: 0 },
  scheduled: true,
  running: false,
};

export const FAILING: ProfileStatus = {
  profile: sampleProfile({ id: 'edge-b', name: 'Edge B', baseUrl: 'https://edge-b.example.com:8443', device: null, intervalSeconds: null }),
  last: sampleReport({ profileId: 'edge-b', baseUrl: 'https://edge-b.example.com:8443', steps: FAILING_STEPS, ok: false, summary: ANONYMOUS_ACCEPTED_REASON }),
  history: sampleHistory(3, [0]),
  expiry: { serverCertDays: 200, deviceCertDays: null, crlNextUpdateDays: -2 },
  scheduled: false,
  running: false,
};

export const NEVER: ProfileStatus = {
  profile: sampleProfile({ id: 'lab', name: 'Lab proxy', baseUrl: 'https://lab.internal', caFile: null, device: null, matrixDir: null, crlFile: null, intervalSeconds: null }),
  last: null,
  history: [],
  expiry: { serverCertDays: null, deviceCertDays: null, crlNextUpdateDays: null },
  scheduled: false,
  running: false,
};

export const INSECURE: ProfileStatus = {
  profile: sampleProfile({ id: 'staging', name: 'Staging', baseUrl: 'https://staging.example.com', caFile: null, insecure: true, intervalSeconds: null }),
  last: sampleReport({
    profileId: 'staging',
    baseUrl: 'https://staging.example.com',
    insecure: true,
    tls: { ...TLS, chainVerified: null },
    summary: 'All smoke steps passed (certificate verification off).',
  }),
  history: sampleHistory(2),
  expiry: { serverCertDays: 90, deviceCertDays: 90, crlNextUpdateDays: 5 },
  scheduled: false,
  running: false,
};

/** HEALTHY after a matrix run with one mismatch (revoked let through) and one skipped case. */
export const WITH_MATRIX: ProfileStatus = {
  ...HEALTHY,
  last: sampleReport({ matrix: MATRIX, ok: false, summary: 'The revoked certificate was let through: the proxy does not check the CRL.' }),
};
