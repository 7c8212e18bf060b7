// Shared by the NginxScreen tests: a fake bridge with sample answers and form helpers.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import type { Input } from '../../../shared/ipc/types';
import type { NginxDiffReport, NginxInstallPlan, NginxInstallReport, NginxLintReport, NginxRenderOutcome } from '../../../shared/model/nginx';
import type { NginxTestResult } from '../../../shared/nginx/types';
import { fakeBridge } from '../../test-support/fake-bridge';
import { CHECK_FAILED, DIFF, INSTALLED, installPlan, RENDERED } from '../../test-support/nginx-samples';
import { renderWithBridge } from '../../test-support/render';
import { resetNginxDraft } from './draft-store';
import { NginxScreen } from './NginxScreen';

export interface NginxAnswers {
  render?: (input: Input<'nginx.render'>) => Promise<Result<NginxRenderOutcome>>;
  lint?: (input: Input<'nginx.lint'>) => Promise<Result<NginxLintReport>>;
  check?: (input: Input<'nginx.check'>) => Promise<Result<NginxTestResult>>;
  diff?: (input: Input<'nginx.diff'>) => Promise<Result<NginxDiffReport>>;
  plan?: (input: Input<'nginx.installPlan'>) => Promise<Result<NginxInstallPlan>>;
  install?: (input: Input<'nginx.install'>) => Promise<Result<NginxInstallReport>>;
  choose?: () => Promise<Result<{ paths: readonly string[] }>>;
}

export const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

export function setup(answers: NginxAnswers = {}) {
  const fake = fakeBridge(undefined, {
    'nginx.render': answers.render ?? (() => ok(RENDERED)),
    'nginx.lint': answers.lint ?? (() => ok({ findings: [], files: [] })),
    'nginx.check': answers.check ?? (() => ok(CHECK_FAILED)),
    'nginx.diff': answers.diff ?? (() => ok(DIFF)),
    'nginx.installPlan': answers.plan ?? ((input) => ok(installPlan(input.reload ?? true, input.deployedPath))),
    'nginx.install': answers.install ?? (() => ok(INSTALLED)),
    'files.choose': answers.choose ?? (() => ok({ paths: ['/etc/nginx/nginx.conf'] })),
  });
  const view = renderWithBridge(<NginxScreen />, fake.bridge);
  return { ...fake, view };
}

export const field = (label: string): HTMLInputElement => screen.getByLabelText(label);

export function type(label: string, value: string): void {
  fireEvent.change(field(label), { target: { value } });
}

export const REQUIRED_VALUES = {
  'Server name': 'proxy.example.com',
  'TLS certificate': '/etc/nginx/tls/proxy.crt',
  'TLS private key': '/etc/nginx/tls/proxy.key',
  'Client CA bundle': '/etc/nginx/tls/device-ca.pem',
} as const;

/** Fills the four required fields and waits for the rendered config to show. */
export async function renderSample(answers: NginxAnswers = {}) {
  const fake = setup(answers);
  for (const [label, value] of Object.entries(REQUIRED_VALUES)) type(label, value);
  await screen.findByTestId('nginx-code');
  await waitFor(() => expect(screen.getByTestId('nginx-check').hasAttribute('disabled')).toBe(false));
  return fake;
}

/** The text of each shown code line, as the operator reads it. */
export const codeText = (): string[] => screen.getAllByTestId('nginx-code-line').map((line) => line.querySelector('.code__text')?.textContent ?? '');

/** Fresh draft before each test, no DOM or mocks left after it. */
export function useNginxLifecycle(): void {
  beforeEach(() => {
    resetNginxDraft();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}
