import type { ParsedInput } from '../../../shared/ipc/types';
import type {
  NginxDiffReport,
  NginxInstallPlan,
  NginxInstallReport,
  NginxLintReport,
  NginxRenderOutcome,
  NginxTestResult,
} from '../../../shared/model/nginx';

/** The NGINX area's main-process side: everything that reads files or runs nginx. */
export interface NginxService {
  render(input: ParsedInput<'nginx.render'>): Promise<NginxRenderOutcome>;
  lint(input: ParsedInput<'nginx.lint'>): Promise<NginxLintReport>;
  check(input: ParsedInput<'nginx.check'>): Promise<NginxTestResult>;
  diff(input: ParsedInput<'nginx.diff'>): Promise<NginxDiffReport>;
  installPlan(input: ParsedInput<'nginx.installPlan'>): Promise<NginxInstallPlan>;
  install(input: ParsedInput<'nginx.install'>): Promise<NginxInstallReport>;
}

/**
 * How this machine runs nginx. Set by the host (flags or environment), never by a caller of
 * a command: the renderer must not be able to choose what the main process executes.
 */
export interface NginxSettings {
  /** Debian: /usr/sbin/nginx. */
  readonly binary: string;
  /** Arguments that select the deployed main config for `nginx -t` after install; [] = nginx's default. */
  readonly mainConfigArgs: readonly string[];
  /** Reload command as argv; default [binary, ...mainConfigArgs, '-s', 'reload']. */
  readonly reloadCommand: readonly string[];
  /** Bound on every nginx run. */
  readonly timeoutMs: number;
}
