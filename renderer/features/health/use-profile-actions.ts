import type { ProbeReport } from '../../../shared/model/probe';
import type { BridgeError } from '../../bridge/bridge-error';
import { useCommandMutation } from '../../bridge/use-command';
import { useHealthUi } from './health-ui-store';
import { useStatusCache } from './status-cache';

export type ProbeKind = 'smoke' | 'matrix';

export interface ProbeAction {
  run(kind: ProbeKind): void;
  /** What this view asked for and is waiting on; main's `running` covers runs started elsewhere. */
  readonly pending: ProbeKind | null;
  readonly error: BridgeError | null;
  readonly report: ProbeReport | undefined;
}

/** 'probe.run' on a stored profile, with TLS details; the matrix only when asked for. */
export function useProbeProfile(id: string): ProbeAction {
  const cache = useStatusCache();
  const mutation = useCommandMutation('probe.run');
  const asked = mutation.variables?.matrix === true ? 'matrix' : 'smoke';
  return {
    run: (kind) =>
      mutation.mutate({ target: { kind: 'profile', id }, matrix: kind === 'matrix', tls: true }, { onSuccess: (report) => cache.applyReport(report) }),
    pending: mutation.isPending ? asked : null,
    error: mutation.error,
    report: mutation.data,
  };
}

export interface ScheduleAction {
  set(intervalSeconds: number | null): void;
  readonly pending: boolean;
  readonly error: BridgeError | null;
}

/** 'health.schedule'; null pauses. The interval being left is remembered for Resume. */
export function useSchedule(id: string, current: number | null): ScheduleAction {
  const cache = useStatusCache();
  const remember = useHealthUi((state) => state.rememberInterval);
  const mutation = useCommandMutation('health.schedule');
  return {
    set: (intervalSeconds) => {
      if (current !== null) remember(id, current);
      mutation.mutate({ id, intervalSeconds }, { onSuccess: (status) => cache.apply(status) });
    },
    pending: mutation.isPending,
    error: mutation.error,
  };
}
