import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test-support/health-samples';
import { ok, setup, useHealthLifecycle } from './health-test-harness';

useHealthLifecycle();

describe('HealthScreen: no profiles yet', () => {
  it('explains what a profile is and offers to add one', async () => {
    setup({}, []);
    const empty = await screen.findByTestId('health-empty');
    expect(within(empty).getByRole('heading', { name: 'No proxies yet' })).toBeTruthy();
    expect(empty.textContent).toContain('A profile is one mTLS proxy the console watches');
    fireEvent.click(within(empty).getByRole('button', { name: 'Add a proxy' }));
    expect(screen.getByRole('dialog', { name: 'Add a proxy' })).toBeTruthy();
  });

  it('probes a URL once without storing it, and marks an insecure result', async () => {
    const report = sampleReport({ profileId: null, baseUrl: 'https://once.example.com', insecure: true, summary: 'All smoke steps passed.' });
    const { inputsOf } = setup({ run: () => ok(report) }, []);
    const adhoc = await screen.findByTestId('health-adhoc');
    const url = within(adhoc).getByLabelText('Base URL');

    fireEvent.change(url, { target: { value: 'once.example.com' } });
    fireEvent.click(within(adhoc).getByTestId('health-adhoc-run'));
    expect(within(adhoc).getByTestId('health-field-error').textContent).toContain('https://');
    expect(inputsOf('probe.run')).toEqual([]);

    fireEvent.change(url, { target: { value: ' https://once.example.com ' } });
    fireEvent.click(within(adhoc).getByTestId('health-adhoc-insecure'));
    fireEvent.click(within(adhoc).getByTestId('health-adhoc-run'));
    await waitFor(() =>
      expect(inputsOf('probe.run')).toEqual([
        { target: { kind: 'adhoc', profile: { name: 'once.example.com', baseUrl: 'https://once.example.com', caFile: null, insecure: true } }, matrix: false, tls: true },
      ]),
    );
    const summary = await within(adhoc).findByTestId('health-report-summary');
    expect(summary.textContent).toBe('Insecure All smoke steps passed.');
    expect(within(adhoc).getAllByTestId('health-step-row')).toHaveLength(4);
    expect(inputsOf('health.save')).toEqual([]);
  });

  it('shows a list that could not load, with a way to try again', async () => {
    let fail = true;
    const { listCalls } = setup({
      list: async () => (fail ? { ok: false, error: { code: 'UNAVAILABLE', message: 'The web host is unreachable.' } } : { ok: true, value: [] }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the proxy profiles');
    fail = false;
    fireEvent.click(screen.getByTestId('health-retry'));
    expect(await screen.findByTestId('health-empty')).toBeTruthy();
    expect(listCalls()).toBe(2);
  });
});
