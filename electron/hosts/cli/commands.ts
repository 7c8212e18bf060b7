import type { CommandName } from '../../../shared/ipc/channels';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { AppInfo } from '../../../shared/model/app-info';
import { assertNever } from '../../../shared/util/assert-never';

/** A CLI verb: which contract command it dispatches and how it prints the answer for people. */
interface CliCommand<T> {
  readonly dispatches: CommandName;
  readonly summary: string;
  readonly usage: string;
  readonly render: (value: T) => string;
}

function renderInfo(info: AppInfo): string {
  const rows: Array<[string, string]> = [
    ['Version', `${info.name} ${info.version}`],
    ['Host', info.host],
    ['Platform', `${info.platform} ${info.arch}`],
    ['Data directory', info.dataDir],
    ['Node', info.versions.node],
    ['Electron', info.versions.electron ?? 'not running under Electron'],
    ['Chromium', info.versions.chromium ?? 'not running under Electron'],
    ['V8', info.versions.v8],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

export const CLI_COMMANDS = {
  info: {
    dispatches: 'app.info',
    summary: 'Show the console version, runtime versions and data directory',
    usage: 'sentinel-console info [--json] [--data-dir PATH]',
    render: renderInfo,
  } satisfies CliCommand<AppInfo>,
} as const;

export type CliCommandName = keyof typeof CLI_COMMANDS;

/** 2 for what the operator typed or pointed at, 1 for checks or operations that failed. */
export function exitCodeFor(code: ErrorCode): 1 | 2 {
  switch (code) {
    case 'INVALID_INPUT':
    case 'UNKNOWN_COMMAND':
    case 'UNREADABLE_FILE':
    case 'NOT_FOUND':
      return 2;
    case 'FORBIDDEN':
    case 'TIMEOUT':
    case 'UNAVAILABLE':
    case 'INTERNAL':
      return 1;
    default:
      return assertNever(code, 'error code');
  }
}

export function helpText(topic: CliCommandName | null): string {
  if (topic) {
    const c = CLI_COMMANDS[topic];
    return `${c.summary}\n\nUsage: ${c.usage}\n\nExit codes: 0 ok, 1 failed checks, 2 usage or input error.`;
  }
  const names = Object.keys(CLI_COMMANDS) as CliCommandName[];
  const lines = names.map((n) => `  ${n.padEnd(10)} ${CLI_COMMANDS[n].summary}`);
  return [
    'Sentinel Console: operator console for mTLS reverse-proxy deployments.',
    '',
    'Usage: sentinel-console <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --json       print the result as JSON',
    '  --help       show help for a command',
    '  --version    print the version',
    '',
    'Exit codes: 0 ok, 1 failed checks, 2 usage or input error.',
  ].join('\n');
}
