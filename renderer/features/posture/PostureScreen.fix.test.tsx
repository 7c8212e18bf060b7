import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GENERATED_SECRET } from '../../test-support/posture-samples';
import { click, inItem, item, openSample, pageText, usePostureLifecycle } from './posture-test-harness';

usePostureLifecycle();

const pendingKeys = () => screen.queryAllByTestId('posture-pending-item').map((element) => element.dataset.key);

describe('PostureScreen: fix actions', () => {
  it('"Set to" queues the recommended value and re-audits with the edit, so the item improves before saving', async () => {
    const { inputsOf } = await openSample();
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-set-recommended'));
    // Queued already: the one-click fix does not offer itself twice.
    expect(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').queryByTestId('posture-set-recommended')).toBeNull();
    expect(pendingKeys()).toEqual(['SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL']);
    await waitFor(() => expect(inputsOf('posture.audit').at(-1)?.edits).toEqual([{ kind: 'set', key: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL', value: 'true' }]));
    await waitFor(() => expect(item('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').dataset.status).toBe('pass'));
    expect(screen.getByRole('heading', { name: /Production checklist/ }).textContent).toContain('with the pending changes applied');
    expect(screen.getByTestId('posture-pending-item').textContent).toContain('set to');
    expect(screen.getByTestId('posture-pending-item').textContent).toContain('true');
    // Nothing was written: no preview, no save.
    expect(inputsOf('env.save')).toHaveLength(0);
  });

  it('undoes one queued edit and audits the file without it again', async () => {
    const { inputsOf } = await openSample();
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-set-recommended'));
    await waitFor(() => expect(item('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').dataset.status).toBe('pass'));
    fireEvent.click(within(screen.getByTestId('posture-pending')).getByRole('button', { name: 'Undo the change to SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL' }));
    expect(pendingKeys()).toEqual([]);
    // The row is gone: focus lands on the list's heading, not on the page's start.
    await waitFor(() => expect(document.activeElement).toBe(within(screen.getByTestId('posture-pending')).getByRole('heading')));
    await waitFor(() => expect(item('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').dataset.status).toBe('fail'));
    expect(inputsOf('posture.audit').at(-1)?.edits ?? []).toEqual([]);
  });

  it('generates a secret through main and keeps it masked everywhere until revealed', async () => {
    const { inputsOf } = await openSample();
    fireEvent.click(inItem('SENTINEL_SECRET_KEY').getByTestId('posture-generate'));
    await waitFor(() => expect(pendingKeys()).toEqual(['SENTINEL_SECRET_KEY']));
    expect(inputsOf('env.generateSecret')).toEqual([{}]);
    await waitFor(() => expect(inputsOf('posture.audit').at(-1)?.edits).toEqual([{ kind: 'set', key: 'SENTINEL_SECRET_KEY', value: GENERATED_SECRET }]));
    await waitFor(() => expect(item('SENTINEL_SECRET_KEY').dataset.status).toBe('pass'));
    expect(pageText()).not.toContain(GENERATED_SECRET);
    const pending = screen.getByTestId('posture-pending-item');
    expect(pending.textContent).toContain('set to a generated secret');
    expect(within(pending).getByTestId('posture-value').textContent).toBe('Q2… (50 chars)');

    fireEvent.click(within(pending).getByRole('button', { name: 'Reveal queued value of SENTINEL_SECRET_KEY' }));
    expect(within(pending).getByTestId('posture-value').textContent).toBe(GENERATED_SECRET);
    // Revealed in that one place only; the checklist's copy stays masked.
    expect(within(item('SENTINEL_SECRET_KEY')).getAllByTestId('posture-value').map((value) => value.dataset.masked)).toEqual(['true', 'true']);
    fireEvent.click(within(pending).getByRole('button', { name: 'Hide queued value of SENTINEL_SECRET_KEY' }));
    expect(pageText()).not.toContain(GENERATED_SECRET);
  });

  it('edits a plain value inline: Enter queues it and focus returns to Edit', async () => {
    const { inputsOf } = await openSample();
    const edit = inItem('SENTINEL_ALLOWED_ORIGINS').getByRole('button', { name: 'Edit SENTINEL_ALLOWED_ORIGINS' });
    fireEvent.click(edit);
    const input = inItem('SENTINEL_ALLOWED_ORIGINS').getByLabelText('New value for SENTINEL_ALLOWED_ORIGINS') as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.value).toBe('*');
    await waitFor(() => expect(document.activeElement).toBe(input));
    fireEvent.change(input, { target: { value: 'https://sentinel.example.com' } });
    fireEvent.submit(input.form as HTMLFormElement);
    await waitFor(() => expect(inputsOf('posture.audit').at(-1)?.edits).toEqual([{ kind: 'set', key: 'SENTINEL_ALLOWED_ORIGINS', value: 'https://sentinel.example.com' }]));
    await waitFor(() => expect(item('SENTINEL_ALLOWED_ORIGINS').dataset.status).toBe('pass'));
    await waitFor(() => expect(document.activeElement).toBe(inItem('SENTINEL_ALLOWED_ORIGINS').getByRole('button', { name: 'Edit SENTINEL_ALLOWED_ORIGINS' })));
  });

  it('Escape leaves the editor without queuing anything', async () => {
    await openSample();
    fireEvent.click(inItem('SENTINEL_ALLOWED_ORIGINS').getByTestId('posture-edit'));
    const input = inItem('SENTINEL_ALLOWED_ORIGINS').getByTestId('posture-editor-input');
    fireEvent.change(input, { target: { value: 'https://typo.example' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('posture-editor')).toBeNull();
    expect(pendingKeys()).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(inItem('SENTINEL_ALLOWED_ORIGINS').getByTestId('posture-edit')));
  });

  it('edits a secret in a password field that starts empty, with its own Reveal, and masks it once queued', async () => {
    const { inputsOf } = await openSample();
    fireEvent.click(inItem('SENTINEL_JWT_SECRET').getByTestId('posture-edit'));
    const input = inItem('SENTINEL_JWT_SECRET').getByLabelText('New value for SENTINEL_JWT_SECRET') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(input.value).toBe('');
    expect(inItem('SENTINEL_JWT_SECRET').getByTestId('posture-editor-queue').hasAttribute('disabled')).toBe(true);
    const typed = 'a-typed-secret-that-is-long-enough-0123456789';
    fireEvent.change(input, { target: { value: typed } });
    fireEvent.click(inItem('SENTINEL_JWT_SECRET').getByTestId('posture-editor-reveal'));
    expect(input.type).toBe('text');
    fireEvent.click(inItem('SENTINEL_JWT_SECRET').getByTestId('posture-editor-reveal'));
    expect(input.type).toBe('password');
    fireEvent.click(inItem('SENTINEL_JWT_SECRET').getByTestId('posture-editor-queue'));
    await waitFor(() => expect(inputsOf('posture.audit').at(-1)?.edits).toEqual([{ kind: 'set', key: 'SENTINEL_JWT_SECRET', value: typed }]));
    expect(pageText()).not.toContain(typed);
    expect(within(screen.getByTestId('posture-pending-item')).getByTestId('posture-value').dataset.masked).toBe('true');
  });

  it('queues a removal from the editor, and one edit per key (the later replaces the earlier)', async () => {
    const { inputsOf } = await openSample();
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-set-recommended'));
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-edit'));
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-editor-remove'));
    expect(pendingKeys()).toEqual(['SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL']);
    expect(screen.getByTestId('posture-pending-item').textContent).toContain('remove the setting');
    await waitFor(() => expect(inputsOf('posture.audit').at(-1)?.edits).toEqual([{ kind: 'remove', key: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL' }]));
  });

  it('discards every queued edit at once', async () => {
    await openSample();
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-set-recommended'));
    fireEvent.click(inItem('SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED').getByTestId('posture-set-recommended'));
    expect(pendingKeys()).toEqual(['SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL', 'SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED']);
    click('posture-discard');
    expect(pendingKeys()).toEqual([]);
    expect(screen.getByTestId('posture-pending').textContent).toContain('Nothing queued');
  });

  it('keeps queued edits from being dropped by opening another file', async () => {
    await openSample();
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-set-recommended'));
    fireEvent.change(screen.getByLabelText('Control plane .env file'), { target: { value: '/srv/other/.env' } });
    expect(screen.getByTestId('posture-open').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('posture-open-hint').textContent).toContain('before opening another file');
  });
});
