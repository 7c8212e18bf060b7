import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/model/app-info';
import { fakeBridge, SAMPLE_INFO } from '../../test-support/fake-bridge';
import { renderWithBridge } from '../../test-support/render';
import { AboutScreen, NOT_ELECTRON } from './AboutScreen';

afterEach(cleanup);

function renderAbout(info: AppInfo) {
  const { bridge, calls } = fakeBridge(async () => ({ ok: true, value: info }));
  renderWithBridge(<AboutScreen />, bridge);
  return calls;
}

describe('AboutScreen', () => {
  it('shows a loading state until app.info answers', () => {
    const { bridge } = fakeBridge(() => new Promise(() => undefined));
    renderWithBridge(<AboutScreen />, bridge);
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
  });

  it('shows every field app.info returned', async () => {
    const info: AppInfo = {
      ...SAMPLE_INFO,
      host: 'electron',
      platform: 'darwin',
      arch: 'arm64',
      dataDir: '/Users/op/Library/Application Support/Sentinel Console',
      versions: { node: '22.20.0', electron: '45.4.1', chromium: '142.0.7444.59', v8: '14.2.231.14-electron.0' },
    };
    const calls = renderAbout(info);
    expect((await screen.findByTestId('about-version')).textContent).toBe('sentinel-console 0.1.0');
    expect(screen.getByTestId('about-host').textContent).toBe('electron');
    expect(screen.getByTestId('about-platform').textContent).toBe('darwin arm64');
    expect(screen.getByTestId('about-data-dir').textContent).toBe(info.dataDir);
    expect(screen.getByTestId('about-node').textContent).toBe('22.20.0');
    expect(screen.getByTestId('about-electron').textContent).toBe('45.4.1');
    expect(screen.getByTestId('about-chromium').textContent).toBe('142.0.7444.59');
    expect(screen.getByTestId('about-v8').textContent).toBe('14.2.231.14-electron.0');
    expect(calls.appInfo).toBe(1);
  });

  it('says plainly when not running under Electron', async () => {
    renderAbout(SAMPLE_INFO);
    expect((await screen.findByTestId('about-electron')).textContent).toBe(NOT_ELECTRON);
    expect(screen.getByTestId('about-chromium').textContent).toBe(NOT_ELECTRON);
    expect(NOT_ELECTRON).toContain('not running under Electron');
  });

  it('shows the error code and message when app.info fails', async () => {
    const { bridge } = fakeBridge(async () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'The web host is unreachable.' },
    }));
    renderWithBridge(<AboutScreen />, bridge);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('[data-testid="error-code"]')?.textContent).toBe('UNAVAILABLE');
    expect(alert.querySelector('[data-testid="error-message"]')?.textContent).toBe('The web host is unreachable.');
    expect(screen.queryByTestId('about-version')).toBeNull();
  });

  it('shows a rejected bridge call as an INTERNAL error instead of crashing', async () => {
    const { bridge } = fakeBridge(() => Promise.reject(new Error('IPC channel closed')));
    renderWithBridge(<AboutScreen />, bridge);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('INTERNAL');
    expect(alert.textContent).toContain('IPC channel closed');
  });
});
