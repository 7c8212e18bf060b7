import { useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CaOverview, VaultState } from '../../../shared/model/ca';
import { useBridge } from '../../bridge/bridge-context';
import type { BridgeError } from '../../bridge/bridge-error';
import { useCommandQuery } from '../../bridge/use-command';

/** The key useCommandQuery('ca.status', {}) uses, so events and commands write where the screen reads. */
export const CA_STATUS_KEY = ['ca.status', {}] as const;

/** Everything that reads the vault's contents; the list is keyed per filter under 'ca.list'. */
const CONTENT_KEYS = [['ca.list'], ['ca.auditLog']] as const;

/** The inventory and the audit log, once more; only the ones on screen are asked for again. */
export function refreshContents(client: QueryClient): void {
  for (const queryKey of CONTENT_KEYS) void client.invalidateQueries({ queryKey });
}

/** After a change made here: the overview (counts, CRLs, CAs) and the contents. */
export function refreshAll(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: CA_STATUS_KEY });
  refreshContents(client);
}

/** unlock, lock and remember answer with the vault state: merged in place, nothing asked again. */
export function mergeVault(client: QueryClient, vault: VaultState): void {
  client.setQueryData<CaOverview>(CA_STATUS_KEY, (overview) => (overview === undefined ? overview : { ...overview, vault }));
}

/**
 * The overview: 'ca.status' when the area opens, then whatever main pushes on 'ca.changed'
 * (lock and unlock, the idle lock included, and any change from this window, another one or the
 * CLI). The renderer never polls. Call it once, at the top of the area.
 */
export function useCaOverview(): UseQueryResult<CaOverview, BridgeError> {
  const bridge = useBridge();
  const client = useQueryClient();
  const query = useCommandQuery('ca.status', {});
  useEffect(
    () =>
      bridge.on('ca.changed', (overview) => {
        client.setQueryData<CaOverview>(CA_STATUS_KEY, overview);
        // A lock asks for nothing: the locked screen hides the contents until the next unlock.
        if (overview.vault.unlocked) refreshContents(client);
      }),
    [bridge, client],
  );
  return query;
}
