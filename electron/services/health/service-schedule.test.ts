import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeHealthFs } from './fs';
import { nodeTimers } from './scheduler';
import { createHealthService } from './service';
import type { HealthService } from './service-types';
import { fakeReport, recordingSink, runDone, saveInput, scriptedEngine, statusOf, tempDir } from './test-helpers';

const start = new Date('2030-01-01T00:00:00.000Z').getTime();
let tmp: Awaited<ReturnType<typeof tempDir>>;
let services: HealthService[];

beforeEach(async () => {
  tmp = await tempDir();
  services = [];
  // Only the timers are fake: the files are real, and the service's clock reads the fake time.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: start });
});
afterEach(async () => {
  for (const s of services) s.stopSchedules();
  vi.useRealTimers();
  await tmp.cleanup();
});

function setup(engine = scriptedEngine(() => fakeReport({ at: new Date().toISOString() }))) {
  const events = recordingSink();
  const health = createHealthService({ dataDir: tmp.dir, fs: createNodeHealthFs(), clock: () => new Date(), timers: nodeTimers, engine, events, newId: () => 'edge' });
  services.push(health);
  return { health, engine, events };
}

/** Lets fake time pass, then waits (in real time) for the run that the timer started. */
async function tick(ms: number, events: ReturnType<typeof recordingSink>): Promise<void> {
  const done = events.next(runDone('edge'));
  await vi.advanceTimersByTimeAsync(ms);
  await done;
}

describe('scheduled probing through the service', () => {
  it('probes at the stored interval (smoke + TLS, no matrix), announcing each run; pausing stops it', async () => {
    const { health, engine, events } = setup();
    await health.startSchedules();
    await health.save(saveInput());
    const armed = await health.schedule({ id: 'edge', intervalSeconds: 30 });
    expect(armed).toMatchObject({ scheduled: true, profile: { intervalSeconds: 30 } });

    await vi.advanceTimersByTimeAsync(29_000);
    expect(engine.calls).toHaveLength(0);
    events.events.length = 0;
    await tick(1_000, events);
    expect(engine.calls[0]?.options).toEqual({ matrix: false, tls: true });
    expect(events.events.map((e) => statusOf(e)?.running)).toEqual([true, false]);
    await tick(30_000, events);
    expect((await health.list())[0]?.history).toHaveLength(2);

    expect(await health.schedule({ id: 'edge', intervalSeconds: null })).toMatchObject({ scheduled: false, profile: { intervalSeconds: null } });
    await vi.advanceTimersByTimeAsync(300_000);
    expect(engine.calls).toHaveLength(2);
  });

  it('does not overlap runs: the next one is timed from the end of a slow one', async () => {
    const engine = scriptedEngine();
    const { health, events } = setup(engine);
    await health.startSchedules();
    await health.save(saveInput({ intervalSeconds: 10 }));
    await vi.advanceTimersByTimeAsync(10_000);
    const slow = await engine.called(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(engine.calls).toHaveLength(1);
    expect((await health.list())[0]).toMatchObject({ running: true, scheduled: true });

    const done = events.next(runDone('edge'));
    slow.finish();
    await done;
    await vi.advanceTimersByTimeAsync(9_999);
    expect(engine.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(engine.calls).toHaveLength(2);
    (await engine.called(2)).finish();
  });

  it('stopSchedules clears every timer; a host that never starts them (the CLI) only stores the interval', async () => {
    const { health, engine } = setup();
    await health.startSchedules();
    await health.save(saveInput({ intervalSeconds: 10 }));
    health.stopSchedules();
    expect((await health.list())[0]?.scheduled).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);

    const cli = setup(engine).health;
    expect(await cli.schedule({ id: 'edge', intervalSeconds: 5 })).toMatchObject({ scheduled: false, profile: { intervalSeconds: 5 } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(engine.calls).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('startSchedules resumes stored intervals, counting from the last run before the restart', async () => {
    const first = setup();
    await first.health.startSchedules();
    await first.health.save(saveInput({ intervalSeconds: 60 }));
    await tick(60_000, first.events);
    first.health.stopSchedules();
    await vi.advanceTimersByTimeAsync(45_000); // "restart" 45 s after that run

    const { health, engine, events } = setup();
    await health.startSchedules();
    expect((await health.list())[0]?.scheduled).toBe(true);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(engine.calls).toHaveLength(0);
    await tick(1_000, events);
    expect(engine.calls).toHaveLength(1);
    expect((await health.list())[0]?.history).toHaveLength(2);
  });
});
