import type { CaService } from './service-types';
import type { CaDeps } from './deps';
import { createCaContext } from './context';
import { crlCommands } from './crl';
import { exportCommands } from './export';
import { importCommands } from './import';
import { issueCommands } from './issue';
import { lifecycleCommands } from './lifecycle';
import { caOverview } from './overview';
import { renewCommands } from './renew';
import { signCsrCommands } from './sign-csr';
import { stateCommands } from './vault-commands';

/**
 * The Device CA in the main process: one method per ca.* command. Commands that use keys
 * require the unlocked vault and touch its idle timer; every key operation is in the audit log
 * before its result is returned, and fails when the log cannot be written.
 */
export function createCaService(deps: CaDeps): CaService {
  return createCaModule(deps).service;
}

/** The service plus `changed`, which pushes 'ca.changed' (deduplicated) for changes made elsewhere: the vault's idle lock. */
export function createCaModule(deps: CaDeps): { readonly service: CaService; readonly changed: () => Promise<void> } {
  const ctx = createCaContext(deps, caOverview);
  const service: CaService = {
    ...stateCommands(ctx),
    ...lifecycleCommands(ctx),
    ...importCommands(ctx),
    ...issueCommands(ctx),
    ...signCsrCommands(ctx),
    ...renewCommands(ctx),
    ...crlCommands(ctx),
    ...exportCommands(ctx),
  };
  return { service, changed: () => ctx.changed() };
}
