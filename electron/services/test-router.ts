import type { Router } from '../../shared/ipc/types';
import { COMMANDS } from '../../shared/ipc/channels';
import { CommandFailure } from '../../shared/ipc/errors';

/**
 * A Router for transport tests: `app.info` answers from the given facts and every other
 * command fails loudly, so a test exercises the transport, not the services.
 */
export function transportTestRouter(overrides: Partial<Router>): Router {
  const refuse = async (): Promise<never> => {
    throw new CommandFailure('UNAVAILABLE', 'not wired in this transport test');
  };
  const all = Object.fromEntries(COMMANDS.map((name) => [name, refuse])) as unknown as Router;
  return { ...all, ...overrides };
}
