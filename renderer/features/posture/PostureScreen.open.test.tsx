import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_GROUPS } from '../../../shared/model/posture';
import { ENV_PATH, JWT_IN_FILE, SECRET_IN_FILE, SHA_CHANGED, sampleAudit } from '../../test-support/posture-samples';
import { click, item, ok, openSample, pageText, setup, usePostureLifecycle } from './posture-test-harness';

usePostureLifecycle();

const lastAudit = (inputsOf: ReturnType<typeof setup>['inputsOf']) => inputsOf('posture.audit').at(-1);

describe('PostureScreen: opening a file', () => {
  it('says what the area does before a file is open, and sends nothing', () => {
    const { calls } = setup();
    expect(screen.getByTestId('posture-empty').textContent).toContain('production checklist');
    expect(calls.log).toEqual([]);
    expect(screen.getByTestId('posture-open').hasAttribute('disabled')).toBe(true);
  });

  it('reads the file, then audits it by path with the chosen profile and proxy mode', async () => {
    const { calls, inputsOf } = await openSample();
    expect(calls.log.map((call) => call.name)).toEqual(['env.read', 'posture.audit']);
    expect(inputsOf('env.read')).toEqual([{ path: ENV_PATH }]);
    expect(inputsOf('posture.audit')).toEqual([{ source: { kind: 'path', path: ENV_PATH }, profile: 'production', proxyMode: 'nginx-mtls', edits: [] }]);
    expect(screen.getByTestId('posture-doc-path').textContent).toBe(ENV_PATH);
    expect(screen.getByTestId('posture-doc-mode').textContent).toContain('0644');
    expect(screen.getByTestId('posture-doc-mode').textContent).toContain('others can read it');
  });

  it('groups the checklist in the seed order, each item with its status as glyph and word', async () => {
    await openSample();
    const groups = screen.getAllByTestId('posture-group');
    expect(groups.map((group) => group.dataset.group)).toEqual([...CHECKLIST_GROUPS]);
    expect(groups.map((group) => within(group).getByTestId('posture-group-title').textContent)).toEqual([
      'Network boundary',
      'Secrets and signing material',
      'Enrollment and identity posture',
      'Workload trust posture',
      'Change-management features',
      'Background services',
      'Database posture',
    ]);
    expect(within(groups[3] as HTMLElement).getByText('No rule in this group applies to this file.')).toBeTruthy();
    const statusOf = (key: string) => within(item(key)).getByTestId('posture-status').textContent;
    expect(statusOf('SENTINEL_TRUST_PROXY_CERT_HEADERS')).toBe('✓Pass');
    expect(statusOf('SENTINEL_ALLOWED_ORIGINS')).toBe('✕Fail');
    expect(statusOf('SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED')).toBe('!Warning');
    const wholeFile = screen.getAllByTestId('posture-item').find((element) => element.dataset.rule === 'health-toggles');
    expect(wholeFile?.textContent).toContain('Not checked');
    expect(wholeFile?.textContent).toContain('The file as a whole');
    // Inference is marked where the rule rests on it, and only there.
    expect(screen.getAllByTestId('posture-inferred')).toHaveLength(1);
    expect(within(item('SENTINEL_INCIDENT_POLICY_TEMPLATE_DIRECT_IMPORT_ENABLED')).getByTestId('posture-inferred')).toBeTruthy();
    expect(item('SENTINEL_ALLOWED_ORIGINS').textContent).toContain('Fix: Replace * with the exact dashboard origin(s)');
  });

  it('shows the counts, lists SENTINEL_ settings no rule covers as not checked, and filters', async () => {
    await openSample();
    const count = (status: string) => screen.getByTestId(`posture-count-${status}`).textContent;
    expect([count('fail'), count('warn'), count('pass'), count('unchecked')]).toEqual(['✕4 fail', '!1 warning', '✓2 pass', '?2 not checked']);
    const uncovered = screen.getByTestId('posture-uncovered');
    expect(within(uncovered).getAllByTestId('posture-uncovered-item').map((element) => element.dataset.key)).toEqual(['SENTINEL_FANCY_FLAG']);
    expect(uncovered.textContent).toContain('Not checked');

    click('posture-filter-fail');
    expect(screen.getByTestId('posture-filter-fail').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByTestId('posture-item').map((element) => element.dataset.status)).toEqual(['fail', 'fail', 'fail', 'fail']);
    expect(screen.getAllByTestId('posture-group').map((group) => group.dataset.group)).toEqual(['network-boundary', 'secrets-and-signing', 'enrollment-and-identity']);
    expect(screen.queryByTestId('posture-uncovered')).toBeNull();

    click('posture-filter-unchecked');
    expect(screen.getAllByTestId('posture-item').map((element) => element.dataset.rule)).toEqual(['health-toggles']);
    expect(screen.getByTestId('posture-uncovered')).toBeTruthy();

    click('posture-filter-all');
    expect(screen.getAllByTestId('posture-item')).toHaveLength(8);
  });

  it('masks secret values from the file until the operator reveals one', async () => {
    await openSample();
    expect(pageText()).not.toContain(SECRET_IN_FILE);
    expect(pageText()).not.toContain(JWT_IN_FILE);
    expect(within(item('SENTINEL_SECRET_KEY')).getByTestId('posture-value').textContent).toBe('de… (35 chars)');
    expect(within(item('SENTINEL_ALLOWED_ORIGINS')).getByTestId('posture-value').textContent).toBe('*');
    fireEvent.click(within(item('SENTINEL_SECRET_KEY')).getByRole('button', { name: 'Reveal value of SENTINEL_SECRET_KEY' }));
    expect(within(item('SENTINEL_SECRET_KEY')).getByTestId('posture-value').textContent).toBe(SECRET_IN_FILE);
    fireEvent.click(within(item('SENTINEL_SECRET_KEY')).getByRole('button', { name: 'Hide value of SENTINEL_SECRET_KEY' }));
    expect(pageText()).not.toContain(SECRET_IN_FILE);
  });

  it('re-audits when the profile or the proxy mode changes', async () => {
    const { inputsOf } = await openSample();
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'development' } });
    await waitFor(() => expect(lastAudit(inputsOf)?.profile).toBe('development'));
    await waitFor(() => expect(item('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').dataset.status).toBe('warn'));

    fireEvent.change(screen.getByLabelText('How the API is reached'), { target: { value: 'direct' } });
    await waitFor(() => expect(lastAudit(inputsOf)).toEqual({ source: { kind: 'path', path: ENV_PATH }, profile: 'development', proxyMode: 'direct', edits: [] }));
    await waitFor(() => expect(item('SENTINEL_TRUST_PROXY_CERT_HEADERS').dataset.status).toBe('fail'));
    expect(inputsOf('env.read')).toHaveLength(1);
  });

  it('fills and opens the path from the native dialog', async () => {
    const { inputsOf } = setup();
    click('posture-choose');
    await screen.findByTestId('posture-checklist');
    expect(inputsOf('files.choose')[0]?.multiple).toBe(false);
    expect((screen.getByLabelText('Control plane .env file') as HTMLInputElement).value).toBe(ENV_PATH);
    expect(inputsOf('env.read')).toEqual([{ path: ENV_PATH }]);
  });

  it('says plainly when the host has no file dialog', async () => {
    setup({ choose: async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'No dialog on the web host.' } }) });
    click('posture-choose');
    await waitFor(() => expect(screen.getByTestId('posture-open-hint').textContent).toBe('This host has no file dialog: type the path instead.'));
  });

  it('shows a file that cannot be read through the error panel', async () => {
    setup({ read: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No such file: /nope/.env' } }) });
    fireEvent.change(screen.getByLabelText('Control plane .env file'), { target: { value: '/nope/.env' } });
    click('posture-open');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read /nope/.env');
    expect(within(alert).getByTestId('error-code').textContent).toBe('NOT_FOUND');
  });

  it('says when the file on disk is no longer the one opened, and Reopen reads it again', async () => {
    let sha = SHA_CHANGED;
    const { inputsOf } = await openSample({ audit: (input) => ok(sampleAudit(input, sha)) });
    expect((await screen.findByTestId('posture-changed-on-disk')).textContent).toContain('changed since');
    sha = 'a1'.repeat(32);
    click('posture-reopen');
    await waitFor(() => expect(inputsOf('env.read')).toHaveLength(2));
    await waitFor(() => expect(screen.queryByTestId('posture-changed-on-disk')).toBeNull());
  });
});
