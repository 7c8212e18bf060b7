import type { ProbeReport } from '../../../shared/model/probe';
import type { ProbeOptions } from '../probe/engine-types';

/**
 * One probe at a time per profile. A request that arrives while a run with the same options
 * is under way (a double click, a manual run during a scheduled one) joins it and gets the
 * same report: probing again a moment later would tell nothing new and doubles the load on
 * the proxy. A request with other options (the matrix) waits for the current run to end and
 * then runs, so the caller gets what it asked for.
 */
export interface RunGate {
  run(id: string, options: ProbeOptions, start: () => Promise<ProbeReport>): Promise<ProbeReport>;
}

interface Current {
  readonly options: ProbeOptions;
  readonly done: Promise<ProbeReport>;
}

const same = (a: ProbeOptions, b: ProbeOptions): boolean => a.matrix === b.matrix && a.tls === b.tls;

export function createRunGate(): RunGate {
  const current = new Map<string, Current>();
  return {
    async run(id, options, start) {
      for (let c = current.get(id); c; c = current.get(id)) {
        if (same(c.options, options)) return c.done;
        await c.done.catch(() => undefined);
      }
      // The entry is gone before `done` settles, so waiters that wake up see the gate open.
      const done: Promise<ProbeReport> = start().finally(() => {
        if (current.get(id)?.done === done) current.delete(id);
      });
      current.set(id, { options, done });
      return done;
    },
  };
}
