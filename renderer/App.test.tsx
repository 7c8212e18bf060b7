import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../shared/model/app-info';
import type { Result } from '../shared/ipc/result';
import { App } from './App';
import { useUiStore } from './stores/ui-store';
import { fakeBridge, SAMPLE_INFO } from './test-support/fake-bridge';
import { renderWithBridge } from './test-support/render';

beforeEach(() => {
  delete document.documentElement.dataset.appReady;
  window.location.hash = '';
  useUiStore.setState({ area: 'health' });
});
afterEach(cleanup);

/** A bridge whose app.info answer the test releases by hand. */
function heldBridge() {
  let release: (result: Result<AppInfo>) => void = () => undefined;
  const pending = new Promise<Result<AppInfo>>((resolve) => {
    release = resolve;
  });
  return { ...fakeBridge(() => pending), release: (result: Result<AppInfo>) => release(result) };
}

describe('App', () => {
  it('sets data-app-ready on <html> only after the first command answered', async () => {
    const { bridge, calls, release } = heldBridge();
    renderWithBridge(<App />, bridge);
    expect(calls.appInfo).toBe(1);
    expect(document.documentElement.hasAttribute('data-app-ready')).toBe(false);
    release({ ok: true, value: SAMPLE_INFO });
    await waitFor(() => expect(document.documentElement.getAttribute('data-app-ready')).toBe('true'));
    expect(screen.getByTestId('sidebar-version').textContent).toBe('v0.1.0 · web');
  });

  it('sets data-app-ready after an error answer too, and the footer shows the code', async () => {
    const { bridge, release } = heldBridge();
    renderWithBridge(<App />, bridge);
    release({ ok: false, error: { code: 'UNAVAILABLE', message: 'down' } });
    await waitFor(() => expect(document.documentElement.getAttribute('data-app-ready')).toBe('true'));
    expect(within(screen.getByRole('complementary')).getByText('UNAVAILABLE')).toBeTruthy();
  });
});
