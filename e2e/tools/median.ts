import { performance } from 'node:perf_hooks';

/** Median wall time of `rounds` sequential runs of a task, in ms: one slow outlier does not move it. */
export async function median(rounds: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/**
 * Medians of two tasks run in alternation, ours then theirs, round after round: whatever else
 * the machine is doing meanwhile slows both alike, so the ratio of the medians stays honest.
 */
export async function medianPair(rounds: number, ours: () => Promise<unknown>, theirs: () => Promise<unknown>): Promise<readonly [number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const [task, times] of [[ours, a], [theirs, b]] as const) {
      const start = performance.now();
      await task();
      times.push(performance.now() - start);
    }
  }
  const mid = (times: number[]): number => times.sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? Number.NaN;
  return [mid(a), mid(b)];
}
