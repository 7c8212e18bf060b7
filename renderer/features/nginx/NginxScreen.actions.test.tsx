import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEPLOYED_PATH } from '../../../shared/nginx/types';
import { CHECK_OK, DIFF_IDENTICAL, DIFF_NOTHING_DEPLOYED, RENDERED_TEXT, RESTORED } from '../../test-support/nginx-samples';
import { ok, renderSample, useNginxLifecycle } from './nginx-test-harness';

useNginxLifecycle();

const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));

describe('NginxScreen: Check with nginx', () => {
  it('sends the rendered text and shows the verdict, messages with levels, duration and the exact command', async () => {
    const { inputsOf } = await renderSample();
    click('nginx-check');
    const result = await screen.findByTestId('nginx-check-result');
    expect(inputsOf('nginx.check')).toEqual([{ source: { kind: 'text', name: 'sentinel-secure-x.conf', text: RENDERED_TEXT } }]);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('nginx -tfailed');
    expect(result.textContent).toContain('nginx refused the config');
    expect(result.textContent).toContain('in 42 ms');
    expect(screen.getByTestId('nginx-check-command').textContent).toBe(
      "/usr/sbin/nginx -t -p '/tmp/sentinel check' -c '/tmp/sentinel check/nginx.conf'",
    );
    const messages = screen.getAllByTestId('nginx-check-message');
    expect(messages.map((message) => message.dataset.level)).toEqual(['emerg', 'warn', 'warn']);
    expect(messages[0]?.textContent).toContain('invalid value "x" in "ssl_verify_depth" directive');
    expect(messages[0]?.textContent).toContain('sentinel-secure-x.conf:8');
    expect(messages[2]?.textContent).toContain('/etc/nginx/conf.d/other.conf:3');
    // Only messages about this config's own lines can jump: not line-less ones, not other files.
    expect(messages.map((message) => within(message).queryByRole('button') !== null)).toEqual([true, false, false]);
  });

  it('jumps from an nginx message to its line in the config', async () => {
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    await renderSample();
    click('nginx-check');
    const [message] = await screen.findAllByTestId('nginx-check-message');
    fireEvent.click(within(message as HTMLElement).getByRole('button'));
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Config');
    const line8 = screen.getAllByTestId('nginx-code-line').find((line) => line.dataset.line === '8');
    expect(line8?.getAttribute('aria-current')).toBe('location');
    expect(line8?.querySelector('[data-testid="nginx-code-marker"]')?.getAttribute('aria-label')).toContain('nginx emerg');
  });

  it('shows the button busy while nginx runs', async () => {
    let answer: (value: typeof CHECK_OK) => void = () => undefined;
    await renderSample({ check: () => new Promise((resolve) => (answer = (value) => resolve({ ok: true, value }))) });
    click('nginx-check');
    await waitFor(() => expect(screen.getByTestId('nginx-check').textContent).toBe('Checking…'));
    expect(screen.getByTestId('nginx-check').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('nginx-action-status').textContent).toContain('Running nginx -t');
    answer(CHECK_OK);
    expect((await screen.findByTestId('nginx-check-result')).textContent).toContain('nginx accepted the config');
    expect(screen.getByTestId('nginx-check').textContent).toBe('Check with nginx');
  });

  it('shows a failed command through the error panel', async () => {
    await renderSample({ check: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'nginx is not installed at /usr/sbin/nginx.' } }) });
    click('nginx-check');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('nginx -t could not run');
    expect(within(alert).getByTestId('error-code').textContent).toBe('NOT_FOUND');
  });
});

describe('NginxScreen: Diff against deployed', () => {
  it('diffs against the deployed path the operator sets and shows the rows side by side', async () => {
    const { inputsOf } = await renderSample();
    expect((screen.getByTestId('nginx-deployed-path') as HTMLInputElement).value).toBe(DEFAULT_DEPLOYED_PATH);
    fireEvent.change(screen.getByTestId('nginx-deployed-path'), { target: { value: '/etc/nginx/sites-enabled/sx.conf' } });
    click('nginx-diff');
    const diff = await screen.findByTestId('nginx-diff-result');
    expect(inputsOf('nginx.diff')).toEqual([{ text: RENDERED_TEXT, deployedPath: '/etc/nginx/sites-enabled/sx.conf' }]);
    expect(diff.textContent).toContain('1 line added, 1 line removed');
    const rows = screen.getAllByTestId('nginx-diff-row');
    expect(rows.map((row) => row.dataset.kind)).toEqual(['same', 'changed', 'removed', 'added', 'same']);
    const cells = (row: HTMLElement | undefined) => Array.from(row?.querySelectorAll('td') ?? []).map((cell) => cell.textContent);
    expect(cells(rows[1])).toEqual(['2', 'was:     ssl_verify_depth 3;', '2', 'now:     ssl_verify_depth 2;']);
    expect(cells(rows[2])).toEqual(['3', 'removed:     ssl_protocols TLSv1.1 TLSv1.2;', '', '']);
    expect(cells(rows[3])).toEqual(['', '', '3', 'added:     ssl_protocols TLSv1.2 TLSv1.3;']);
    expect(rows[2]?.querySelector('.diff__text--old')).not.toBeNull();
    expect(rows[3]?.querySelector('.diff__text--new')).not.toBeNull();
  });

  it('says when the deployed file is identical, and when nothing is deployed yet', async () => {
    let report = DIFF_IDENTICAL;
    await renderSample({ diff: async () => ({ ok: true, value: report }) });
    click('nginx-diff');
    expect((await screen.findByTestId('nginx-diff-result')).dataset.state).toBe('identical');
    expect(screen.getByTestId('nginx-diff-result').textContent).toContain('installing would change nothing');
    expect(screen.queryAllByTestId('nginx-diff-row')).toHaveLength(0);

    report = DIFF_NOTHING_DEPLOYED;
    click('nginx-diff');
    await waitFor(() => expect(screen.getByTestId('nginx-diff-result').dataset.state).toBe('absent'));
    expect(screen.getByTestId('nginx-diff-result').textContent).toContain('Nothing deployed yet');
    expect(screen.getAllByTestId('nginx-diff-row').map((row) => row.dataset.kind)).toEqual(['added', 'added']);
  });
});

describe('NginxScreen: Install', () => {
  async function openDialog(answers: Parameters<typeof renderSample>[0] = {}) {
    const fake = await renderSample(answers);
    click('nginx-install');
    const dialog = await screen.findByRole('dialog');
    return { ...fake, dialog };
  }

  it('asks first, naming the deployed file, the backup and each command exactly', async () => {
    const { dialog, inputsOf } = await openDialog();
    expect(inputsOf('nginx.installPlan')).toEqual([{ text: RENDERED_TEXT, deployedPath: DEFAULT_DEPLOYED_PATH, reload: true }]);
    expect(inputsOf('nginx.install')).toHaveLength(0);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByTestId('nginx-plan-deployed').textContent).toBe(DEFAULT_DEPLOYED_PATH);
    expect(within(dialog).getByTestId('nginx-plan-backup').textContent).toBe(`${DEFAULT_DEPLOYED_PATH}.bak`);
    expect(within(dialog).getAllByTestId('nginx-plan-command').map((command) => command.textContent)).toEqual([
      '/usr/sbin/nginx -t',
      '/usr/sbin/nginx -s reload',
    ]);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
  });

  it('never installs on Cancel or Escape, and gives focus back to Install…', async () => {
    const { dialog, inputsOf } = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('nginx-install'));

    click('nginx-install');
    const again = await screen.findByRole('dialog');
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(inputsOf('nginx.install')).toHaveLength(0);
  });

  it('keeps Tab inside the dialog', async () => {
    const { dialog } = await openDialog();
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const reload = within(dialog).getByTestId('nginx-install-reload');
    const confirm = within(dialog).getByTestId('nginx-install-confirm');
    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(document.activeElement).toBe(reload);
    fireEvent.keyDown(reload, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
    expect(cancel).toBeTruthy();
  });

  it('re-asks for the plan when Reload is turned off, and installs exactly that request', async () => {
    const { dialog, inputsOf } = await openDialog();
    fireEvent.click(within(dialog).getByTestId('nginx-install-reload'));
    await waitFor(() => expect(within(dialog).getAllByTestId('nginx-plan-command').map((c) => c.textContent)).toEqual(['/usr/sbin/nginx -t']));
    expect(inputsOf('nginx.installPlan').at(-1)).toEqual({ text: RENDERED_TEXT, deployedPath: DEFAULT_DEPLOYED_PATH, reload: false });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Install' }));

    const report = await screen.findByTestId('nginx-install-report');
    expect(inputsOf('nginx.install')).toEqual([{ text: RENDERED_TEXT, deployedPath: DEFAULT_DEPLOYED_PATH, reload: false }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(report.dataset.state).toBe('installed');
    expect(report.textContent).toContain(`Installed ${DEFAULT_DEPLOYED_PATH}.`);
    const steps = within(report).getAllByTestId('nginx-install-step');
    expect(steps.map((step) => step.dataset.ok)).toEqual(['true', 'true', 'true', 'true']);
    expect(steps[3]?.textContent).toContain('Reload nginx');
    expect(steps[3]?.textContent).toContain('/usr/sbin/nginx -s reload');
  });

  it('says the previous file was put back when nginx refused the new one', async () => {
    const { dialog } = await openDialog({ install: () => ok(RESTORED) });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Install and reload' }));
    const report = await screen.findByTestId('nginx-install-report');
    expect(report.dataset.state).toBe('restored');
    expect(report.textContent).toContain(`the previous file was put back from ${DEFAULT_DEPLOYED_PATH}.bak`);
    const failed = within(report).getAllByTestId('nginx-install-step').find((step) => step.dataset.ok === 'false');
    expect(failed?.textContent).toContain('nginx: [emerg] unknown directive "x"');
  });
});
