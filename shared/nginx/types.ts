/**
 * The NGINX area's plain data: what the renderer takes, what the parser and lint produce,
 * what `nginx -t`, the diff and the installer report. Pure types; no behaviour lives here.
 */

/** Headers that carry the verified client certificate to the upstream. */
export interface ForwardedHeaderNames {
  readonly verify: string;
  readonly subjectDn: string;
  readonly issuerDn: string;
  readonly serial: string;
  readonly fingerprint: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly cert: string;
}

export const HEADER_ROLES = ['verify', 'subjectDn', 'issuerDn', 'serial', 'fingerprint', 'validFrom', 'validTo', 'cert'] as const satisfies readonly (keyof ForwardedHeaderNames)[];
export type HeaderRole = (typeof HEADER_ROLES)[number];

/**
 * Documented defaults. The platform's exact names are not public, so every one can be
 * overridden; the nginx variable behind each role is fixed (see render/headers.ts).
 */
export const DEFAULT_HEADER_NAMES: ForwardedHeaderNames = {
  verify: 'X-SSL-Client-Verify',
  subjectDn: 'X-SSL-Client-S-DN',
  issuerDn: 'X-SSL-Client-I-DN',
  serial: 'X-SSL-Client-Serial',
  fingerprint: 'X-SSL-Client-Fingerprint',
  validFrom: 'X-SSL-Client-V-Start',
  validTo: 'X-SSL-Client-V-End',
  cert: 'X-SSL-Client-Cert',
};

/** Where the installer writes the config unless the operator names another file. */
export const DEFAULT_DEPLOYED_PATH = '/etc/nginx/conf.d/sentinel-secure-x.conf';
/** The seed's Waitress listener. */
export const DEFAULT_UPSTREAM_URL = 'http://127.0.0.1:8000';

export type TlsVersion = 'TLSv1.2' | 'TLSv1.3';

export type OcspSetting =
  | { readonly mode: 'off' }
  /** `ssl_ocsp on|leaf`; responder overrides the certificates' AIA (http:// only); resolver needed for host names. */
  | { readonly mode: 'on' | 'leaf'; readonly responderUrl: string | null; readonly resolver: string | null };

/** The installer's inputs plus the console's options; paths are absolute as they are on the proxy host. */
export interface NginxRenderInput {
  readonly serverName: string;
  readonly tlsCertPath: string;
  readonly tlsKeyPath: string;
  readonly clientCaPath: string;
  /** The Flask API behind the proxy, e.g. `http://127.0.0.1:8000`. */
  readonly upstreamUrl: string;
  readonly envFilePath: string | null;
  /** nginx `listen` addresses: `443`, `127.0.0.1:8443`, `[::]:443`. At least one. */
  readonly listen: readonly string[];
  readonly crlPath: string | null;
  readonly ocsp: OcspSetting;
  readonly verifyDepth: number;
  readonly tlsVersions: readonly TlsVersion[];
  readonly hsts: { readonly maxAgeSeconds: number; readonly includeSubdomains: boolean } | null;
  readonly headerNames: ForwardedHeaderNames;
  /** The upstream must be loopback unless the operator sets this explicitly. */
  readonly allowRemoteUpstream: boolean;
}

/** Paths of the seed's API that the config treats specially. */
export const API_PATHS = {
  heartbeat: '/api/heartbeat',
  healthLive: '/api/health/live',
  healthReady: '/api/health/ready',
} as const;

/** A refused input: which field (dotted path, e.g. `headerNames.serial`, `listen.1`) and why. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type ValidatedRenderInput =
  | { readonly ok: true; readonly value: NginxRenderInput }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Where a directive or a message sits: the file as given (absolute when known) and the 1-based line. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One nginx directive; `block` is null for `name args;` and the children for `name args { ... }`. */
export interface NginxDirective {
  readonly name: string;
  /** Arguments with quotes removed and escapes resolved, as nginx sees them. */
  readonly args: readonly string[];
  readonly pos: SourcePos;
  readonly block: readonly NginxDirective[] | null;
}

export interface ParseError {
  readonly pos: SourcePos;
  readonly message: string;
}

/** A config with `include`s expanded in place (each directive keeps its own file and line). */
export interface ParsedNginxConfig {
  readonly file: string;
  readonly directives: readonly NginxDirective[];
  /** Syntax errors and unreadable includes; parsing continues past them where it can. */
  readonly errors: readonly ParseError[];
  /** Every file that was read, main file first. */
  readonly files: readonly string[];
}

/** Lexical classes for highlighting; the same tokenizer feeds the parser so both agree. */
export type TokenKind = 'directive' | 'argument' | 'string' | 'variable' | 'comment' | 'punctuation' | 'whitespace';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export const LINT_IDS = ['M-1', 'M-2', 'M-5', 'M-6', 'M-7', 'M-8', 'M-9', 'M-11', 'M-12', 'M-15', 'M-20', 'PARSE'] as const;
export type LintId = (typeof LINT_IDS)[number];

export type LintSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** One misconfiguration from proxy-matrix §4, located at the directive that causes it. */
export interface LintFinding {
  readonly id: LintId;
  readonly severity: LintSeverity;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly fix: string;
}

/** A message from `nginx -t`, with the file and line nginx named when it named one. */
export interface NginxTestMessage {
  readonly level: 'emerg' | 'alert' | 'crit' | 'error' | 'warn' | 'notice' | 'info';
  readonly message: string;
  readonly file: string | null;
  readonly line: number | null;
}

export interface NginxTestResult {
  readonly ok: boolean;
  /** The command as run, for the operator to repeat by hand. */
  readonly command: readonly string[];
  readonly messages: readonly NginxTestMessage[];
  /** nginx's stderr verbatim. */
  readonly output: string;
  readonly durationMs: number;
}

export type { ConfigDiff, DiffRow } from '../util/line-diff';
