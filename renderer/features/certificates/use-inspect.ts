import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Input } from '../../../shared/ipc/types';
import type { InspectResult } from '../../../shared/model/pki';
import { useBridge } from '../../bridge/bridge-context';
import type { BridgeError } from '../../bridge/bridge-error';
import { runCommand } from '../../bridge/use-command';
import { useCertDraft, type CertDraftState } from './draft-store';

/** How long typing in the option fields settles before the inspection re-runs. */
export const OPTION_SETTLE_MS = 300;

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The exact `cert.inspect` input for a draft. The passphrase goes along only when one was typed. */
export function inspectInput(draft: Pick<CertDraftState, 'inputs' | 'role' | 'deviceId' | 'expiryWindowDays' | 'passphrase'>): Input<'cert.inspect'> {
  const deviceId = draft.deviceId.trim();
  return {
    sources: draft.inputs.map((input) => input.source),
    role: draft.role,
    deviceId: deviceId === '' ? null : deviceId,
    expiryWindowDays: draft.expiryWindowDays,
    ...(draft.passphrase !== '' ? { passphrase: draft.passphrase } : {}),
  };
}

export interface Inspection {
  readonly query: UseQueryResult<InspectResult, BridgeError>;
  /** How many inputs the running (or last) inspection read. */
  readonly inputCount: number;
  /** The expiry window the shown result was judged with. */
  readonly expiryWindowDays: number;
}

/**
 * `cert.inspect` over the loaded inputs, re-run whenever they or the options change. Keyed on
 * input ids (not their bytes) and on a passphrase revision (not the passphrase), so the query
 * cache never holds the secret and never hashes megabytes of base64.
 */
export function useInspection(): Inspection {
  const bridge = useBridge();
  const inputs = useCertDraft((state) => state.inputs);
  const role = useCertDraft((state) => state.role);
  const deviceId = useSettled(useCertDraft((state) => state.deviceId.trim()), OPTION_SETTLE_MS);
  const expiryWindowDays = useSettled(useCertDraft((state) => state.expiryWindowDays), OPTION_SETTLE_MS);
  const passphraseRev = useSettled(useCertDraft((state) => state.passphraseRev), OPTION_SETTLE_MS);
  const ids = inputs.map((input) => input.id);

  const query = useQuery<InspectResult, BridgeError>({
    queryKey: ['cert.inspect', ids, role, deviceId, expiryWindowDays, passphraseRev],
    enabled: inputs.length > 0,
    placeholderData: keepPreviousData,
    queryFn: () => {
      const { passphrase } = useCertDraft.getState();
      return runCommand(() => bridge.commands['cert.inspect'](inspectInput({ inputs, role, deviceId, expiryWindowDays, passphrase })));
    },
  });
  return { query, inputCount: inputs.length, expiryWindowDays };
}
