// Shared by the PostureScreen tests: a fake bridge with sample answers, opening the sample file, finders.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import type { Input } from '../../../shared/ipc/types';
import type { AuditResult, EnvDocument, EnvPreview, EnvSaveOutcome } from '../../../shared/model/posture';
import { fakeBridge } from '../../test-support/fake-bridge';
import { ENV_DOC, ENV_PATH, GENERATED_SECRET, PREVIEW, SAVED, sampleAudit } from '../../test-support/posture-samples';
import { renderWithBridge } from '../../test-support/render';
import { PostureScreen } from './PostureScreen';
import { resetPosture } from './posture-store';

export interface PostureAnswers {
  read?: (input: Input<'env.read'>) => Promise<Result<EnvDocument>>;
  audit?: (input: Input<'posture.audit'>) => Promise<Result<AuditResult>>;
  preview?: (input: Input<'env.preview'>) => Promise<Result<EnvPreview>>;
  save?: (input: Input<'env.save'>) => Promise<Result<EnvSaveOutcome>>;
  generate?: () => Promise<Result<{ readonly value: string }>>;
  choose?: () => Promise<Result<{ readonly paths: readonly string[] }>>;
}

export const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

export function setup(answers: PostureAnswers = {}) {
  // Like the real audit, the sample one reports the hash of the file as last read.
  let sha = ENV_DOC.sha256;
  const read = answers.read ?? (() => ok(ENV_DOC));
  const fake = fakeBridge(undefined, {
    'env.read': async (input) => {
      const result = await read(input);
      if (result.ok) sha = result.value.sha256;
      return result;
    },
    'posture.audit': answers.audit ?? ((input) => ok(sampleAudit(input, sha))),
    'env.preview': answers.preview ?? (() => ok(PREVIEW)),
    'env.save': answers.save ?? (() => ok(SAVED)),
    'env.generateSecret': answers.generate ?? (() => ok({ value: GENERATED_SECRET })),
    'files.choose': answers.choose ?? (() => ok({ paths: [ENV_PATH] })),
  });
  const view = renderWithBridge(<PostureScreen />, fake.bridge);
  return { ...fake, view };
}

export const click = (testId: string): void => void fireEvent.click(screen.getByTestId(testId));

/** Types the sample path, opens it and waits for the checklist. */
export async function openSample(answers: PostureAnswers = {}) {
  const fake = setup(answers);
  fireEvent.change(screen.getByLabelText('Control plane .env file'), { target: { value: ENV_PATH } });
  click('posture-open');
  await screen.findByTestId('posture-checklist');
  return fake;
}

/** The checklist item about `key` (the first, when several rules name it). */
export function item(key: string): HTMLElement {
  const found = screen.getAllByTestId('posture-item').find((element) => element.dataset.key === key);
  if (found === undefined) throw new Error(`No checklist item for ${key}`);
  return found;
}

export const inItem = (key: string) => within(item(key));

/** Everything the operator can read on the page, dialogs included. */
export const pageText = (): string => document.body.textContent ?? '';

/** Fresh UI state before each test, no DOM or mocks left after it. */
export function usePostureLifecycle(): void {
  beforeEach(() => {
    resetPosture();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}
