// Shared by the CertificatesScreen tests: a fake bridge with sample answers and DOM helpers.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import type { Input } from '../../../shared/ipc/types';
import type { InspectResult } from '../../../shared/model/pki';
import type { ValidationResult } from '../../../shared/pki/path/types';
import { fakeBridge } from '../../test-support/fake-bridge';
import { EXPIRED_VALIDATION, INSPECT_RESULT } from '../../test-support/pki-samples';
import { renderWithBridge } from '../../test-support/render';
import { CertificatesScreen } from './CertificatesScreen';
import { resetCertDraft } from './draft-store';

export const PATHS = ['/pki/device-expired-chain.pem', '/pki/root-ca.pem', '/pki/crl-intermediate.pem', '/pki/device-expired.key', '/pki/notes.txt'];

export interface Answers {
  inspect?: (input: Input<'cert.inspect'>) => Promise<Result<InspectResult>>;
  verify?: (input: Input<'cert.verify'>) => Promise<Result<ValidationResult>>;
  choose?: () => Promise<Result<{ paths: readonly string[] }>>;
}

export function setup(answers: Answers = {}) {
  const fake = fakeBridge(undefined, {
    'cert.inspect': answers.inspect ?? (async () => ({ ok: true, value: INSPECT_RESULT })),
    'cert.verify': answers.verify ?? (async () => ({ ok: true, value: EXPIRED_VALIDATION })),
    'files.choose': answers.choose ?? (async () => ({ ok: true, value: { paths: PATHS } })),
  });
  renderWithBridge(<CertificatesScreen />, fake.bridge);
  return fake;
}

/** Opens the five sample files through the (faked) native dialog and waits for the cards. */
export async function openSampleFiles(answers: Answers = {}) {
  const fake = setup(answers);
  fireEvent.click(screen.getByRole('button', { name: 'Open files…' }));
  const cards = await screen.findAllByTestId('cert-card');
  return { ...fake, cards };
}

export const findingIds = (root: HTMLElement | Document = document): string[] =>
  Array.from(root.querySelectorAll<HTMLElement>('[data-testid="cert-finding"]')).map((el) => el.dataset.id ?? '');

export const cardOf = (cards: HTMLElement[], title: string): HTMLElement => {
  const card = cards.find((candidate) => within(candidate).queryByRole('heading', { name: title }) !== null);
  if (!card) throw new Error(`no card titled ${title}`);
  return card;
};


/** Fresh draft before each test, no DOM or mocks left after it. */
export function useScreenLifecycle(): void {
  beforeEach(() => {
    resetCertDraft();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

}
