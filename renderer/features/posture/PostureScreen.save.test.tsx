import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EnvDocument, EnvPreview } from '../../../shared/model/posture';
import { CONFLICT, ENV_PATH, envDoc, GENERATED_SECRET, PREVIEW, SAVED, SHA_OPENED, SHA_SAVED } from '../../test-support/posture-samples';
import { click, inItem, item, ok, openSample, pageText, usePostureLifecycle, type PostureAnswers } from './posture-test-harness';

usePostureLifecycle();

const EDITS = [
  { kind: 'set', key: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL', value: 'true' },
  { kind: 'set', key: 'SENTINEL_SECRET_KEY', value: GENERATED_SECRET },
] as const;

/** Opens the sample, queues a recommended value and a generated secret, and opens Review. */
async function queueAndReview(answers: PostureAnswers = {}) {
  const fake = await openSample(answers);
  fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-set-recommended'));
  fireEvent.click(inItem('SENTINEL_SECRET_KEY').getByTestId('posture-generate'));
  await waitFor(() => expect(screen.getAllByTestId('posture-pending-item')).toHaveLength(2));
  click('posture-review');
  const dialog = await screen.findByRole('dialog');
  return { ...fake, dialog };
}

/** env.read answers the opened file first, then whatever `later` says (the file after a save). */
function readSequence(later: EnvDocument): PostureAnswers['read'] {
  let reads = 0;
  return () => ok(reads++ === 0 ? envDoc() : later);
}

describe('PostureScreen: review and save', () => {
  it('previews the queued edits against the opened sha and shows the masked diff side by side', async () => {
    const { dialog, inputsOf } = await queueAndReview();
    expect(inputsOf('env.preview')).toEqual([{ path: ENV_PATH, baseSha256: SHA_OPENED, edits: EDITS }]);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await within(dialog).findByTestId('posture-preview-headline');
    expect(within(dialog).getByTestId('posture-preview-headline').textContent).toBe(`2 lines added, 2 lines removed in ${ENV_PATH}`);
    expect(within(dialog).getByTestId('posture-preview-verified').textContent).toContain('Reads back as intended');
    const rows = within(dialog).getAllByTestId('posture-diff-row');
    expect(rows.map((row) => row.dataset.kind)).toEqual(['same', 'changed', 'same', 'changed']);
    const cells = (row: HTMLElement | undefined) => Array.from(row?.querySelectorAll('td') ?? []).map((cell) => cell.textContent);
    expect(cells(rows[1])).toEqual(['3', 'was: SENTINEL_SECRET_KEY=de… (35 chars)', '3', 'now: SENTINEL_SECRET_KEY=Q2… (50 chars)']);
    expect(pageText()).not.toContain(GENERATED_SECRET);
    expect(inputsOf('env.save')).toHaveLength(0);
  });

  it('holds Save back while edits are refused, with their reasons', async () => {
    const refused: EnvPreview = { ...PREVIEW, refused: [{ key: 'SENTINEL_SECRET_KEY', message: 'The value holds a character no dotenv quoting can represent.' }] };
    const { dialog } = await queueAndReview({ preview: () => ok(refused) });
    const list = await within(dialog).findByTestId('posture-refused');
    expect(within(list).getByTestId('posture-refused-item').textContent).toBe('SENTINEL_SECRET_KEY: The value holds a character no dotenv quoting can represent.');
    expect(within(dialog).getByTestId('posture-save').hasAttribute('disabled')).toBe(true);
    expect(dialog.textContent).toContain('undo or change them first');
  });

  it('saves with the base sha and the reviewed edits, then shows the backup, the new sha, the mode and the chmod advice', async () => {
    const { dialog, inputsOf } = await queueAndReview({ read: readSequence(envDoc(SHA_SAVED)) });
    await waitFor(() => expect(within(dialog).getByTestId('posture-save').hasAttribute('disabled')).toBe(false));
    fireEvent.click(within(dialog).getByTestId('posture-save'));
    const saved = await screen.findByTestId('posture-saved');
    expect(inputsOf('env.save')).toEqual([{ path: ENV_PATH, baseSha256: SHA_OPENED, edits: EDITS }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(saved).getByTestId('posture-backup-path').textContent).toBe(SAVED.backupPath);
    expect(within(saved).getByTestId('posture-saved-sha').textContent).toBe(SHA_SAVED);
    expect(within(saved).getByTestId('posture-saved-mode').textContent).toBe('0644');
    expect(within(saved).getByTestId('posture-mode-advice').textContent).toContain(SAVED.modeAdvice ?? '');
    expect(within(saved).getByTestId('posture-chmod').textContent).toBe(`chmod 600 ${ENV_PATH}`);
    expect(document.activeElement).toBe(within(saved).getByRole('heading'));
    // The queue is empty, and the file is read again: its new sha is the base of the next save.
    expect(screen.queryAllByTestId('posture-pending-item')).toHaveLength(0);
    await waitFor(() => expect(inputsOf('env.read')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('posture-doc-sha').getAttribute('title')).toBe(SHA_SAVED));
    await waitFor(() => expect(inputsOf('posture.audit').at(-1)).toEqual({ source: { kind: 'path', path: ENV_PATH }, profile: 'production', proxyMode: 'nginx-mtls', edits: [] }));
    expect(screen.queryByTestId('posture-changed-on-disk')).toBeNull();
  });

  it('on a conflict says the file changed on disk, shows what changed there, and offers Reopen instead of a second save', async () => {
    const { dialog, inputsOf } = await queueAndReview({ save: () => ok(CONFLICT) });
    await waitFor(() => expect(within(dialog).getByTestId('posture-save').hasAttribute('disabled')).toBe(false));
    fireEvent.click(within(dialog).getByTestId('posture-save'));
    const conflict = await screen.findByTestId('posture-conflict');
    expect(conflict.getAttribute('role')).toBe('alert');
    expect(within(conflict).getByRole('heading').textContent).toContain('the file changed on disk');
    expect(within(conflict).getByTestId('posture-conflict-message').textContent).toBe(CONFLICT.message);
    expect(conflict.textContent).toContain('Your edits were not written and nothing was overwritten.');
    const rows = within(conflict).getAllByTestId('posture-conflict-row');
    expect(rows.map((row) => row.dataset.kind)).toEqual(['same', 'added']);
    expect(rows[1]?.textContent).toContain('SENTINEL_MAINTENANCE_WINDOW=02:00');
    // The queued edits are kept, but reviewing again waits for Reopen: no second save on the old base.
    expect(screen.getAllByTestId('posture-pending-item')).toHaveLength(2);
    expect(screen.getByTestId('posture-review').hasAttribute('disabled')).toBe(true);
    expect(inputsOf('env.save')).toHaveLength(1);

    fireEvent.click(within(conflict).getByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(inputsOf('env.read')).toHaveLength(2));
    expect(screen.queryByTestId('posture-conflict')).toBeNull();
    expect(screen.getByTestId('posture-review').hasAttribute('disabled')).toBe(false);
    expect(inputsOf('env.save')).toHaveLength(1);
  });

  it('stays open through Escape while the save runs, so what it wrote is recorded', async () => {
    let finish: (value: typeof SAVED) => void = () => undefined;
    const held = new Promise<{ ok: true; value: typeof SAVED }>((resolve) => (finish = (value) => resolve({ ok: true, value })));
    const { dialog } = await queueAndReview({ save: () => held, read: readSequence(envDoc(SHA_SAVED)) });
    await waitFor(() => expect(within(dialog).getByTestId('posture-save').hasAttribute('disabled')).toBe(false));
    fireEvent.click(within(dialog).getByTestId('posture-save'));
    await waitFor(() => expect(within(dialog).getByTestId('posture-save').textContent).toBe('Saving…'));
    expect(within(dialog).getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.getByRole('dialog')).toBe(dialog);
    finish(SAVED);
    await screen.findByTestId('posture-saved');
    expect(screen.queryAllByTestId('posture-pending-item')).toHaveLength(0);
  });

  it('Cancel closes the review without saving and keeps the queue', async () => {
    const { dialog, inputsOf } = await queueAndReview();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(inputsOf('env.save')).toHaveLength(0);
    expect(screen.getAllByTestId('posture-pending-item')).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByTestId('posture-review'));
  });

  it('shows a failed save through the error panel and keeps the dialog open', async () => {
    const { dialog } = await queueAndReview({ save: async () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'EACCES: /opt/sentinel/.env' } }) });
    await waitFor(() => expect(within(dialog).getByTestId('posture-save').hasAttribute('disabled')).toBe(false));
    fireEvent.click(within(dialog).getByTestId('posture-save'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The file was not saved');
    expect(within(alert).getByTestId('error-code').textContent).toBe('FORBIDDEN');
    expect(item('SENTINEL_SECRET_KEY')).toBeTruthy();
  });
});
