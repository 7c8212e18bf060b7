import type { ConfigDiff, FieldError, LintFinding, NginxTestResult } from '../nginx/types';
import type { Finding } from './pki';

/** What the main process found in one file the form names (cert, key, CA, CRL, .env). */
export interface ReferencedFileCheck {
  /** The form field that names the file, e.g. `tlsCertPath`. */
  readonly field: string;
  readonly path: string;
  /** `absent`: the file is not on this machine (fine when rendering for another host). */
  readonly state: 'ok' | 'warning' | 'error' | 'absent';
  /** One line for the form, e.g. "P-256 certificate for proxy.example, 89 days left". */
  readonly summary: string;
  readonly findings: readonly Finding[];
}

/** One `.env` setting the installer flow depends on. */
export interface EnvRequirement {
  readonly name: string;
  readonly expected: string;
  /** The value dotenv would read; null when the key is absent. */
  readonly actual: string | null;
  readonly ok: boolean;
}

/** `.env` against the NGINX flow: both settings must be true before the setup is called consistent. */
export interface EnvCrossCheck {
  readonly path: string;
  /** Null when the file was read; otherwise why not. */
  readonly error: string | null;
  readonly requirements: readonly EnvRequirement[];
  readonly consistent: boolean;
  readonly message: string;
}

export type NginxRenderOutcome =
  | { readonly status: 'invalid'; readonly errors: readonly FieldError[] }
  | {
      readonly status: 'rendered';
      readonly text: string;
      /** Lint of the rendered text itself; empty for every valid input. */
      readonly lint: readonly LintFinding[];
      readonly files: readonly ReferencedFileCheck[];
      readonly env: EnvCrossCheck | null;
    };

export interface NginxLintReport {
  readonly findings: readonly LintFinding[];
  /** Files read, main file first (includes expanded). */
  readonly files: readonly string[];
}

export type { NginxTestResult };

export interface NginxDiffReport {
  readonly deployedPath: string;
  /** False when nothing is deployed yet: every line is an addition. */
  readonly deployedExists: boolean;
  readonly diff: ConfigDiff;
}

/** What install will do, shown to the operator before anything runs. */
export interface NginxInstallPlan {
  readonly deployedPath: string;
  /** Where the previous file is kept; null when there is none. */
  readonly backupPath: string | null;
  /** Commands in the order they run, each as argv. */
  readonly commands: readonly (readonly string[])[];
}

export interface InstallStep {
  readonly label: string;
  readonly command: readonly string[] | null;
  readonly ok: boolean;
  readonly output: string;
}

export interface NginxInstallReport {
  readonly plan: NginxInstallPlan;
  readonly steps: readonly InstallStep[];
  /** True when the new file is in place and nginx accepted it (and reloaded, if asked). */
  readonly installed: boolean;
  /** True when a failed check put the previous file back. */
  readonly restored: boolean;
}
