import { CommandFailure } from '../../../shared/ipc/errors';
import type { NginxConfigSource } from '../../../shared/ipc/nginx-schemas';
import { locateQuotedPaths, mapMessagePaths, parseNginxTestOutput, type PathMapping } from '../../../shared/nginx/nginx-t-output';
import type { NginxTestResult } from '../../../shared/nginx/types';
import type { NginxFs } from './fs';
import { describeFailure, type ProcessRunner } from './runner';
import type { NginxSettings } from './service-types';
import { prefixArgs } from './settings';
import { isFullConfig, resolveSource, type ConfigText } from './source';

export interface CheckDeps {
  readonly fs: NginxFs;
  readonly run: ProcessRunner;
  readonly settings: NginxSettings;
}

/**
 * The main config around a conf.d snippet: everything nginx would otherwise write (pid, logs,
 * temp files) stays in the scratch prefix, so the check works without root. The include comes
 * last so a directive the snippet repeats is reported at the snippet's line.
 */
function wrapperConf(snippet: string): string {
  return `# Written by Sentinel Console to check a conf.d snippet; removed after the check.
pid logs/nginx.pid;
error_log logs/error.log;
events {}
http {
    access_log logs/access.log;
    client_body_temp_path tmp/client_body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    include ${snippet};
}
`;
}

/** A file name safe inside the scratch conf dir, never the wrapper's own name. */
function copyName(name: string): string {
  const base = (name.split('/').pop() ?? '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return base === '' || base === 'nginx.conf' ? 'site.conf' : base;
}

interface Plan {
  readonly argv: string[];
  readonly mappings: PathMapping[];
}

async function prepare(deps: CheckDeps, config: ConfigText, scratch: string): Promise<Plan> {
  const errorLog = `${scratch}/logs/error.log`;
  if (await isFullConfig(config)) {
    // A config on disk is checked in place: its relative includes resolve against its own directory.
    if (config.onDisk) return { argv: [deps.settings.binary, '-t', ...prefixArgs(deps.settings), '-c', config.name, '-e', errorLog], mappings: [] };
    const copy = `${scratch}/conf/${copyName(config.name)}`;
    await deps.fs.writeFile(copy, config.text);
    return { argv: [deps.settings.binary, '-t', '-p', `${scratch}/`, '-c', copy, '-e', errorLog], mappings: [{ from: copy, to: config.name, keepLine: true }] };
  }
  const copy = `${scratch}/conf/${copyName(config.name)}`;
  const wrapper = `${scratch}/conf/nginx.conf`;
  await deps.fs.writeFile(copy, config.text);
  await deps.fs.writeFile(wrapper, wrapperConf(copy));
  return {
    argv: [deps.settings.binary, '-t', '-p', `${scratch}/`, '-c', 'conf/nginx.conf', '-e', errorLog],
    mappings: [
      { from: copy, to: config.name, keepLine: true },
      { from: wrapper, to: config.name, keepLine: false },
    ],
  };
}

/** `nginx -t` of a snippet (inside a generated main config) or of a whole config, messages on the operator's lines. */
export async function checkConfig(deps: CheckDeps, source: NginxConfigSource): Promise<NginxTestResult> {
  const config = await resolveSource(deps.fs, source);
  const scratch = await deps.fs.makeTempDir('sentinel-nginx-check-');
  try {
    for (const dir of ['conf', 'logs', 'tmp']) await deps.fs.mkdir(`${scratch}/${dir}`);
    const plan = await prepare(deps, config, scratch);
    const run = await deps.run(plan.argv, { timeoutMs: deps.settings.timeoutMs });
    const failure = describeFailure(run, deps.settings.timeoutMs);
    if (run.spawnError !== null) throw new CommandFailure('UNAVAILABLE', `Cannot check the config: ${failure}. Install nginx, or set SENTINEL_NGINX_BIN to its path.`);
    if (failure !== null) {
      throw new CommandFailure(run.timedOut ? 'TIMEOUT' : 'INTERNAL', `Cannot check the config: ${failure}. Try again; if it repeats, run the command by hand: ${plan.argv.join(' ')}`);
    }
    const messages = locateQuotedPaths(mapMessagePaths(parseNginxTestOutput(run.stderr), plan.mappings), config.name, config.text);
    return { ok: run.exitCode === 0, command: plan.argv, messages, output: run.stderr, durationMs: run.durationMs };
  } finally {
    await deps.fs.removeTree(scratch);
  }
}
