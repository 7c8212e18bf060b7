import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName } from '../../../shared/ipc/channels';
import { HealthSaveInputSchema, ProbeRunInputSchema } from '../../../shared/ipc/probe-schemas';
import type { EventPayload, EventSink, ParsedInput } from '../../../shared/ipc/types';
import { z } from '../../../shared/ipc/zod';
import type { ProbeReport, ProbeStep, ProfileStatus, ProxyProfile } from '../../../shared/model/probe';
import type { ProbeEngine, ProbeOptions } from '../probe/engine-types';

export async function tempDir(): Promise<{ readonly dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'health-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function fakeReport(overrides: Partial<ProbeReport> = {}): ProbeReport {
  const step = (id: ProbeStep['id'], ok: boolean): ProbeStep => ({ id, status: ok ? 200 : 502, error: null, ok, ran: true, ms: 10, reason: ok ? 'fine' : 'bad gateway' });
  return {
    profileId: null,
    baseUrl: 'https://proxy.test:8443',
    insecure: false,
    at: '2025-01-01T00:00:00.000Z',
    ms: 30,
    tls: null,
    steps: [step('live', true), step('ready', true), step('heartbeat-anonymous', true)],
    matrix: null,
    ok: true,
    summary: 'All checks passed.',
    ...overrides,
  };
}

export interface Call {
  readonly profile: ProxyProfile;
  readonly options: ProbeOptions;
  finish(report?: ProbeReport): void;
  fail(err: Error): void;
}

/** A ProbeEngine whose runs end when the test says so (or at once with `autoFinish`). */
export function scriptedEngine(
  autoFinish: ((profile: ProxyProfile) => ProbeReport) | null = null,
): ProbeEngine & { readonly calls: Call[]; called(count: number): Promise<Call> } {
  const calls: Call[] = [];
  const waiters: { count: number; resolve: (c: Call) => void }[] = [];
  const record = (call: Call): void => {
    calls.push(call);
    for (const w of waiters.splice(0)) {
      const reached = calls[w.count - 1];
      if (reached) w.resolve(reached);
      else waiters.push(w);
    }
  };
  return {
    calls,
    called: (count) => {
      const reached = calls[count - 1];
      return reached ? Promise.resolve(reached) : new Promise((resolve) => waiters.push({ count, resolve }));
    },
    run(profile, options) {
      if (autoFinish) {
        record({ profile, options, finish: () => undefined, fail: () => undefined });
        return Promise.resolve(autoFinish(profile));
      }
      return new Promise<ProbeReport>((resolve, reject) => {
        record({ profile, options, finish: (r) => resolve(r ?? fakeReport({ profileId: profile.id })), fail: reject });
      });
    },
  };
}

export interface Emitted {
  readonly event: EventName;
  readonly payload: EventPayload<EventName>;
}

/** Records events and lets a test await one (no timers, so fake time does not interfere). */
export function recordingSink(): EventSink & { readonly events: Emitted[]; next(match: (e: Emitted) => boolean): Promise<Emitted> } {
  const events: Emitted[] = [];
  const waiters: { match: (e: Emitted) => boolean; resolve: (e: Emitted) => void }[] = [];
  return {
    events,
    emit(event, payload) {
      const e: Emitted = { event, payload };
      events.push(e);
      for (const w of waiters.splice(0)) {
        if (w.match(e)) w.resolve(e);
        else waiters.push(w);
      }
    },
    next: (match) => new Promise((resolve) => waiters.push({ match, resolve })),
  };
}

export function statusOf(e: Emitted): ProfileStatus | null {
  return e.event === 'health.status' && 'profile' in e.payload ? e.payload : null;
}

/** The event that says a run of `id` finished. */
export const runDone = (id: string) => (e: Emitted): boolean => {
  const s = statusOf(e);
  return s !== null && s.profile.id === id && !s.running;
};

export const saveInput = (profile: Record<string, unknown> = {}): ParsedInput<'health.save'> =>
  z.parse(HealthSaveInputSchema, { profile: { name: 'Edge proxy', baseUrl: 'https://proxy.test:8443', ...profile } });

export const runInput = (input: Record<string, unknown>): ParsedInput<'probe.run'> => z.parse(ProbeRunInputSchema, input);
