import { CLI_COMMANDS, type CliCommandName } from './commands';

export type CliRequest =
  | { readonly kind: 'help'; readonly topic: CliCommandName | null }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CliCommandName; readonly json: boolean; readonly dataDir: string | undefined };

export type CliParse = { readonly ok: true; readonly request: CliRequest } | { readonly ok: false; readonly error: string };

function isCliCommand(name: string): name is CliCommandName {
  return Object.hasOwn(CLI_COMMANDS, name);
}

/** Parses argv into a request or a one-line usage error (exit code 2). Pure. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    const topic = argv[1];
    if (topic !== undefined && !isCliCommand(topic)) return { ok: false, error: `unknown command "${topic}"` };
    return { ok: true, request: { kind: 'help', topic: topic ?? null } };
  }
  if (argv[0] === '--version' || argv[0] === '-V') return { ok: true, request: { kind: 'version' } };
  const [name, ...rest] = argv as [string, ...string[]];
  if (name.startsWith('-')) return { ok: false, error: `unknown option "${name}" (try --help)` };
  if (!isCliCommand(name)) return { ok: false, error: `unknown command "${name}" (try --help)` };
  let json = false;
  let dataDir: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] as string;
    if (flag === '--json') json = true;
    else if (flag === '--help' || flag === '-h') return { ok: true, request: { kind: 'help', topic: name } };
    else if (flag === '--data-dir') {
      const value = rest[++i];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: '--data-dir needs a path' };
      dataDir = value;
    } else return { ok: false, error: `unknown option "${flag}" for ${name} (try sentinel-console ${name} --help)` };
  }
  return { ok: true, request: { kind: 'run', command: name, json, dataDir } };
}
