import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_HISTORY, type ProbeHistoryEntry } from '../../../shared/model/probe';
import { createNodeHealthFs } from './fs';
import { nodeTimers } from './scheduler';
import { createHealthService } from './service';
import type { HealthService } from './service-types';
import { fakeReport, recordingSink, runInput, saveInput, scriptedEngine, tempDir } from './test-helpers';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.cleanup());

const service = (): HealthService =>
  createHealthService({
    dataDir: tmp.dir,
    fs: createNodeHealthFs(),
    clock: () => new Date('2030-01-01T00:00:00.000Z'),
    timers: nodeTimers,
    engine: scriptedEngine(() => fakeReport({ at: '2030-01-01T00:00:00.000Z', summary: 'newest' })),
    events: recordingSink(),
    newId: () => 'edge',
  });

const entry = (n: number): ProbeHistoryEntry => ({ at: new Date(n * 60_000).toISOString(), ok: true, ms: 5, summary: `run ${n}`, failedSteps: [] });
const historyFile = (): string => join(tmp.dir, 'health', 'history', 'edge.jsonl');

async function seedHistory(text: string): Promise<void> {
  const health = service();
  await health.save(saveInput());
  await health.run(runInput({ target: { kind: 'profile', id: 'edge' } })); // creates history/
  await writeFile(historyFile(), text);
}

describe('history kept by the service', () => {
  it(`keeps the newest ${MAX_HISTORY} runs, dropping the oldest, also after a restart`, async () => {
    await seedHistory(Array.from({ length: MAX_HISTORY }, (_, i) => `${JSON.stringify(entry(i + 1))}\n`).join(''));
    await service().run(runInput({ target: { kind: 'profile', id: 'edge' } }));

    const [status] = await service().list();
    expect(status?.history).toHaveLength(MAX_HISTORY);
    expect(status?.history[0]?.summary).toBe('run 2');
    expect(status?.history.at(-1)?.summary).toBe('newest');
    expect(status?.last?.summary).toBe('newest');
  });

  it('shows what survived when the last line was torn by a crash, and keeps recording', async () => {
    await seedHistory(`${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n{"at":"2030-01-01T`);
    const health = service();
    expect((await health.list())[0]?.history.map((h) => h.summary)).toEqual(['run 1', 'run 2']);
    await health.run(runInput({ target: { kind: 'profile', id: 'edge' } }));
    expect((await service().list())[0]?.history.map((h) => h.summary)).toEqual(['run 1', 'run 2', 'newest']);
  });
});
