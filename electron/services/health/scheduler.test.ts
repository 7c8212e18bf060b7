import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, nodeTimers, type Scheduler } from './scheduler';

interface Run {
  readonly id: string;
  readonly at: number;
  end(): void;
}

let runs: Run[];
let scheduler: Scheduler;
let slow: boolean;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
  runs = [];
  slow = false;
  scheduler = createScheduler({
    timers: nodeTimers,
    run: (id) =>
      new Promise<void>((resolve, reject) => {
        const end = (): void => resolve();
        runs.push({ id, at: Date.now(), end });
        if (id === 'failing') reject(new Error('engine broke'));
        else if (!slow) end();
      }),
  });
});
afterEach(() => {
  scheduler.stopAll();
  vi.useRealTimers();
});

const times = (id = 'a'): number[] => runs.filter((r) => r.id === id).map((r) => r.at);

describe('scheduled probing', () => {
  it('runs each profile at its interval, the first time one interval after arming', async () => {
    scheduler.arm('a', 30);
    scheduler.arm('b', 45);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(91_000);
    expect(times('a')).toEqual([30_000, 60_000, 90_000, 120_000]);
    expect(times('b')).toEqual([45_000, 90_000]);
    expect(scheduler.isArmed('a')).toBe(true);
  });

  it('can start sooner than one interval (resuming after a restart)', async () => {
    scheduler.arm('a', 60, 5_000);
    await vi.advanceTimersByTimeAsync(70_000);
    expect(times()).toEqual([5_000, 65_000]);
  });

  it('never overlaps: a run slower than the interval delays the next one until it ends', async () => {
    slow = true;
    scheduler.arm('a', 10);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(times()).toEqual([10_000]);
    runs[0]?.end();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times()).toEqual([10_000, 110_000]);
  });

  it('pausing (null) stops the timer; a new interval replaces the old one', async () => {
    scheduler.arm('a', 10);
    await vi.advanceTimersByTimeAsync(10_000);
    scheduler.arm('a', null);
    expect(scheduler.isArmed('a')).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times()).toEqual([10_000]);
    scheduler.arm('a', 20);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(times()).toEqual([10_000, 90_000, 110_000]);
  });

  it('a new interval set during a run applies when that run ends', async () => {
    slow = true;
    scheduler.arm('a', 10);
    await vi.advanceTimersByTimeAsync(10_000);
    scheduler.arm('a', 50);
    runs[0]?.end();
    slow = false;
    await vi.advanceTimersByTimeAsync(100_000);
    expect(times()).toEqual([10_000, 60_000, 110_000]);
  });

  it('keeps going after a failed run', async () => {
    scheduler.arm('failing', 10);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(times('failing')).toEqual([10_000, 20_000, 30_000]);
  });

  it('stopAll clears every timer, and a run that ends afterwards does not re-arm', async () => {
    slow = true;
    scheduler.arm('a', 10);
    scheduler.arm('b', 15);
    await vi.advanceTimersByTimeAsync(10_000);
    scheduler.stopAll();
    runs[0]?.end();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(runs.map((r) => r.id)).toEqual(['a']);
    expect(scheduler.isArmed('a') || scheduler.isArmed('b')).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
