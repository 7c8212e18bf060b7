import { isAbsolute, resolve } from 'node:path';
import type { ParsedArgs } from './args';
import type { CliContext } from './define';

/** The single value of a flag, or undefined; repeated single-value flags keep the last. */
export function single(args: ParsedArgs, flag: string): string | undefined {
  const all = args.values.get(flag);
  return all?.[all.length - 1];
}

export function all(args: ParsedArgs, flag: string): readonly string[] {
  return args.values.get(flag) ?? [];
}

/** A path source resolved against the shell's working directory, as users expect of a CLI. */
export function pathSource(ctx: CliContext, path: string): { kind: 'path'; path: string } {
  return { kind: 'path', path: isAbsolute(path) ? path : resolve(ctx.cwd, path) };
}

export type Role = 'device' | 'proxy' | 'any';

export function parseRole(value: string | undefined): Role | { usageError: string } {
  if (value === undefined) return 'any';
  if (value === 'device' || value === 'proxy' || value === 'any') return value;
  return { usageError: `--role must be device, proxy or any, got "${value}"` };
}

export function parseAt(value: string | undefined): string | undefined | { usageError: string } {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return { usageError: `--at must be an ISO 8601 time, got "${value}"` };
  return new Date(t).toISOString();
}
