export type TimerHandle = ReturnType<typeof setTimeout>;

/** setTimeout/clearTimeout, injected so tests drive time themselves. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

/** After a restart, the next run comes one interval after the last one, not one interval after startup. */
export function resumeDelayMs(lastAt: string | undefined, intervalSeconds: number, now: Date): number {
  const interval = intervalSeconds * 1000;
  const last = Date.parse(lastAt ?? '');
  return Number.isNaN(last) ? interval : Math.min(interval, Math.max(0, last + interval - now.getTime()));
}

export interface Scheduler {
  /**
   * Runs `id` every `intervalSeconds`, the first time after `firstDelayMs` (default: one
   * interval). Re-arming replaces the previous timer; null stops it.
   */
  arm(id: string, intervalSeconds: number | null, firstDelayMs?: number): void;
  isArmed(id: string): boolean;
  stopAll(): void;
}

interface Entry {
  intervalMs: number;
  timer: TimerHandle | null;
  /** A scheduled run is under way; the next timer is set when it ends. */
  running: boolean;
}

/**
 * One timer per profile. The next run is timed from the end of the previous one, so a probe
 * slower than its interval never overlaps itself and a stuck proxy is not hammered.
 */
export function createScheduler(deps: { readonly timers: Timers; readonly run: (id: string) => Promise<void> }): Scheduler {
  const entries = new Map<string, Entry>();

  function setNext(id: string, entry: Entry, ms: number): void {
    entry.timer = deps.timers.setTimeout(() => void fire(id, entry), ms);
  }

  async function fire(id: string, entry: Entry): Promise<void> {
    entry.timer = null;
    entry.running = true;
    try {
      await deps.run(id);
    } catch {
      // run() reports its own failures as status events; the schedule just carries on.
    }
    entry.running = false;
    if (entries.get(id) === entry) setNext(id, entry, entry.intervalMs);
  }

  function disarm(id: string): void {
    const entry = entries.get(id);
    if (entry?.timer) deps.timers.clearTimeout(entry.timer);
    entries.delete(id);
  }

  return {
    arm(id, intervalSeconds, firstDelayMs) {
      if (intervalSeconds === null) return disarm(id);
      const intervalMs = intervalSeconds * 1000;
      const entry = entries.get(id);
      if (entry?.running) {
        // The new interval takes effect when the current run ends.
        entry.intervalMs = intervalMs;
        return;
      }
      disarm(id);
      const fresh: Entry = { intervalMs, timer: null, running: false };
      entries.set(id, fresh);
      setNext(id, fresh, Math.max(0, firstDelayMs ?? intervalMs));
    },
    isArmed: (id) => entries.has(id),
    stopAll() {
      for (const id of [...entries.keys()]) disarm(id);
    },
  };
}
