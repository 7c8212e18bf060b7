import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_HISTORY, type ProbeHistoryEntry } from '../../../shared/model/probe';
import { createNodeHealthFs } from './fs';
import { appendHistory, COMPACT_AT, historyEntryOf, loadHistory, loadLast, saveLast } from './history-store';
import { fakeReport, tempDir } from './test-helpers';

const fs = createNodeHealthFs();
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.cleanup());

const entry = (n: number): ProbeHistoryEntry => ({ at: new Date(n * 1000).toISOString(), ok: n % 2 === 0, ms: n, summary: `run ${n}`, failedSteps: n % 2 === 0 ? [] : ['ready'] });
const file = (): string => join(tmp.dir, 'history', 'p1.jsonl');
const fileLines = async (): Promise<number> => (await readFile(file(), 'utf8')).split('\n').filter(Boolean).length;

describe('probe history on disk', () => {
  it('keeps the newest MAX_HISTORY entries across a reload, and the file stays bounded', async () => {
    const log = await loadHistory(fs, tmp.dir, 'p1');
    const total = COMPACT_AT + 10;
    for (let n = 1; n <= total; n++) await appendHistory(fs, tmp.dir, 'p1', log, entry(n));
    expect(log.entries).toHaveLength(MAX_HISTORY);
    expect(log.entries[0]).toEqual(entry(total - MAX_HISTORY + 1));
    expect(await fileLines()).toBeLessThanOrEqual(COMPACT_AT);

    const again = await loadHistory(fs, tmp.dir, 'p1');
    expect(again.entries).toEqual(log.entries);
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect((await stat(join(tmp.dir, 'history'))).mode & 0o777).toBe(0o700);
  });

  it('tolerates a line torn by a crash, and the next append lands on a clean line', async () => {
    await mkdir(join(tmp.dir, 'history'), { recursive: true });
    const good = [entry(1), entry(2), entry(3)].map((e) => JSON.stringify(e)).join('\n');
    await writeFile(file(), `${good}\n{"at":"2025-01-01T00:00`);
    const log = await loadHistory(fs, tmp.dir, 'p1');
    expect(log.entries).toEqual([entry(1), entry(2), entry(3)]);

    await appendHistory(fs, tmp.dir, 'p1', log, entry(4));
    expect((await loadHistory(fs, tmp.dir, 'p1')).entries).toEqual([entry(1), entry(2), entry(3), entry(4)]);
  });

  it('summarises a report: smoke time, failed steps that ran', () => {
    const report = fakeReport({
      ok: false,
      summary: 'ready failed',
      steps: [
        { id: 'live', status: 200, error: null, ok: true, ran: true, ms: 12, reason: '' },
        { id: 'ready', status: 503, error: null, ok: false, ran: true, ms: 30, reason: '' },
        { id: 'heartbeat-authenticated', status: null, error: null, ok: false, ran: false, ms: 0, reason: 'no device' },
      ],
    });
    expect(historyEntryOf(report)).toEqual({ at: report.at, ok: false, ms: 42, summary: 'ready failed', failedSteps: ['ready'] });
  });

  it('keeps the last full report; a damaged one reads as none', async () => {
    const report = fakeReport({ profileId: 'p1' });
    await saveLast(fs, tmp.dir, 'p1', report);
    expect(await loadLast(fs, tmp.dir, 'p1')).toEqual(report);
    expect((await stat(join(tmp.dir, 'last', 'p1.json'))).mode & 0o777).toBe(0o600);
    await writeFile(join(tmp.dir, 'last', 'p1.json'), '{"at": 3');
    expect(await loadLast(fs, tmp.dir, 'p1')).toBeNull();
    expect(await loadLast(fs, tmp.dir, 'nothing')).toBeNull();
  });
});
