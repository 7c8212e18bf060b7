import { dispatch } from '../../services/dispatch';
import { APP_NAME, APP_VERSION } from '../../services/app-version';
import type { Router } from '../../../shared/ipc/types';
import { parseCliArgs } from './args';
import { CLI_COMMANDS, exitCodeFor, helpText } from './commands';
import type { CliContext, Dispatcher } from './define';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly writeFile?: CliContext['writeFile'];
  readonly readSecret?: CliContext['readSecret'];
  /** stdout is a terminal: --json output is indented for people there, one line for programs elsewhere. */
  readonly stdoutIsTerminal?: boolean;
}

const noWrites: CliContext['writeFile'] = async (path) => {
  throw new Error(`this CLI host cannot write files (asked to write ${path})`);
};

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
  const json = (value: unknown): string => `${JSON.stringify(value, null, io.stdoutIsTerminal ? 2 : undefined)}\n`;
  const router = makeRouter(request.args.dataDir);
  const call: Dispatcher = (name, input) => dispatch(router, name, input);
  const outcome = await CLI_COMMANDS[request.command].execute(request.args, { env: io.env ?? {}, cwd: io.cwd ?? '/', writeFile: io.writeFile ?? noWrites, stderr: io.stderr, ...(io.readSecret ? { readSecret: io.readSecret } : {}) }, call);
  if (outcome.kind === 'usage') {
    io.stderr(`sentinel-console: ${outcome.error}\n`);
    return 2;
  }
  if (outcome.kind === 'invalid') {
    if (request.args.json) io.stdout(json(outcome.result.ok ? outcome.result.value : outcome.result));
    io.stderr(`sentinel-console: ${outcome.error}\n`);
    return 2;
  }
  const { result } = outcome;
  if (!result.ok) {
    if (request.args.json) io.stdout(json(result));
    io.stderr(`sentinel-console: ${result.error.message.split('\n')[0]} [${result.error.code}]\n`);
    return exitCodeFor(result.error.code);
  }
  io.stdout(request.args.json ? json(outcome.json ? outcome.json.value : result.value) : `${outcome.text ?? ''}\n`);
  return outcome.failed ? 1 : 0;
}
