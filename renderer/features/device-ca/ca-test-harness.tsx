// Shared by the DeviceCaScreen tests: a fake bridge with sample answers, a frozen clock and finders.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { CommandName } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import type { Input, Output } from '../../../shared/ipc/types';
import type { CaOverview } from '../../../shared/model/ca';
import { AUDIT_INTACT, INVENTORY, NOW, sampleIssueResult, SIGNED_PEM, UNLOCKED } from '../../test-support/ca-samples';
import { fakeBridge, type FakeCommands } from '../../test-support/fake-bridge';
import { renderWithBridge } from '../../test-support/render';
import { resetCaUi } from './ca-ui-store';
import { DeviceCaScreen } from './DeviceCaScreen';

export const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
export const fail = (message: string): Promise<Result<never>> => Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message } });

type CaCommand = Extract<CommandName, `ca.${string}`>;
export type CaAnswers = { [K in CaCommand]?: (input: Input<K>) => Promise<Result<Output<K>>> } & Pick<FakeCommands, 'files.choose'>;

/**
 * Renders the Device CA area over a fake bridge. `ca.status` answers with `overview.current`,
 * which a test may change to model main's state moving on; other commands answer plausibly.
 */
export function setup(initial: CaOverview = UNLOCKED, answers: CaAnswers = {}) {
  const overview = { current: initial };
  const fake = fakeBridge(undefined, {
    'ca.status': () => ok(overview.current),
    'ca.unlock': () => ok({ ...overview.current.vault, unlocked: true }),
    'ca.lock': () => ok({ ...overview.current.vault, unlocked: false }),
    'ca.remember': (input) => ok({ ...overview.current.vault, unlocked: true, remembered: input.enabled }),
    'ca.list': (input) => ok(INVENTORY.filter((cert) => input.filter === undefined || input.filter === 'all' || cert.status === input.filter)),
    'ca.auditLog': () => ok(AUDIT_INTACT),
    'ca.issueDevice': (input) => ok(sampleIssueResult({ deviceId: input.deviceId, subject: `CN=${input.deviceId}` })),
    'ca.signCsr': () => ok({ ...sampleIssueResult({ deviceId: 'sensor-7', origin: 'csr' }), files: [], certificatePem: SIGNED_PEM }),
    ...answers,
  });
  const view = renderWithBridge(<DeviceCaScreen />, fake.bridge);
  const count = (name: CommandName) => fake.calls.log.filter((call) => call.name === name).length;
  return { ...fake, view, overview, count };
}

/** Types into the input labelled `label` (inside `scope` when given). */
export function type(label: string | RegExp, value: string, scope: HTMLElement = document.body): HTMLInputElement {
  const input = within(scope).getByLabelText(label) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  return input;
}

export const dialog = () => screen.getByRole('dialog');

/** Every string the operator could see or a script could read off the page, input values included. */
export function everythingRendered(): string {
  const values = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')).map((input) => input.value);
  return [document.body.innerHTML, document.body.textContent ?? '', ...values].join('\n');
}

/** Fresh UI state and a frozen clock (Date only: react-query's timers stay real) for every test. */
export function useCaLifecycle(): void {
  beforeEach(() => {
    resetCaUi();
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}
