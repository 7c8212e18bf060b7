import { performance } from 'node:perf_hooks';

const middle = (times: number[]): number => times.sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? Number.NaN;

async function timed(task: () => Promise<unknown>, times: number[]): Promise<void> {
  const start = performance.now();
  await task();
  times.push(performance.now() - start);
}

/** Median wall time of `rounds` sequential runs of a task, in ms: one slow outlier does not move it. */
export async function median(rounds: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) await timed(task, times);
  return middle(times);
}

/**
 * Medians of two tasks run in alternation, ours then theirs, round after round: whatever else
 * the machine is doing meanwhile slows both alike, so the ratio of the medians stays honest.
 */
export async function medianPair(rounds: number, ours: () => Promise<unknown>, theirs: () => Promise<unknown>): Promise<readonly [number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await timed(ours, a);
    await timed(theirs, b);
  }
  return [middle(a), middle(b)];
}
