import type { NginxSettings } from './service-types';

/** Debian's and Ubuntu's nginx binary. */
export const DEFAULT_NGINX_BINARY = '/usr/sbin/nginx';
/** Debian's compiled-in conf prefix (`--conf-path=/etc/nginx/nginx.conf`): where relative config paths resolve. */
export const DEFAULT_CONF_PREFIX = '/etc/nginx';
export const NGINX_TIMEOUT_MS = 15_000;

type Env = Readonly<Record<string, string | undefined>>;

const set = (value: string | undefined): string | null => (value !== undefined && value.trim() !== '' ? value.trim() : null);

/**
 * How this host runs nginx, from the environment the host was started with (never from a
 * command's caller):
 *  - SENTINEL_NGINX_BIN: the binary (default /usr/sbin/nginx);
 *  - SENTINEL_NGINX_PREFIX: passed as `-p` (nginx's prefix) to every run on the deployed config;
 *  - SENTINEL_NGINX_CONF: passed as `-c` (the main config that includes the deployed file);
 *  - SENTINEL_NGINX_RELOAD: the reload command, split on whitespace with no quoting (e.g.
 *    `systemctl reload nginx`); default `<binary> [-p ..] [-c ..] -s reload`.
 */
export function nginxSettingsFromEnv(env: Env): NginxSettings {
  const binary = set(env.SENTINEL_NGINX_BIN) ?? DEFAULT_NGINX_BINARY;
  const prefix = set(env.SENTINEL_NGINX_PREFIX);
  const conf = set(env.SENTINEL_NGINX_CONF);
  const mainConfigArgs = [...(prefix ? ['-p', prefix] : []), ...(conf ? ['-c', conf] : [])];
  const reload = set(env.SENTINEL_NGINX_RELOAD);
  return {
    binary,
    mainConfigArgs,
    reloadCommand: reload ? reload.split(/\s+/) : [binary, ...mainConfigArgs, '-s', 'reload'],
    timeoutMs: NGINX_TIMEOUT_MS,
  };
}

function argAfter(args: readonly string[], flag: string): string | null {
  const at = args.indexOf(flag);
  return at >= 0 ? (args[at + 1] ?? null) : null;
}

const parent = (path: string): string => path.replace(/\/+[^/]*$/, '') || '/';

/** The `-p` pair of the host's settings, to carry along when checking another full config here. */
export function prefixArgs(settings: NginxSettings): string[] {
  const prefix = argAfter(settings.mainConfigArgs, '-p');
  return prefix ? ['-p', prefix] : [];
}

/**
 * Where nginx resolves relative paths in the deployed config (its conf prefix): the directory
 * of `-c`, joined to `-p` when `-c` is relative; Debian's /etc/nginx otherwise.
 */
export function confPrefix(settings: NginxSettings): string {
  const conf = argAfter(settings.mainConfigArgs, '-c');
  if (conf === null) return DEFAULT_CONF_PREFIX;
  if (conf.startsWith('/')) return parent(conf);
  const prefix = argAfter(settings.mainConfigArgs, '-p') ?? '/usr/share/nginx';
  return parent(`${prefix.replace(/\/+$/, '')}/${conf}`);
}
