import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbeEngine } from '../probe/engine-types';
import { createNodeHealthFs } from './fs';
import { nodeTimers } from './scheduler';
import { createHealthService } from './service';
import type { HealthService } from './service-types';
import { fakeReport, recordingSink, runDone, runInput, saveInput, scriptedEngine, statusOf, tempDir } from './test-helpers';

const now = new Date('2030-01-02T03:04:05.678Z');
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.cleanup());

function service(engine: ProbeEngine = scriptedEngine(() => fakeReport()), events = recordingSink()): HealthService {
  let n = 0;
  return createHealthService({ dataDir: tmp.dir, fs: createNodeHealthFs(), clock: () => now, timers: nodeTimers, engine, events, newId: () => `id-${++n}` });
}

const mode = async (...parts: string[]): Promise<number> => (await stat(join(tmp.dir, 'health', ...parts))).mode & 0o777;

describe('health profiles', () => {
  it('stores profiles privately, in order, and a new instance reads them back', async () => {
    const health = service();
    const first = await health.save(saveInput({ name: 'First' }));
    await health.save(saveInput({ name: 'Second', intervalSeconds: 60 }));
    expect(first.profile.id).toMatch(/^[a-z0-9-]{1,64}$/);
    expect(first).toMatchObject({ last: null, history: [], running: false, scheduled: false });

    const renamed = await health.save(saveInput({ id: first.profile.id, name: 'First, renamed' }));
    expect(renamed.profile.id).toBe(first.profile.id);
    const listed = await service().list();
    expect(listed.map((s) => s.profile.name)).toEqual(['First, renamed', 'Second']);
    expect(listed[1]?.profile.intervalSeconds).toBe(60);
    expect(await mode()).toBe(0o700);
    expect(await mode('profiles.json')).toBe(0o600);
    expect((await readdir(join(tmp.dir, 'health'))).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses to update a profile that does not exist', async () => {
    await expect(service().save(saveInput({ id: 'gone' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a corrupt profiles.json aside, says so, and starts empty without overwriting it', async () => {
    await mkdir(join(tmp.dir, 'health'));
    await writeFile(join(tmp.dir, 'health', 'profiles.json'), '{"version": 1, "profiles": [{"name": ');
    const events = recordingSink();
    const health = service(undefined, events);
    expect(await health.list()).toEqual([]);

    const aside = `profiles.json.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    expect(await readdir(join(tmp.dir, 'health'))).toEqual([aside]);
    expect(await readFile(join(tmp.dir, 'health', aside), 'utf8')).toBe('{"version": 1, "profiles": [{"name": ');
    const notices = events.events.filter((e) => e.event === 'app.notice');
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.payload)).toContain(aside);

    await health.save(saveInput());
    expect((await readdir(join(tmp.dir, 'health'))).sort()).toEqual(['profiles.json', aside]);
    expect(events.events.filter((e) => e.event === 'app.notice')).toHaveLength(1);
  });

  it('treats well-formed JSON with invalid profiles as corrupt too', async () => {
    await mkdir(join(tmp.dir, 'health'));
    await writeFile(join(tmp.dir, 'health', 'profiles.json'), JSON.stringify({ version: 1, profiles: [{ id: 'x', name: 'n', baseUrl: 'http://plain' }] }));
    expect(await service().list()).toEqual([]);
    expect((await readdir(join(tmp.dir, 'health')))[0]).toMatch(/^profiles\.json\.corrupt-/);
  });

  it('deletes a profile with its history and last report', async () => {
    const events = recordingSink();
    const health = service(undefined, events);
    const { profile } = await health.save(saveInput());
    await health.run(runInput({ target: { kind: 'profile', id: profile.id } }));
    expect(await readdir(join(tmp.dir, 'health', 'history'))).toEqual([`${profile.id}.jsonl`]);

    expect(await health.remove({ id: profile.id })).toEqual({ deleted: true });
    expect(await health.list()).toEqual([]);
    expect(await readdir(join(tmp.dir, 'health', 'history'))).toEqual([]);
    expect(await readdir(join(tmp.dir, 'health', 'last'))).toEqual([]);
    expect(events.events.at(-1)).toEqual({ event: 'health.status', payload: { id: profile.id, deleted: true } });
    expect(await health.remove({ id: profile.id })).toEqual({ deleted: false });
  });
});

describe('probe runs', () => {
  it('runs a stored profile: status "running" then "done", history and last report kept privately across restarts', async () => {
    const events = recordingSink();
    const engine = scriptedEngine(() => fakeReport({ at: now.toISOString() }));
    const health = service(engine, events);
    const { profile } = await health.save(saveInput());
    events.events.length = 0;

    const report = await health.run(runInput({ target: { kind: 'profile', id: profile.id }, matrix: true }));
    expect(report.profileId).toBe(profile.id);
    expect(engine.calls[0]?.options).toEqual({ matrix: true, tls: true });
    const statuses = events.events.map(statusOf);
    expect(statuses.map((s) => [s?.running, s?.history.length])).toEqual([[true, 0], [false, 1]]);
    expect(statuses[1]?.last).toEqual(report);

    const [after] = await service().list();
    expect(after?.last).toEqual(report);
    expect(after?.history).toEqual([{ at: now.toISOString(), ok: true, ms: 30, summary: 'All checks passed.', failedSteps: [] }]);
    expect(await mode('history')).toBe(0o700);
    expect(await mode('history', `${profile.id}.jsonl`)).toBe(0o600);
    expect(await mode('last', `${profile.id}.json`)).toBe(0o600);
  });

  it('probes an ad-hoc target without storing or announcing anything', async () => {
    const events = recordingSink();
    const engine = scriptedEngine(() => fakeReport({ profileId: 'adhoc' }));
    const report = await service(engine, events).run(runInput({ target: { kind: 'adhoc', profile: { name: 'x', baseUrl: 'https://other.test' } } }));
    expect(report.profileId).toBeNull();
    expect(engine.calls[0]?.profile.baseUrl).toBe('https://other.test');
    expect(events.events).toEqual([]);
    expect(await readdir(tmp.dir)).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown profile', async () => {
    await expect(service().run(runInput({ target: { kind: 'profile', id: 'nope' } }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('runs one probe per profile: an identical request joins it, a different one waits for it', async () => {
    const engine = scriptedEngine();
    const events = recordingSink();
    const health = service(engine, events);
    const { profile } = await health.save(saveInput());
    const target = { kind: 'profile', id: profile.id };
    const first = health.run(runInput({ target }));
    const joined = health.run(runInput({ target }));
    const withMatrix = health.run(runInput({ target, matrix: true }));
    const call = await engine.called(1);
    expect(engine.calls).toHaveLength(1);

    call.finish(fakeReport({ summary: 'first' }));
    expect((await first).summary).toBe('first');
    expect(await joined).toEqual(await first);
    const second = await engine.called(2);
    expect(engine.calls.map((c) => c.options.matrix)).toEqual([false, true]);
    second.finish(fakeReport({ summary: 'second' }));
    expect((await withMatrix).summary).toBe('second');
    expect((await health.list())[0]?.history.map((h) => h.summary)).toEqual(['first', 'second']);
  });

  it('reports a run the engine could not start to the caller, and on the card as a failed run', async () => {
    const engine = scriptedEngine();
    const events = recordingSink();
    const health = service(engine, events);
    const { profile } = await health.save(saveInput());
    const run = health.run(runInput({ target: { kind: 'profile', id: profile.id } }));
    const done = events.next(runDone(profile.id));
    (await engine.called(1)).fail(new Error('cannot read device key'));
    await expect(run).rejects.toThrow('cannot read device key');
    expect(statusOf(await done)).toMatchObject({
      running: false,
      last: { ok: false, steps: [], summary: 'cannot read device key' },
      history: [{ ok: false, summary: 'cannot read device key', failedSteps: [] }],
    });
  });
});
