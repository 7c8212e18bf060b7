import type { CommandName } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import type { Input, Output } from '../../../shared/ipc/types';
import type { ParsedArgs } from './args';

/** What a command may read from the invoking shell: environment and working directory. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
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
  readonly toInput: (args: ParsedArgs, ctx: CliContext) => Input<K> | UsageError;
  readonly render: (value: Output<K>) => string;
  /** True when the answer means "checks failed" (exit 1). */
  readonly failed?: (value: Output<K>) => boolean;
}

export type CliOutcome =
  | { readonly kind: 'usage'; readonly error: string }
  | { readonly kind: 'done'; readonly result: Result<unknown>; readonly text: string | null; readonly failed: boolean };

/** The type-erased form the command table holds; `execute` keeps the command's own types inside. */
export interface CliCommand {
  readonly summary: string;
  readonly usage: string;
  readonly details: string | undefined;
  readonly flags: readonly string[];
  execute(args: ParsedArgs, ctx: CliContext, dispatch: Dispatcher): Promise<CliOutcome>;
}

export function defineCommand<K extends CommandName>(spec: CliCommandSpec<K>): CliCommand {
  return {
    summary: spec.summary,
    usage: spec.usage,
    details: spec.details,
    flags: spec.flags,
    async execute(args, ctx, dispatch) {
      const input = spec.toInput(args, ctx);
      if (typeof input === 'object' && input !== null && 'usageError' in input) return { kind: 'usage', error: input.usageError };
      const result = await dispatch(spec.dispatches, input);
      if (!result.ok) return { kind: 'done', result, text: null, failed: true };
      return { kind: 'done', result, text: spec.render(result.value), failed: spec.failed?.(result.value) ?? false };
    },
  };
}
