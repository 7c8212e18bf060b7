import { CommandFailure } from '../../../shared/ipc/errors';
import type { ProbeReport, ProxyProfile } from '../../../shared/model/probe';
import type { HealthFs } from './fs';
import { loadHistory, loadLast, type HistoryLog } from './history-store';
import { loadProfiles } from './profile-store';

/** Everything stored, held in memory after the first load; the files are written through. */
export interface HealthState {
  profiles: readonly ProxyProfile[];
  readonly histories: Map<string, HistoryLog>;
  readonly lasts: Map<string, ProbeReport | null>;
}

export interface LoadedState {
  readonly state: HealthState;
  /** What the operator must hear about (a damaged profiles file set aside). */
  readonly problem: string | null;
}

export const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function loadState(fs: HealthFs, dir: string, now: Date): Promise<LoadedState> {
  try {
    const { profiles, problem } = await loadProfiles(fs, dir, now);
    const state: HealthState = { profiles, histories: new Map(), lasts: new Map() };
    await Promise.all(
      profiles.map(async ({ id }) => {
        const [history, last] = await Promise.all([loadHistory(fs, dir, id), loadLast(fs, dir, id)]);
        state.histories.set(id, history);
        state.lasts.set(id, last);
      }),
    );
    return { state, problem };
  } catch (err) {
    throw new CommandFailure('UNREADABLE_FILE', `Cannot read the health data in ${dir}: ${reasonOf(err)}.`);
  }
}

export function findProfile(state: HealthState, id: string): ProxyProfile {
  const profile = state.profiles.find((p) => p.id === id);
  if (!profile) throw new CommandFailure('NOT_FOUND', `No health profile has the id "${id}"; it may have been deleted.`);
  return profile;
}

/** Writes failing (disk full, permissions) are reported as such, with the path that failed. */
export function storageFailure(what: string, err: unknown): CommandFailure {
  return new CommandFailure('UNAVAILABLE', `Could not save ${what}: ${reasonOf(err)}.`);
}

export function historyOf(state: HealthState, id: string): HistoryLog {
  let log = state.histories.get(id);
  if (!log) {
    log = { entries: [], lines: 0 };
    state.histories.set(id, log);
  }
  return log;
}
