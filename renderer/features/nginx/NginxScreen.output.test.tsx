import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ENV_OFF, FINDINGS, RENDERED, RENDERED_TEXT } from '../../test-support/nginx-samples';
import { codeText, field, ok, renderSample, useNginxLifecycle } from './nginx-test-harness';

useNginxLifecycle();

const line = (n: number): HTMLElement => {
  const found = screen.getAllByTestId('nginx-code-line').find((element) => element.dataset.line === String(n));
  if (!found) throw new Error(`no line ${n}`);
  return found;
};

describe('NginxScreen: the rendered config', () => {
  it('shows the config line by line with numbers and highlighted tokens', async () => {
    await renderSample();
    const expected = RENDERED_TEXT.split('\n').slice(0, -1);
    expect(codeText()).toEqual(expected);
    expect(screen.getAllByTestId('nginx-code-line').map((element) => element.querySelector('.code__num')?.textContent)).toEqual(
      expected.map((_, i) => String(i + 1)),
    );
    const kinds = (n: number, kind: string) => Array.from(line(n).querySelectorAll(`.tok--${kind}`)).map((token) => token.textContent);
    expect(kinds(1, 'comment')).toEqual(['# Rendered by Sentinel Console']);
    expect(kinds(4, 'directive')).toEqual(['server_name']);
    expect(kinds(4, 'argument')).toEqual(['proxy.example.com']);
    expect(kinds(11, 'variable')).toEqual(['$ssl_client_s_dn']);
    expect(kinds(14, 'string')).toEqual(['"max-age=31536000"']);
    expect(screen.getByRole('region', { name: 'Rendered config' })).toBeTruthy();
  });

  it('copies the whole config', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderSample();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the config' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(RENDERED_TEXT));
  });

  it('says "No findings" plainly when the config lints clean', async () => {
    await renderSample();
    const findings = screen.getByTestId('nginx-findings');
    expect(within(findings).getByTestId('nginx-no-findings').textContent).toBe('No findings');
    expect(screen.queryAllByTestId('nginx-code-marker')).toHaveLength(0);
    expect(screen.getByTestId('nginx-render-status').textContent).toBe('Rendered. Lint: no findings.');
  });

  it('marks findings in the gutter and jumps to a finding’s line when it is clicked', async () => {
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    await renderSample({ render: () => ok({ ...RENDERED, lint: FINDINGS }) });

    const markers = screen.getAllByTestId('nginx-code-marker');
    expect(markers.map((marker) => marker.closest<HTMLElement>('[data-line]')?.dataset.line)).toEqual(['7', '11']);
    expect(within(line(11)).getByRole('img').getAttribute('aria-label')).toBe('M-5 High: Client-supplied X-SSL-Client-S-DN reaches the API.');
    expect(line(11).querySelector('.code__marker--danger')).not.toBeNull();
    expect(line(7).querySelector('.code__marker--warning')).not.toBeNull();

    const rows = screen.getAllByTestId('nginx-finding');
    expect(rows.map((row) => row.dataset.id)).toEqual(['M-5', 'M-12']);
    expect(rows[0]?.textContent).toContain('Fix: Set every forwarded header in every location.');
    expect(rows[0]?.textContent).toContain('sentinel-secure-x.conf:11');

    fireEvent.click(within(rows[0] as HTMLElement).getByRole('button'));
    expect(line(11).getAttribute('aria-current')).toBe('location');
    expect(line(11).className).toContain('code__line--active');
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.mock.contexts[0]).toBe(line(11));

    fireEvent.click(within(rows[1] as HTMLElement).getByRole('button'));
    expect(line(11).getAttribute('aria-current')).toBeNull();
    expect(line(7).getAttribute('aria-current')).toBe('location');
    expect(scroll.mock.contexts[1]).toBe(line(7));
  });

  it('shows each referenced file check under the field that names it', async () => {
    await renderSample();
    const noteOf = (label: string) => {
      const id = (field(label).getAttribute('aria-describedby') ?? '').split(' ').find((part) => part.endsWith('-file'));
      return id === undefined ? null : document.getElementById(id);
    };
    expect(noteOf('TLS certificate')?.dataset.state).toBe('ok');
    expect(noteOf('TLS certificate')?.textContent).toContain('P-256 certificate for proxy.example.com, 89 days left');
    expect(noteOf('TLS private key')?.dataset.state).toBe('warning');
    expect(noteOf('TLS private key')?.textContent).toContain('chmod 600 /etc/nginx/tls/proxy.key');
    expect(noteOf('Client CA bundle')?.textContent).toContain('Not on this machine');
    expect(noteOf('Server name')).toBeNull();
  });

  it('calls the setup consistent only when both .env settings are on', async () => {
    await renderSample();
    const env = screen.getByTestId('nginx-env');
    expect(env.dataset.state).toBe('consistent');
    expect(env.querySelector('.ngx-env__status')?.textContent).toBe('Consistent');
  });

  it('says "Not consistent" and shows expected against actual when a setting is off or missing', async () => {
    await renderSample({ render: () => ok({ ...RENDERED, env: ENV_OFF }) });
    const env = screen.getByTestId('nginx-env');
    expect(env.dataset.state).toBe('inconsistent');
    expect(env.querySelector('.ngx-env__status')?.textContent).toBe('Not consistent');
    expect(env.textContent).toContain(ENV_OFF.message);
    const rows = within(env).getAllByTestId('nginx-env-requirement');
    expect(rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent))).toEqual([
      ['SENTINEL_TRUST_PROXY_CERT_HEADERS', 'true', 'false', 'Differs'],
      ['SENTINEL_REQUIRE_DEVICE_MTLS', 'true', 'not set', 'Differs'],
    ]);
  });

  it('never calls it consistent when main says so but a requirement is off', async () => {
    const contradictory = { ...ENV_OFF, consistent: true };
    await renderSample({ render: () => ok({ ...RENDERED, env: contradictory }) });
    expect(screen.getByTestId('nginx-env').dataset.state).toBe('inconsistent');
  });

  it('moves between output tabs with the arrow keys (one tab stop)', async () => {
    await renderSample();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Config', 'nginx -t', 'Diff']);
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    tabs[0]?.focus();
    fireEvent.keyDown(tabs[0] as HTMLElement, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('nginx -t');
    expect(document.activeElement).toBe(screen.getByRole('tab', { selected: true }));
    expect(screen.getByRole('tabpanel').textContent).toContain('Use Check with nginx');
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'End' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Diff');
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Config');
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
  });
});
