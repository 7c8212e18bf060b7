import { useMutation, useQuery, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { CommandName } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import type { Input, Output } from '../../shared/ipc/types';
import { useBridge } from './bridge-context';
import { BridgeError } from './bridge-error';

/** Runs one command (for hooks with their own query keys, too); a rejected promise (e.g. a broken IPC channel) is a BridgeError too, so the type holds. */
export async function runCommand<T>(call: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call();
  } catch (err) {
    throw new BridgeError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
  }
  if (result.ok) return result.value;
  throw new BridgeError(result.error);
}

/** A read-only command as a react-query query keyed `[name, input]`; `ok:false` becomes a BridgeError. */
export function useCommandQuery<K extends CommandName>(name: K, input: Input<K>): UseQueryResult<Output<K>, BridgeError> {
  const bridge = useBridge();
  return useQuery<Output<K>, BridgeError>({
    queryKey: [name, input],
    queryFn: () => runCommand(() => bridge.commands[name](input)),
  });
}

/** A state-changing command as a react-query mutation; `ok:false` becomes a BridgeError. */
export function useCommandMutation<K extends CommandName>(name: K): UseMutationResult<Output<K>, BridgeError, Input<K>> {
  const bridge = useBridge();
  return useMutation<Output<K>, BridgeError, Input<K>>({
    mutationFn: (input) => runCommand(() => bridge.commands[name](input)),
  });
}
