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
