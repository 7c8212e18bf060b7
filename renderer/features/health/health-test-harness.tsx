// Shared by the HealthScreen tests: a fake bridge with sample answers, a frozen clock and finders.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import type { Input } from '../../../shared/ipc/types';
import type { ProbeReport, ProfileStatus } from '../../../shared/model/probe';
import { fakeBridge } from '../../test-support/fake-bridge';
import { FAILING, HEALTHY, NEVER, NOW, sampleReport } from '../../test-support/health-samples';
import { renderWithBridge } from '../../test-support/render';
import { resetHealthUi } from './health-ui-store';
import { HealthScreen } from './HealthScreen';

export interface HealthAnswers {
  list?: () => Promise<Result<readonly ProfileStatus[]>>;
  save?: (input: Input<'health.save'>) => Promise<Result<ProfileStatus>>;
  remove?: (input: Input<'health.delete'>) => Promise<Result<{ readonly deleted: boolean }>>;
  schedule?: (input: Input<'health.schedule'>) => Promise<Result<ProfileStatus>>;
  run?: (input: Input<'probe.run'>) => Promise<Result<ProbeReport>>;
}

export const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

/** A promise the test settles by hand, for asserting busy states. */
export function held<T>() {
  let settle: (value: Result<T>) => void = () => undefined;
  const promise = new Promise<Result<T>>((resolve) => {
    settle = resolve;
  });
  return { promise, settle: (value: T) => settle({ ok: true, value }) };
}

export const SAMPLE_STATUSES: readonly ProfileStatus[] = [HEALTHY, FAILING, NEVER];

/** Renders the Health area over a fake bridge that lists `statuses` and answers the rest plausibly. */
export function setup(answers: HealthAnswers = {}, statuses: readonly ProfileStatus[] = SAMPLE_STATUSES) {
  const byId = (id: string): ProfileStatus => statuses.find((status) => status.profile.id === id) ?? HEALTHY;
  const fake = fakeBridge(undefined, {
    'health.list': answers.list ?? (() => ok(statuses)),
    'health.save': answers.save ?? (() => ok(HEALTHY)),
    'health.delete': answers.remove ?? (() => ok({ deleted: true })),
    'health.schedule':
      answers.schedule ??
      ((input) => {
        const status = byId(input.id);
        return ok({ ...status, profile: { ...status.profile, intervalSeconds: input.intervalSeconds }, scheduled: input.intervalSeconds !== null });
      }),
    'probe.run': answers.run ?? ((input) => ok(sampleReport({ profileId: input.target.kind === 'profile' ? input.target.id : null }))),
  });
  const view = renderWithBridge(<HealthScreen />, fake.bridge);
  /** How many times the list was asked for: once, however many events arrive. */
  const listCalls = () => fake.calls.log.filter((call) => call.name === 'health.list').length;
  return { ...fake, view, listCalls };
}

/** The card whose heading is `name`. */
export async function findCard(name: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name });
  const card = heading.closest<HTMLElement>('[data-testid="health-card"]');
  if (card === null) throw new Error(`No card around the heading ${name}`);
  return card;
}

export const inCard = (card: HTMLElement) => within(card);

/** Fresh UI state and a frozen clock (Date only: react-query's timers stay real) for every test. */
export function useHealthLifecycle(): void {
  beforeEach(() => {
    resetHealthUi();
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}
