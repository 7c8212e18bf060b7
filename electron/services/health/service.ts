import { join } from 'node:path';
import type { EventSink } from '../../../shared/ipc/types';
import type { ProbeReport, ProfileStatus, ProxyProfile } from '../../../shared/model/probe';
import type { ProbeEngine, ProbeOptions } from '../probe/engine-types';
import { createExpiryReader } from './expiry';
import type { HealthFs } from './fs';
import { appendHistory, historyEntryOf, removeProfileData, saveLast, unstartedReport } from './history-store';
import { saveProfiles } from './profile-store';
import { createRunGate } from './runs';
import { createScheduler, resumeDelayMs, type Timers } from './scheduler';
import type { HealthService } from './service-types';
import { findProfile, historyOf, loadState, reasonOf, storageFailure, type HealthState } from './state';

export interface HealthServiceDeps {
  /** The app's data directory; everything lives under `<dataDir>/health`. */
  readonly dataDir: string;
  readonly fs: HealthFs;
  readonly clock: () => Date;
  readonly timers: Timers;
  readonly engine: ProbeEngine;
  readonly events: EventSink;
  /** A fresh profile id, `[a-z0-9-]{1,64}`. */
  readonly newId: () => string;
}

/** Scheduled runs watch availability and TLS; the matrix (expired, revoked... certificates) stays manual. */
const SCHEDULED_RUN: ProbeOptions = { matrix: false, tls: true };

export function createHealthService(deps: HealthServiceDeps): HealthService {
  const dir = join(deps.dataDir, 'health');
  const expiry = createExpiryReader(deps.fs);
  const gate = createRunGate();
  const running = new Set<string>();
  const scheduler = createScheduler({ timers: deps.timers, run: (id) => runStored(id, SCHEDULED_RUN).then(() => undefined) });
  let schedulesOn = false;
  let loading: Promise<HealthState> | null = null;
  let problem: string | null = null;
  let writes: Promise<unknown> = Promise.resolve();

  const notice = (message: string): void => deps.events.emit('app.notice', { level: 'warning', message, at: deps.clock().toISOString() });

  function state(): Promise<HealthState> {
    loading ??= loadState(deps.fs, dir, deps.clock()).then(
      (loaded) => ((problem = loaded.problem), loaded.state),
      (err: unknown) => {
        loading = null; // a later call may succeed (permissions fixed)
        throw err;
      },
    );
    return loading;
  }

  /** For commands: at startup no window listens yet, so a load problem is told with the first command. */
  async function ready(): Promise<HealthState> {
    const s = await state();
    if (problem !== null) notice(problem);
    problem = null;
    return s;
  }

  /** Store changes one at a time, so a slow write never lands after a newer one. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = writes.then(work);
    writes = next.catch(() => undefined);
    return next;
  }

  async function statusOf(s: HealthState, profile: ProxyProfile): Promise<ProfileStatus> {
    const last = s.lasts.get(profile.id) ?? null;
    return {
      profile,
      last,
      history: historyOf(s, profile.id).entries.slice(),
      expiry: await expiry(profile, last, deps.clock()),
      scheduled: scheduler.isArmed(profile.id),
      running: running.has(profile.id),
    };
  }

  async function publish(s: HealthState, id: string): Promise<ProfileStatus | null> {
    const profile = s.profiles.find((p) => p.id === id);
    if (!profile) return null;
    const status = await statusOf(s, profile);
    deps.events.emit('health.status', status);
    return status;
  }

  async function persist(s: HealthState, profiles: readonly ProxyProfile[]): Promise<void> {
    await saveProfiles(deps.fs, dir, profiles).catch((err: unknown) => {
      throw storageFailure(`the health profiles in ${dir}`, err);
    });
    s.profiles = profiles;
  }

  function rearm(profile: ProxyProfile): void {
    if (schedulesOn) scheduler.arm(profile.id, profile.intervalSeconds);
  }

  /** Kept in memory first, so a disk problem loses durability, never the result on screen. */
  async function record(s: HealthState, id: string, report: ProbeReport): Promise<void> {
    if (!s.profiles.some((p) => p.id === id)) return; // deleted while it ran
    s.lasts.set(id, report);
    try {
      await appendHistory(deps.fs, dir, id, historyOf(s, id), historyEntryOf(report));
      await saveLast(deps.fs, dir, id, report);
    } catch (err) {
      notice(storageFailure(`the probe history in ${dir}`, err).message);
    }
  }

  async function probe(s: HealthState, profile: ProxyProfile, options: ProbeOptions): Promise<ProbeReport> {
    running.add(profile.id);
    try {
      await publish(s, profile.id);
      const report = await deps.engine.run(profile, options).then(
        (r) => ({ ...r, profileId: profile.id }),
        async (err: unknown) => {
          // Kept as a failed run, so a scheduled probe that cannot even start shows why on the card.
          await exclusive(() => record(s, profile.id, unstartedReport(profile, deps.clock(), reasonOf(err))));
          throw err;
        },
      );
      await exclusive(() => record(s, profile.id, report));
      return report;
    } finally {
      running.delete(profile.id);
      await publish(s, profile.id);
    }
  }

  async function runStored(id: string, options: ProbeOptions): Promise<ProbeReport> {
    const s = await state();
    findProfile(s, id);
    // Looked up again once the gate opens: the profile may have been edited or deleted meanwhile.
    return gate.run(id, options, () => probe(s, findProfile(s, id), options));
  }

  return {
    async run({ target, matrix, tls }) {
      const options = { matrix, tls };
      if (target.kind === 'profile') {
        await ready();
        return runStored(target.id, options);
      }
      // An ad-hoc target is probed as given and nothing about it is kept.
      const { id, ...draft } = target.profile;
      const report = await deps.engine.run({ ...draft, id: id ?? 'adhoc' }, options);
      return { ...report, profileId: null };
    },

    async list() {
      const s = await ready();
      return Promise.all(s.profiles.map((p) => statusOf(s, p)));
    },

    async save({ profile: draft }) {
      const s = await ready();
      return exclusive(async () => {
        const old = draft.id === undefined ? null : findProfile(s, draft.id);
        let id = draft.id ?? deps.newId();
        while (!old && s.profiles.some((p) => p.id === id)) id = deps.newId();
        const profile: ProxyProfile = { ...draft, id };
        await persist(s, old ? s.profiles.map((p) => (p.id === id ? profile : p)) : [...s.profiles, profile]);
        if (old?.intervalSeconds !== profile.intervalSeconds) rearm(profile);
        return (await publish(s, id)) ?? statusOf(s, profile);
      });
    },

    async remove({ id }) {
      const s = await ready();
      return exclusive(async () => {
        if (!s.profiles.some((p) => p.id === id)) return { deleted: false };
        await persist(s, s.profiles.filter((p) => p.id !== id));
        scheduler.arm(id, null);
        s.histories.delete(id);
        s.lasts.delete(id);
        await removeProfileData(deps.fs, dir, id).catch((err: unknown) => notice(`The profile was deleted, but its history under ${dir} could not be removed: ${reasonOf(err)}.`));
        deps.events.emit('health.status', { id, deleted: true });
        return { deleted: true };
      });
    },

    async schedule({ id, intervalSeconds }) {
      const s = await ready();
      return exclusive(async () => {
        const profile: ProxyProfile = { ...findProfile(s, id), intervalSeconds };
        await persist(s, s.profiles.map((p) => (p.id === id ? profile : p)));
        rearm(profile);
        return (await publish(s, id)) ?? statusOf(s, profile);
      });
    },

    async startSchedules() {
      const s = await state();
      schedulesOn = true;
      for (const p of s.profiles) {
        if (p.intervalSeconds !== null) scheduler.arm(p.id, p.intervalSeconds, resumeDelayMs(s.lasts.get(p.id)?.at, p.intervalSeconds, deps.clock()));
      }
    },

    stopSchedules() {
      schedulesOn = false;
      scheduler.stopAll();
    },
  };
}
