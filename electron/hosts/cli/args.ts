import { CLI_COMMANDS, type CliCommandName } from './commands';

/** Flags every command accepts, plus the ones a command declares. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** Flags without a value that were given (a command declares them as switches). */
  readonly switches: ReadonlySet<string>;
  readonly json: boolean;
  readonly dataDir: string | undefined;
}

export type CliRequest =
  | { readonly kind: 'help'; readonly topic: CliCommandName | null }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CliCommandName; readonly args: ParsedArgs };

export type CliParse = { readonly ok: true; readonly request: CliRequest } | { readonly ok: false; readonly error: string };

function isCliCommand(name: string): name is CliCommandName {
  return Object.hasOwn(CLI_COMMANDS, name);
}

/** Verbs that take a sub-verb (`nginx render`); the pair is the command name. */
const GROUPS = new Set(Object.keys(CLI_COMMANDS).filter((n) => n.includes(' ')).map((n) => n.split(' ')[0] as string));

/** `['nginx', 'lint', 'x.conf']` → `['nginx lint', 'x.conf']`; a lone group name stays as it is. */
function joinGroup(argv: readonly string[]): readonly string[] {
  const [first, second, ...rest] = argv;
  if (first !== undefined && GROUPS.has(first) && second !== undefined && !second.startsWith('-')) return [`${first} ${second}`, ...rest];
  return argv;
}

function groupUsage(group: string): string {
  const verbs = Object.keys(CLI_COMMANDS).filter((n) => n.startsWith(`${group} `)).map((n) => n.slice(group.length + 1));
  return `${group} needs one of: ${verbs.join(', ')} (try sentinel-console --help)`;
}

/** Parses argv into a request or a one-line usage error (exit code 2). Pure. */
export function parseCliArgs(rawArgv: readonly string[]): CliParse {
  const argv = joinGroup(rawArgv);
  if (argv.length >= 2 && (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') && GROUPS.has(argv[1] as string)) {
    return helpFor(joinGroup(argv.slice(1)));
  }
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    return helpFor(argv.slice(1));
  }
  if (argv[0] === '--version' || argv[0] === '-V') return { ok: true, request: { kind: 'version' } };
  const [name, ...rest] = argv as [string, ...string[]];
  if (name.startsWith('-')) return { ok: false, error: `unknown option "${name}" (try --help)` };
  if (GROUPS.has(name)) return { ok: false, error: groupUsage(name) };
  if (!isCliCommand(name)) return { ok: false, error: `unknown command "${name}" (try --help)` };
  const accepted: readonly string[] = CLI_COMMANDS[name].flags;
  const acceptedSwitches: readonly string[] = CLI_COMMANDS[name].switches;
  const switches = new Set<string>();
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  let json = false;
  let dataDir: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return { ok: true, request: { kind: 'help', topic: name } };
    else if (acceptedSwitches.includes(arg)) switches.add(arg);
    else if (arg === '--data-dir' || accepted.includes(arg)) {
      const value = rest[++i];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `${arg} needs a value` };
      if (arg === '--data-dir') dataDir = value;
      else values.set(arg, [...(values.get(arg) ?? []), value]);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, error: `unknown option "${arg}" for ${name} (try sentinel-console ${name} --help)` };
    } else positionals.push(arg);
  }
  return { ok: true, request: { kind: 'run', command: name, args: { positionals, values, switches, json, dataDir } } };
}

function helpFor(rest: readonly string[]): CliParse {
  const topic = rest[0];
  if (topic !== undefined && GROUPS.has(topic)) return { ok: false, error: groupUsage(topic) };
  if (topic !== undefined && !isCliCommand(topic)) return { ok: false, error: `unknown command "${topic}"` };
  return { ok: true, request: { kind: 'help', topic: topic ?? null } };
}
