import type { ErrorCode } from '../../../shared/ipc/errors';
import { assertNever } from '../../../shared/util/assert-never';
import type { CliCommand } from './define';
import { infoCommand } from './info-command';
import { inspectCommand } from './inspect-command';
import { verifyCommand } from './verify-command';
import { nginxCheckCommand, nginxLintCommand, nginxRenderCommand } from './nginx-commands';
import { probeCommand } from './probe-command';
import {
  caCrlCommand,
  caExportCommand,
  caImportCommand,
  caInitCommand,
  caIntermediateCommand,
  caIssueCommand,
  caListCommand,
  caRevokeCommand,
  caSignCsrCommand,
  caStatusCommand,
} from './ca-commands';
import { auditEnvCommand } from './audit-env-command';
import { envSetCommand } from './env-set-command';

/** Every CLI verb; each dispatches one contract command through the same router as the app. */
export const CLI_COMMANDS = {
  info: infoCommand,
  inspect: inspectCommand,
  verify: verifyCommand,
  'nginx render': nginxRenderCommand,
  'nginx lint': nginxLintCommand,
  'nginx check': nginxCheckCommand,
  probe: probeCommand,
  'ca status': caStatusCommand,
  'ca init': caInitCommand,
  'ca import': caImportCommand,
  'ca intermediate': caIntermediateCommand,
  'ca issue': caIssueCommand,
  'ca sign-csr': caSignCsrCommand,
  'ca revoke': caRevokeCommand,
  'ca crl': caCrlCommand,
  'ca list': caListCommand,
  'ca export': caExportCommand,
  'audit env': auditEnvCommand,
  'env set': envSetCommand,
} as const satisfies Record<string, CliCommand>;

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
    const c: CliCommand = CLI_COMMANDS[topic];
    return [c.summary, '', `Usage: ${c.usage}`, ...(c.details ? ['', c.details] : []), '', 'Exit codes: 0 ok, 1 failed checks, 2 usage or input error.'].join('\n');
  }
  const names = Object.keys(CLI_COMMANDS) as CliCommandName[];
  const lines = names.map((n) => `  ${n.padEnd(13)} ${CLI_COMMANDS[n].summary}`);
  return [
    'Sentinel Console: operator console for mTLS reverse-proxy deployments.',
    '',
    'Usage: sentinel-console <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --json            print the result as JSON (indented on a terminal, one line otherwise)',
    '  --data-dir PATH   use this data directory',
    '  --help            show help for a command',
    '  --version         print the version',
    '',
    'Exit codes: 0 ok, 1 failed checks, 2 usage or input error.',
  ].join('\n');
}
