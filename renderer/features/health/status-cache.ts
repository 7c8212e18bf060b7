import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { EventPayload } from '../../../shared/ipc/types';
import type { ProbeReport, ProfileStatus } from '../../../shared/model/probe';

/** The key useCommandQuery('health.list', {}) uses, so events and mutations write where the list reads. */
export const HEALTH_LIST_KEY = ['health.list', {}] as const;

/** The newest report of each profile that ran the matrix; later plain probes do not carry it. */
export const matrixKey = (id: string) => ['health.matrix', id] as const;

export type StatusPayload = EventPayload<'health.status'>;
type StatusList = readonly ProfileStatus[];

/** Replaces the profile's entry in place (its card keeps its place) or appends a new one. */
export function upsertStatus(list: StatusList, status: ProfileStatus): StatusList {
  const at = list.findIndex((entry) => entry.profile.id === status.profile.id);
  if (at === -1) return [...list, status];
  return list.map((entry, i) => (i === at ? status : entry));
}

export function removeStatus(list: StatusList, id: string): StatusList {
  return list.filter((entry) => entry.profile.id !== id);
}

export function applyStatusPayload(list: StatusList, payload: StatusPayload): StatusList {
  return 'deleted' in payload ? removeStatus(list, payload.id) : upsertStatus(list, payload);
}

/** A report answered by probe.run becomes `last` unless an event already brought a newer one. */
export function withReport(list: StatusList, report: ProbeReport): StatusList {
  if (report.profileId === null) return list;
  return list.map((entry) => {
    if (entry.profile.id !== report.profileId) return entry;
    if (entry.last !== null && Date.parse(entry.last.at) >= Date.parse(report.at)) return entry;
    return { ...entry, last: report };
  });
}

function keepMatrix(client: QueryClient, report: ProbeReport | null): void {
  if (report === null || report.matrix === null || report.profileId === null) return;
  const key = matrixKey(report.profileId);
  // Kept for as long as the console runs, not only while a detail view watches it.
  client.setQueryDefaults(['health.matrix'], { gcTime: Infinity });
  const known = client.getQueryData<ProbeReport>(key);
  if (known === undefined || Date.parse(known.at) <= Date.parse(report.at)) client.setQueryData(key, report);
}

/** The report about to be replaced may be the only one that ran the matrix. */
function lastOf(client: QueryClient, id: string): ProbeReport | null {
  return client.getQueryData<StatusList>(HEALTH_LIST_KEY)?.find((entry) => entry.profile.id === id)?.last ?? null;
}

export interface StatusCache {
  /** A pushed 'health.status' or a command's answer. */
  apply(payload: StatusPayload): void;
  applyReport(report: ProbeReport): void;
}

/**
 * Writes into the list query. Before the list has answered there is nothing to merge into, and
 * its answer is at least as new as anything pushed while it was on the way.
 */
export function useStatusCache(): StatusCache {
  const client = useQueryClient();
  const update = useCallback(
    (change: (list: StatusList) => StatusList) => {
      client.setQueryData<StatusList>(HEALTH_LIST_KEY, (list) => (list === undefined ? list : change(list)));
    },
    [client],
  );
  const apply = useCallback(
    (payload: StatusPayload) => {
      if ('deleted' in payload) {
        client.removeQueries({ queryKey: matrixKey(payload.id) });
      } else {
        keepMatrix(client, lastOf(client, payload.profile.id));
        keepMatrix(client, payload.last);
      }
      update((list) => applyStatusPayload(list, payload));
    },
    [client, update],
  );
  const applyReport = useCallback(
    (report: ProbeReport) => {
      if (report.profileId !== null) keepMatrix(client, lastOf(client, report.profileId));
      keepMatrix(client, report);
      update((list) => withReport(list, report));
    },
    [client, update],
  );
  return useMemo(() => ({ apply, applyReport }), [apply, applyReport]);
}
