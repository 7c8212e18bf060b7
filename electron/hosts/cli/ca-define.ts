import type { CommandName } from '../../../shared/ipc/channels';
import type { Input, Output } from '../../../shared/ipc/types';
import type { ParsedArgs } from './args';
import { usage, type CliCommand, type CliContext, type UsageError } from './define';
import { single } from './flag-values';

/**
 * `sentinel-console ca …` verbs. Secrets come from the environment variable named by
 * --passphrase-env or from a prompt (hidden, or the first line of piped stdin), never from an
 * argument value, which ps and shell history would show.
 * Verbs that use keys first dispatch ca.unlock, then their own command, through the same router.
 */

/** 'unlock': the passphrase unlocks the vault before the command; 'input': the command takes it itself (init, import); 'none'. */
export type PassphraseUse = 'unlock' | 'input' | 'none';

export interface CaCliSpec<K extends CommandName> {
  readonly dispatches: K;
  readonly summary: string;
  readonly usage: string;
  readonly details?: string;
  readonly flags: readonly string[];
  readonly switches?: readonly string[];
  readonly passphrase: PassphraseUse;
  /** `passphrase` is the vault passphrase when `passphrase` is not 'none', else null. */
  readonly toInput: (args: ParsedArgs, ctx: CliContext, passphrase: string | null) => Input<K> | UsageError;
  readonly render: (value: Output<K>) => string;
  /** Side effect after a good answer (e.g. copy a file to --out); its text replaces the rendered output. */
  readonly deliver?: (value: Output<K>, args: ParsedArgs, ctx: CliContext) => Promise<string | null>;
}

/** A secret from the environment variable a flag names; null when the flag is absent. */
export function secretFromEnv(args: ParsedArgs, ctx: CliContext, flag: string): string | null | UsageError {
  const name = single(args, flag);
  if (name === undefined) return null;
  const value = ctx.env[name];
  if (value === undefined || value === '') return usage(`environment variable ${name} (named by ${flag}) is not set or empty`);
  return value;
}

const isUsage = (v: unknown): v is UsageError => typeof v === 'object' && v !== null && 'usageError' in v;

export function defineCaCommand<K extends CommandName>(spec: CaCliSpec<K>): CliCommand {
  const verb = spec.usage.split(' ').slice(1, 3).join(' ');
  return {
    summary: spec.summary,
    usage: spec.usage,
    details: spec.details,
    flags: spec.passphrase === 'none' ? spec.flags : [...spec.flags, '--passphrase-env'],
    switches: spec.switches ?? [],
    async execute(args, ctx, dispatch) {
      let passphrase: string | null = null;
      if (spec.passphrase !== 'none') {
        const secret = secretFromEnv(args, ctx, '--passphrase-env');
        if (isUsage(secret)) return { kind: 'usage', error: secret.usageError };
        const typed = secret === null && ctx.readSecret ? await ctx.readSecret(`CA passphrase for ${verb}: `) : null;
        if (secret === null && typed === null) {
          return { kind: 'usage', error: `${verb} needs the CA passphrase: type it at the prompt, pipe it on stdin, or name an environment variable with --passphrase-env NAME (never an argument)` };
        }
        passphrase = secret ?? typed;
      }
      const input = spec.toInput(args, ctx, passphrase);
      if (isUsage(input)) return { kind: 'usage', error: input.usageError };
      if (spec.passphrase === 'unlock' && passphrase !== null) {
        const unlocked = await dispatch('ca.unlock', { passphrase });
        if (!unlocked.ok) return { kind: 'done', result: unlocked, text: null, failed: true };
      }
      const result = await dispatch(spec.dispatches, input);
      if (!result.ok) return { kind: 'done', result, text: null, failed: true };
      const delivered = spec.deliver ? await spec.deliver(result.value, args, ctx) : null;
      return { kind: 'done', result, text: delivered ?? spec.render(result.value), failed: false };
    },
  };
}

/** A whole number flag within bounds, or undefined when absent. */
export function intFlag(args: ParsedArgs, flag: string, min: number, max: number): number | undefined | UsageError {
  const text = single(args, flag);
  if (text === undefined) return undefined;
  const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) return usage(`${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}
