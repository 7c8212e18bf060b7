import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LintFinding } from '../../../shared/nginx/types';
import { codeText, ok, setup, useNginxLifecycle } from './nginx-test-harness';

useNginxLifecycle();

const PASTED = ['server {', '    listen 443 ssl;', '    proxy_set_header X-SSL-Client-Verify $http_x_ssl_client_verify;', '}'].join('\n');

const finding = (over: Partial<LintFinding>): LintFinding => ({
  id: 'M-5',
  severity: 'critical',
  file: 'pasted.conf',
  line: 3,
  message: 'The verify header comes from the client.',
  fix: 'Set it from $ssl_client_verify.',
  ...over,
});

function openLint() {
  fireEvent.click(screen.getByRole('button', { name: 'Lint a config file' }));
  expect(screen.getByRole('button', { name: 'Lint a config file' }).getAttribute('aria-pressed')).toBe('true');
}

describe('NginxScreen: lint a config file', () => {
  it('lints pasted text, shows it with its findings, and jumps to a finding’s line', async () => {
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    const { inputsOf } = setup({ lint: () => ok({ findings: [finding({})], files: ['pasted.conf'] }) });
    openLint();
    expect(screen.getByTestId('nginx-lint-run').hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('Config text'), { target: { value: PASTED } });
    fireEvent.click(screen.getByTestId('nginx-lint-run'));

    await screen.findByTestId('nginx-code');
    expect(inputsOf('nginx.lint')).toEqual([{ source: { kind: 'text', name: 'pasted.conf', text: PASTED } }]);
    expect(codeText()).toEqual(PASTED.split('\n'));
    const [row] = screen.getAllByTestId('nginx-finding');
    expect(row?.textContent).toContain('Critical');
    expect(row?.textContent).toContain('M-5');
    expect(row?.textContent).toContain('pasted.conf:3');

    fireEvent.click(within(row as HTMLElement).getByRole('button'));
    const line3 = screen.getAllByTestId('nginx-code-line')[2];
    expect(line3?.getAttribute('aria-current')).toBe('location');
    expect(scroll.mock.contexts[0]).toBe(line3);
  });

  it('sends a path for main to read and lists the findings with file:line only', async () => {
    const findings = [finding({ file: '/etc/nginx/conf.d/mtls.conf', line: 12 }), finding({ id: 'M-1', severity: 'low', file: '/etc/nginx/snippets/tls.conf', line: 4, message: 'TLS 1.1 is allowed.' })];
    const { inputsOf } = setup({ lint: () => ok({ findings, files: ['/etc/nginx/conf.d/mtls.conf', '/etc/nginx/snippets/tls.conf'] }) });
    openLint();
    fireEvent.click(screen.getByLabelText('File path'));
    fireEvent.click(screen.getByRole('button', { name: 'Choose…' }));
    await waitFor(() => expect((screen.getByLabelText('Config file path') as HTMLInputElement).value).toBe('/etc/nginx/nginx.conf'));
    fireEvent.change(screen.getByLabelText('Config file path'), { target: { value: ' /etc/nginx/conf.d/mtls.conf ' } });
    fireEvent.click(screen.getByTestId('nginx-lint-run'));

    await screen.findAllByTestId('nginx-finding');
    expect(inputsOf('nginx.lint')).toEqual([{ source: { kind: 'path', path: '/etc/nginx/conf.d/mtls.conf' } }]);
    expect(screen.queryByTestId('nginx-code')).toBeNull();
    const rows = screen.getAllByTestId('nginx-finding');
    expect(rows.map((row) => row.textContent?.match(/\/etc\/\S+:\d+$/)?.[0])).toEqual(['/etc/nginx/conf.d/mtls.conf:12', '/etc/nginx/snippets/tls.conf:4']);
    expect(rows.every((row) => within(row).queryByRole('button') === null)).toBe(true);
    expect(screen.getByTestId('nginx-lint-files').textContent).toContain('/etc/nginx/snippets/tls.conf');
  });

  it('says "No findings" for a clean file, and tells when there is no file dialog', async () => {
    setup({ choose: async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'No native dialog.' } }) });
    openLint();
    fireEvent.click(screen.getByLabelText('File path'));
    fireEvent.click(screen.getByRole('button', { name: 'Choose…' }));
    expect(await screen.findByText('This host has no file dialog: type the path instead.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Config file path'), { target: { value: '/etc/nginx/nginx.conf' } });
    fireEvent.click(screen.getByTestId('nginx-lint-run'));
    expect((await screen.findByTestId('nginx-no-findings')).textContent).toBe('No findings');
  });
});
