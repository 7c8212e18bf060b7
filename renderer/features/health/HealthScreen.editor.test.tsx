import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_PATHS } from '../../../shared/model/probe';
import { DEFAULT_HEADER_NAMES } from '../../../shared/nginx/types';
import { FAILING, HEALTHY, NEVER } from '../../test-support/health-samples';
import { findCard, ok, setup, useHealthLifecycle } from './health-test-harness';

useHealthLifecycle();

const editor = () => screen.getByRole('dialog');
const field = (label: string) => within(editor()).getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const save = () => fireEvent.click(screen.getByTestId('health-editor-save'));

async function openNew() {
  const fake = setup({ save: () => ok({ ...NEVER, profile: { ...NEVER.profile, id: 'new-proxy', name: 'New proxy' } }) }, [HEALTHY]);
  fireEvent.click(await screen.findByTestId('health-add'));
  return fake;
}

describe('HealthScreen editor: adding a proxy', () => {
  it('opens with the name focused and the seed defaults under Advanced', async () => {
    await openNew();
    expect(editor().getAttribute('aria-modal')).toBe('true');
    expect(within(editor()).getByRole('heading', { name: 'Add a proxy' })).toBeTruthy();
    expect(document.activeElement).toBe(field('Name'));
    expect(screen.queryByLabelText('Live path')).toBeNull();
    fireEvent.click(screen.getByTestId('health-editor-advanced'));
    expect([field('Live path').value, field('Ready path').value, field('Heartbeat path').value]).toEqual([
      DEFAULT_PROBE_PATHS.live,
      DEFAULT_PROBE_PATHS.ready,
      DEFAULT_PROBE_PATHS.heartbeat,
    ]);
    expect(field('Connect timeout (ms)').value).toBe('3000');
  });

  it('saves the draft with fields trimmed and optional empties as null, then closes', async () => {
    const { inputsOf } = await openNew();
    type('Name', '  New proxy ');
    type('Base URL', ' https://new.example.com:8443 ');
    type('CA file', '   ');
    type('Device certificate', ' /etc/probe.pem ');
    type('Device key', '/etc/probe.key');
    type('Device id', ' probe-new ');
    type('CRL file', '/etc/crl.pem ');
    fireEvent.change(within(editor()).getByLabelText('Probe interval'), { target: { value: '60' } });
    save();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(inputsOf('health.save')).toEqual([
      {
        profile: {
          name: 'New proxy',
          baseUrl: 'https://new.example.com:8443',
          caFile: null,
          insecure: false,
          device: { certFile: '/etc/probe.pem', keyFile: '/etc/probe.key', deviceId: 'probe-new' },
          paths: DEFAULT_PROBE_PATHS,
          matrixDir: null,
          crlFile: '/etc/crl.pem',
          intervalSeconds: 60,
          timeouts: { connectMs: 3000, totalMs: 8000 },
        },
      },
    ]);
    // The saved profile's card appears from the command's answer.
    expect((await findCard('New proxy')).dataset.profileId).toBe('new-proxy');
  });

  it('validates required fields inline and sends nothing until they are fixed', async () => {
    const { inputsOf } = await openNew();
    type('Base URL', 'http://plain.example.com/api');
    type('Device id', 'probe-x');
    save();
    const errors = await within(editor()).findAllByTestId('health-field-error');
    expect(errors.map((error) => error.closest('[data-field]')?.getAttribute('data-field'))).toEqual(['name', 'baseUrl', 'certFile', 'keyFile']);
    expect(field('Name').getAttribute('aria-invalid')).toBe('true');
    expect(field('Base URL').getAttribute('aria-describedby')).toContain(errors[1]?.id);
    expect(errors[1]?.textContent).toContain('https://');
    await waitFor(() => expect(document.activeElement).toBe(field('Name')));

    type('Base URL', 'https://plain.example.com/api');
    expect(within(editor()).getAllByTestId('health-field-error')[1]?.textContent).toContain('Scheme, host and port only');
    expect(inputsOf('health.save')).toEqual([]);
  });

  it('opens Advanced when the problem is there', async () => {
    await openNew();
    type('Name', 'x');
    type('Base URL', 'https://x.example.com');
    fireEvent.click(screen.getByTestId('health-editor-advanced'));
    type('Connect timeout (ms)', '5');
    fireEvent.click(screen.getByTestId('health-editor-advanced'));
    save();
    expect((await within(editor()).findByTestId('health-field-error')).textContent).toBe('Between 100 and 60000 ms.');
    expect(screen.getByTestId('health-editor-advanced').getAttribute('aria-expanded')).toBe('true');
  });

  it("shows main's refusal in the error panel and keeps the editor open", async () => {
    setup({ save: async () => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input for health.save: ✖ an https:// URL → at profile.baseUrl' } }) }, [HEALTHY]);
    fireEvent.click(await screen.findByTestId('health-add'));
    type('Name', 'x');
    type('Base URL', 'https://x.example.com');
    save();
    const alert = await within(editor()).findByRole('alert');
    expect(alert.textContent).toContain('Could not save the profile');
    expect(within(alert).getByTestId('error-code').textContent).toBe('INVALID_INPUT');
    expect(within(alert).getByTestId('error-message').textContent).toContain('profile.baseUrl');
  });

  it('warns plainly when verification is turned off, and suggests a dedicated probe device id', async () => {
    await openNew();
    type('Base URL', 'https://edge-c.example.com');
    expect(screen.getByTestId('health-insecure-warning').className).toBe('field__hint');
    fireEvent.click(screen.getByTestId('health-editor-insecure'));
    expect(screen.getByTestId('health-insecure-warning').className).toBe('hl-warning');
    expect(screen.getByTestId('health-insecure-warning').textContent).toContain('marked Insecure');
    expect(editor().textContent).toContain('the platform may enroll the device id');
    fireEvent.click(screen.getByTestId('health-use-suggestion'));
    expect(field('Device id').value).toBe('probe-edge-c');
    expect(screen.getByTestId('health-matrix-files').textContent).toContain('valid-chain.pem, valid-chain.key');
  });

  it('closes on Escape without saving and gives focus back', async () => {
    const { inputsOf } = setup({}, [HEALTHY]);
    const add = await screen.findByTestId('health-add');
    add.focus();
    fireEvent.click(add);
    expect(document.activeElement).toBe(field('Name'));
    fireEvent.keyDown(editor(), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(add);
    expect(inputsOf('health.save')).toEqual([]);
  });
});

describe('HealthScreen editor: editing', () => {
  it('fills the form from the profile and saves it under its id with its header names', async () => {
    const { inputsOf } = setup({ save: () => ok(FAILING) });
    fireEvent.click(within(await findCard('Edge B')).getByTestId('health-edit'));
    expect(within(editor()).getByRole('heading', { name: 'Edit Edge B' })).toBeTruthy();
    expect(field('Base URL').value).toBe('https://edge-b.example.com:8443');
    expect(field('Matrix directory').value).toBe('/etc/sentinel/matrix');
    type('Name', 'Edge B (eu)');
    save();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [sent] = inputsOf('health.save');
    expect(sent?.profile).toMatchObject({ id: 'edge-b', name: 'Edge B (eu)', device: null, headerNames: DEFAULT_HEADER_NAMES, intervalSeconds: null });
  });
});
