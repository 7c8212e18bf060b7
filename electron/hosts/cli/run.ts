import { dispatch } from '../../services/dispatch';
import { APP_NAME, APP_VERSION } from '../../services/app-version';
import type { Router } from '../../../shared/ipc/types';
import { parseCliArgs } from './args';
import { CLI_COMMANDS, exitCodeFor, helpText } from './commands';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Runs one CLI invocation against a router and returns the exit code; no process globals. */
export async function runCli(
  argv: readonly string[],
  makeRouter: (dataDir: string | undefined) => Router,
  io: CliIo,
): Promise<0 | 1 | 2> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr(`sentinel-console: ${parsed.error}\n`);
    return 2;
  }
  const request = parsed.request;
  if (request.kind === 'help') {
    io.stdout(helpText(request.topic) + '\n');
    return 0;
  }
  if (request.kind === 'version') {
    io.stdout(`${APP_NAME} ${APP_VERSION}\n`);
    return 0;
  }
  const command = CLI_COMMANDS[request.command];
  const result = await dispatch(makeRouter(request.dataDir), command.dispatches, {});
  if (!result.ok) {
    if (request.json) io.stdout(JSON.stringify(result) + '\n');
    io.stderr(`sentinel-console: ${result.error.message.split('\n')[0]} [${result.error.code}]\n`);
    return exitCodeFor(result.error.code);
  }
  io.stdout((request.json ? JSON.stringify(result.value, null, 2) : command.render(result.value)) + '\n');
  return 0;
}
