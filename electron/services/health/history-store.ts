import { join } from 'node:path';
import { z } from '../../../shared/ipc/zod';
import { MAX_HISTORY, type ProbeHistoryEntry, type ProbeReport, type ProxyProfile, type SmokeStepId } from '../../../shared/model/probe';
import type { HealthFs } from './fs';

/**
 * History is JSON Lines, one entry per run, appended: a run costs one small write instead of
 * rewriting up to MAX_HISTORY entries. A crash can tear only the last line; loading skips lines
 * that do not parse and rewrites the file, so the next append starts on a clean line. Past
 * COMPACT_AT lines the file is rewritten atomically with the newest MAX_HISTORY entries.
 */
export const COMPACT_AT = MAX_HISTORY + MAX_HISTORY / 4;

const STEP_IDS = ['live', 'ready', 'heartbeat-anonymous', 'heartbeat-authenticated'] as const satisfies readonly SmokeStepId[];

const EntrySchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  ms: z.number(),
  summary: z.string(),
  failedSteps: z.array(z.enum(STEP_IDS)),
});

/** A profile's history in memory plus how many lines its file holds. */
export interface HistoryLog {
  readonly entries: ProbeHistoryEntry[];
  lines: number;
}

export const historyDir = (dir: string): string => join(dir, 'history');
export const lastDir = (dir: string): string => join(dir, 'last');
const historyPath = (dir: string, id: string): string => join(historyDir(dir), `${id}.jsonl`);
const lastPath = (dir: string, id: string): string => join(lastDir(dir), `${id}.json`);

export function historyEntryOf(report: ProbeReport): ProbeHistoryEntry {
  const ran = report.steps.filter((s) => s.ran);
  return {
    at: report.at,
    ok: report.ok,
    ms: ran.reduce((sum, s) => sum + s.ms, 0),
    summary: report.summary,
    failedSteps: ran.filter((s) => !s.ok).map((s) => s.id),
  };
}

/** A run the engine refused to start (an unreadable trust file): no steps, the reason as summary. */
export function unstartedReport(profile: ProxyProfile, at: Date, reason: string): ProbeReport {
  return { profileId: profile.id, baseUrl: profile.baseUrl, insecure: profile.insecure, at: at.toISOString(), ms: 0, tls: null, steps: [], matrix: null, ok: false, summary: reason };
}

function parseLine(line: string): ProbeHistoryEntry | null {
  try {
    const parsed = z.safeParse(EntrySchema, JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const toLines = (entries: readonly ProbeHistoryEntry[]): string => entries.map((e) => `${JSON.stringify(e)}\n`).join('');

async function rewrite(fs: HealthFs, dir: string, id: string, log: HistoryLog): Promise<void> {
  await fs.ensureDir(historyDir(dir));
  await fs.writeText(historyPath(dir, id), toLines(log.entries));
  log.lines = log.entries.length;
}

export async function loadHistory(fs: HealthFs, dir: string, id: string): Promise<HistoryLog> {
  const text = await fs.readText(historyPath(dir, id));
  if (text === null || text === '') return { entries: [], lines: 0 };
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const parsed = lines.map(parseLine);
  const all = parsed.filter((e): e is ProbeHistoryEntry => e !== null);
  const log: HistoryLog = { entries: all.slice(-MAX_HISTORY), lines: lines.length };
  const damaged = all.length !== lines.length || !text.endsWith('\n');
  if (damaged || log.lines > COMPACT_AT) await rewrite(fs, dir, id, log);
  return log;
}

/** Adds one entry, dropping the oldest past MAX_HISTORY. */
export async function appendHistory(fs: HealthFs, dir: string, id: string, log: HistoryLog, entry: ProbeHistoryEntry): Promise<void> {
  log.entries.push(entry);
  if (log.entries.length > MAX_HISTORY) log.entries.splice(0, log.entries.length - MAX_HISTORY);
  if (log.lines + 1 > COMPACT_AT) return rewrite(fs, dir, id, log);
  await fs.ensureDir(historyDir(dir));
  await fs.appendText(historyPath(dir, id), toLines([entry]));
  log.lines += 1;
}

/** Only for reports this service wrote itself; a damaged file just means "no details yet". */
function looksLikeReport(value: unknown): value is ProbeReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r['at'] === 'string' && typeof r['ok'] === 'boolean' && typeof r['summary'] === 'string' && Array.isArray(r['steps']);
}

export async function loadLast(fs: HealthFs, dir: string, id: string): Promise<ProbeReport | null> {
  const text = await fs.readText(lastPath(dir, id));
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return looksLikeReport(value) ? value : null;
  } catch {
    return null;
  }
}

export async function saveLast(fs: HealthFs, dir: string, id: string, report: ProbeReport): Promise<void> {
  await fs.ensureDir(lastDir(dir));
  await fs.writeText(lastPath(dir, id), `${JSON.stringify(report)}\n`);
}

export async function removeProfileData(fs: HealthFs, dir: string, id: string): Promise<void> {
  await Promise.all([fs.remove(historyPath(dir, id)), fs.remove(lastPath(dir, id))]);
}
