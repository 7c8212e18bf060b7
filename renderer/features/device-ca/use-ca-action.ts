import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandName } from '../../../shared/ipc/channels';
import type { Input, Output } from '../../../shared/ipc/types';
import type { VaultState } from '../../../shared/model/ca';
import { useBridge } from '../../bridge/bridge-context';
import { BridgeError } from '../../bridge/bridge-error';
import { runCommand } from '../../bridge/use-command';
import { mergeVault, refreshAll } from './use-ca-data';

type CaCommand = Extract<CommandName, `ca.${string}`>;
type VaultCommand = 'ca.unlock' | 'ca.lock' | 'ca.remember';

export interface CaAction<K extends CaCommand> {
  readonly pending: boolean;
  readonly error: BridgeError | null;
  /** The last answer, until the next run or reset. */
  readonly data: Output<K> | null;
  /** Resolves to the answer, or null when the command failed (the error is in `error`). */
  run(input: Input<K>): Promise<Output<K> | null>;
  reset(): void;
}

interface ActionState<T> {
  readonly pending: boolean;
  readonly error: BridgeError | null;
  readonly data: T | null;
}

const IDLE = { pending: false, error: null, data: null } as const;

/**
 * One state-changing CA command. Deliberately not react-query's useMutation: its mutation cache
 * keeps every call's variables for minutes, and these carry passphrases. Here the input lives
 * only for the duration of the call.
 */
function useAction<K extends CaCommand>(name: K, onSuccess: (value: Output<K>) => void): CaAction<K> {
  const bridge = useBridge();
  const [state, setState] = useState<ActionState<Output<K>>>(IDLE);
  const mounted = useRef(false);
  const done = useRef(onSuccess);
  useEffect(() => {
    done.current = onSuccess;
  }, [onSuccess]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: Input<K>): Promise<Output<K> | null> => {
      setState({ pending: true, error: null, data: null });
      try {
        const value = await runCommand(() => bridge.commands[name](input));
        if (mounted.current) setState({ pending: false, error: null, data: value });
        done.current(value);
        return value;
      } catch (err) {
        const error = err instanceof BridgeError ? err : new BridgeError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
        if (mounted.current) setState({ pending: false, error, data: null });
        return null;
      }
    },
    [bridge, name],
  );
  const reset = useCallback(() => setState(IDLE), []);
  return { ...state, run, reset };
}

/** A CA change: afterwards the overview, the inventory and the audit log are asked for again. */
export function useCaAction<K extends Exclude<CaCommand, VaultCommand | 'ca.status' | 'ca.list' | 'ca.auditLog'>>(name: K): CaAction<K> {
  const client = useQueryClient();
  const refresh = useCallback(() => refreshAll(client), [client]);
  return useAction(name, refresh);
}

/** unlock, lock, remember: the answer is the vault state, merged into the overview. */
export function useVaultAction<K extends VaultCommand>(name: K): CaAction<K> {
  const client = useQueryClient();
  const merge = useCallback((vault: VaultState) => mergeVault(client, vault), [client]);
  return useAction(name, merge);
}
