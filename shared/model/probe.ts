/**
 * The Health area's plain data: proxy profiles, what one probe run found (smoke steps, TLS
 * details, the enforcement matrix) and the history the dashboard draws.
 */
import type { ForwardedHeaderNames } from '../nginx/types';

/** The seed's smoke-test paths. */
export const DEFAULT_PROBE_PATHS = {
  live: '/api/health/live',
  ready: '/api/health/ready',
  heartbeat: '/api/heartbeat',
} as const;

export interface ProbePaths {
  readonly live: string;
  readonly ready: string;
  readonly heartbeat: string;
}

/** A device identity for the authenticated heartbeat; files are read by the main process only. */
export interface ProbeDevice {
  readonly certFile: string;
  readonly keyFile: string;
  /** The certificate's CN must equal this, or the heartbeat is not sent. */
  readonly deviceId: string;
}

export interface ProbeTimeouts {
  /** TCP connect plus TLS handshake. */
  readonly connectMs: number;
  /** Whole request, first byte to last. */
  readonly totalMs: number;
}

export const DEFAULT_PROBE_TIMEOUTS: ProbeTimeouts = { connectMs: 3000, totalMs: 8000 };

/** One proxy the operator watches; stored in the app's data directory. */
export interface ProxyProfile {
  readonly id: string;
  readonly name: string;
  /** `https://host[:port]`, no path. */
  readonly baseUrl: string;
  /** Extra trust for the proxy's certificate (`--ca-file`); null: the system store. */
  readonly caFile: string | null;
  /** Skip verification of the proxy's certificate; every result then says so. */
  readonly insecure: boolean;
  readonly device: ProbeDevice | null;
  readonly paths: ProbePaths;
  /** Names of the forwarded certificate headers, for the forged-header case of the matrix. */
  readonly headerNames: ForwardedHeaderNames;
  /**
   * Certificates for the enforcement matrix (see MATRIX_FILES); null: the matrix runs only the
   * cases that need no certificate.
   */
  readonly matrixDir: string | null;
  /** A CRL file whose nextUpdate the dashboard counts down (the one the proxy loads). */
  readonly crlFile: string | null;
  /** Periodic probing; null: paused / manual only. */
  readonly intervalSeconds: number | null;
  readonly timeouts: ProbeTimeouts;
}

/** Why a connection or request failed, classified so operators see the cause, not errno. */
export const PROBE_ERROR_CLASSES = [
  'unknown-ca',
  'hostname-mismatch',
  'expired',
  'not-yet-valid',
  'self-signed',
  'handshake-failure',
  'connection-refused',
  'dns-failure',
  'timeout',
  'connection-reset',
  'protocol-error',
  'local-file',
] as const;
export type ProbeErrorClass = (typeof PROBE_ERROR_CLASSES)[number];

export type SmokeStepId = 'live' | 'ready' | 'heartbeat-anonymous' | 'heartbeat-authenticated';

export interface ProbeStep {
  readonly id: SmokeStepId;
  /** HTTP status, or null when no response came back. */
  readonly status: number | null;
  readonly error: ProbeErrorClass | null;
  readonly ok: boolean;
  /** False when the step was not run (no device configured, or the CN pre-check refused it). */
  readonly ran: boolean;
  readonly ms: number;
  /** One plain sentence: what happened and what it means. */
  readonly reason: string;
}

/** One certificate the server sent, summarised. */
export interface ChainCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notAfter: string;
  readonly daysLeft: number;
  readonly sha256: string;
}

export type TlsProtocol = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface TlsDetails {
  readonly version: string | null;
  readonly cipher: string | null;
  readonly chain: readonly ChainCertificate[];
  /** Verification of the chain against the trust in use (null when insecure skipped it). */
  readonly chainVerified: boolean | null;
  /** Classified reason when verification failed. */
  readonly verifyError: ProbeErrorClass | null;
  readonly verifyMessage: string | null;
  readonly hostnameVerified: boolean;
  /** Whether the server sent a CertificateRequest (seen on a TLS 1.2 handshake); null: could not tell. */
  readonly requestsClientCert: boolean | null;
  /** CA names the server advertised in its CertificateRequest (RFC 4514). */
  readonly acceptableCas: readonly string[];
  /** Each protocol version tried on its own connection. */
  readonly protocols: Readonly<Record<TlsProtocol, boolean>>;
  readonly ocspStapled: boolean;
}

export const MATRIX_CASES = [
  'no-cert',
  'leaf-without-chain',
  'leaf-with-chain',
  'expired',
  'revoked',
  'wrong-ca',
  'impostor-ca-name',
  'no-client-auth',
  'forged-headers',
] as const;
export type MatrixCaseId = (typeof MATRIX_CASES)[number];

/**
 * Files the matrix reads from `matrixDir`, per case: `<name>.pem` (leaf, or leaf + chain) and
 * `<name>.key`. A missing pair skips that case with a reason.
 */
export const MATRIX_FILES: Readonly<Record<Exclude<MatrixCaseId, 'no-cert'>, string>> = {
  'leaf-without-chain': 'valid-leaf',
  'leaf-with-chain': 'valid-chain',
  expired: 'expired',
  revoked: 'revoked',
  'wrong-ca': 'wrong-ca',
  'impostor-ca-name': 'impostor',
  'no-client-auth': 'no-client-auth',
  'forged-headers': 'valid-chain',
};

export interface MatrixResult {
  readonly id: MatrixCaseId;
  readonly expected: 'accept' | 'reject';
  readonly outcome: 'accepted' | 'rejected' | 'error' | 'skipped';
  readonly status: number | null;
  readonly error: ProbeErrorClass | null;
  /** Handshake error text, the proxy's JSON error, or why the case was skipped. */
  readonly detail: string;
  /** outcome matches expected (skipped cases are not ok and not failed). */
  readonly ok: boolean;
}

export interface ProbeReport {
  readonly profileId: string | null;
  readonly baseUrl: string;
  readonly insecure: boolean;
  readonly at: string;
  readonly ms: number;
  readonly tls: TlsDetails | null;
  readonly steps: readonly ProbeStep[];
  readonly matrix: readonly MatrixResult[] | null;
  /** Every step that ran is ok (and every matrix case that ran, when the matrix ran). */
  readonly ok: boolean;
  /** The first failing step's reason, or a one-line all-clear. */
  readonly summary: string;
}

/** What the dashboard keeps per run (bounded history); the full report is only kept for the last run. */
export interface ProbeHistoryEntry {
  readonly at: string;
  readonly ok: boolean;
  /** Total wall time of the smoke steps. */
  readonly ms: number;
  readonly summary: string;
  readonly failedSteps: readonly SmokeStepId[];
}

/** Days until things expire, for the card. Null when not known / not configured. */
export interface ExpiryFacts {
  readonly serverCertDays: number | null;
  readonly deviceCertDays: number | null;
  readonly crlNextUpdateDays: number | null;
}

export interface ProfileStatus {
  readonly profile: ProxyProfile;
  readonly last: ProbeReport | null;
  readonly history: readonly ProbeHistoryEntry[];
  readonly expiry: ExpiryFacts;
  /** True while a scheduled timer runs for this profile. */
  readonly scheduled: boolean;
  readonly running: boolean;
}

export const MAX_HISTORY = 1000;
