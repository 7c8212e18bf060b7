import type { CommandName } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import type { Input, Output } from '../../../shared/ipc/types';
import type { ParsedArgs } from './args';

/** What a command may read from the invoking shell: environment and working directory. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Atomic write with a backup of the previous file; answers where the backup went. */
  readonly writeFile: (path: string, text: string) => Promise<{ backupPath: string | null }>;
  /** Notes beside the main output (stdout stays pipeable). */
  readonly stderr: (text: string) => void;
  /** Asks for a secret (hidden on a terminal, first line of piped stdin); null when none was given. */
  readonly readSecret?: (prompt: string) => Promise<string | null>;
}

/** Calls one contract command; the CLI host passes dispatch bound to its router. */
export type Dispatcher = <K extends CommandName>(name: K, input: unknown) => Promise<Result<Output<K>>>;

export interface UsageError {
  readonly usageError: string;
}

export const usage = (message: string): UsageError => ({ usageError: message });

/** A CLI verb described against one contract command, fully typed by that command. */
export interface CliCommandSpec<K extends CommandName> {
  readonly dispatches: K;
  readonly summary: string;
  readonly usage: string;
  readonly details?: string;
  /** Flags that take a value (besides --json, --data-dir, --help). */
  readonly flags: readonly string[];
  /** Flags without a value. */
  readonly switches?: readonly string[];
  readonly toInput: (args: ParsedArgs, ctx: CliContext) => Input<K> | UsageError;
  readonly render: (value: Output<K>) => string;
  /** What --json prints instead of the contract value, for commands with a documented CLI shape. */
  readonly json?: (value: Output<K>) => unknown;
  /** True when the answer means "checks failed" (exit 1). */
  readonly failed?: (value: Output<K>) => boolean;
  /** A message when the answer means "what you typed is wrong" (exit 2), e.g. field errors. */
  readonly invalid?: (value: Output<K>) => string | null;
  /** Side effect after a good answer (e.g. `--output FILE`); its text replaces the rendered output. */
  readonly deliver?: (value: Output<K>, args: ParsedArgs, ctx: CliContext) => Promise<string | null>;
}

export type CliOutcome =
  | { readonly kind: 'usage'; readonly error: string }
  /** The command answered, but the answer says the input was wrong; `result` still goes out with --json. */
  | { readonly kind: 'invalid'; readonly error: string; readonly result: Result<unknown> }
  | {
      readonly kind: 'done';
      readonly result: Result<unknown>;
      readonly text: string | null;
      readonly failed: boolean;
      /** Set when the command defines its own --json shape. */
      readonly json?: { readonly value: unknown };
    };

/** The type-erased form the command table holds; `execute` keeps the command's own types inside. */
export interface CliCommand {
  readonly summary: string;
  readonly usage: string;
  readonly details: string | undefined;
  readonly flags: readonly string[];
  readonly switches: readonly string[];
  execute(args: ParsedArgs, ctx: CliContext, dispatch: Dispatcher): Promise<CliOutcome>;
}

export function defineCommand<K extends CommandName>(spec: CliCommandSpec<K>): CliCommand {
  return {
    summary: spec.summary,
    usage: spec.usage,
    details: spec.details,
    flags: spec.flags,
    switches: spec.switches ?? [],
    async execute(args, ctx, dispatch) {
      const input = spec.toInput(args, ctx);
      if (typeof input === 'object' && input !== null && 'usageError' in input) return { kind: 'usage', error: input.usageError };
      const result = await dispatch(spec.dispatches, input);
      if (!result.ok) return { kind: 'done', result, text: null, failed: true };
      const invalid = spec.invalid?.(result.value) ?? null;
      if (invalid !== null) return { kind: 'invalid', error: invalid, result };
      const delivered = spec.deliver ? await spec.deliver(result.value, args, ctx) : null;
      const json = spec.json ? { json: { value: spec.json(result.value) } } : {};
      // --json prints the value itself: the text rendering (a few ms on a large bundle) would be thrown away.
      const text = delivered ?? (args.json ? null : spec.render(result.value));
      return { kind: 'done', result, text, failed: spec.failed?.(result.value) ?? false, ...json };
    },
  };
}
