import { z } from '../../shared/ipc/zod';
import { isCommandName, type CommandName } from '../../shared/ipc/channels';
import { loadInputSchema } from '../../shared/ipc/input-loader';
import { CommandFailure } from '../../shared/ipc/errors';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { Output, Router } from '../../shared/ipc/types';

/**
 * The single entry every host calls: validates the name and input against the contract,
 * runs the handler and wraps whatever happens in a Result value.
 */
export async function dispatch<K extends CommandName>(
  router: Router,
  name: K,
  raw: unknown,
): Promise<Result<Output<K>>>;
export async function dispatch(router: Router, name: string, raw: unknown): Promise<Result<unknown>>;
export async function dispatch(router: Router, name: string, raw: unknown): Promise<Result<unknown>> {
  if (!isCommandName(name)) {
    return fail('UNKNOWN_COMMAND', `Unknown command "${name.slice(0, 80)}". Check the console version.`);
  }
  const parsed = z.safeParse(await loadInputSchema(name), raw ?? {});
  if (!parsed.success) {
    return fail('INVALID_INPUT', `Invalid input for ${name}: ${z.prettifyError(parsed.error)}`);
  }
  try {
    const handler = router[name] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (err) {
    if (err instanceof CommandFailure) return fail(err.code, err.message);
    const detail = err instanceof Error ? err.message : String(err);
    return fail('INTERNAL', `${name} failed unexpectedly: ${detail}`);
  }
}
