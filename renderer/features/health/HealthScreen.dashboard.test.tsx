import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../../shared/model/probe';
import { ANONYMOUS_ACCEPTED_REASON, FAILING, HEALTHY, INSECURE, minutesAgo, NEVER, sampleReport } from '../../test-support/health-samples';
import { findCard, held, setup, useHealthLifecycle } from './health-test-harness';

useHealthLifecycle();

const stateOf = (card: HTMLElement) => within(card).getByTestId('health-state');

describe('HealthScreen dashboard: cards', () => {
  it('shows a card per profile with its state: healthy, failing with the first failing reason, never probed', async () => {
    setup();
    const healthy = await findCard('Edge A');
    expect(screen.getAllByTestId('health-card')).toHaveLength(3);
    expect(screen.getByTestId('health-tally').textContent).toBe('3 proxies: 1 healthy, 1 failing, 1 never probed');

    expect(stateOf(healthy).textContent).toBe('Healthy');
    expect(healthy.textContent).toContain('https://edge-a.example.com');
    expect(within(healthy).getByTestId('health-last-probe').textContent).toBe('Last probe 3 min ago');
    expect(within(healthy).getByTestId('health-last-probe').querySelector('time')?.getAttribute('title')).toBe('2025-06-01 11:57:00 UTC');

    const failing = await findCard('Edge B');
    expect(stateOf(failing).textContent).toBe('Failing');
    expect(within(failing).getByTestId('health-card-reason').textContent).toBe(ANONYMOUS_ACCEPTED_REASON);
    const rows = within(failing).getAllByTestId('health-step');
    expect(rows.map((row) => row.dataset.verdict)).toEqual(['passed', 'passed', 'failed', 'not-run']);
    expect(rows[2]?.textContent).toContain('200');
    expect(rows[2]?.textContent).toContain('11 ms');
    expect(within(rows[2] as HTMLElement).getByTestId('health-step-verdict').textContent).toBe('✗failed');
    // The failing step's reason is the card's reason above; it is not printed twice.
    expect(within(rows[2] as HTMLElement).queryByTestId('health-step-reason')).toBeNull();
    // Passed steps stay one short line: no reason.
    expect(within(rows[0] as HTMLElement).queryByTestId('health-step-reason')).toBeNull();

    const never = await findCard('Lab proxy');
    expect(stateOf(never).textContent).toBe('Never probed');
    expect(within(never).queryAllByTestId('health-step')).toHaveLength(0);
    expect(within(never).getByTestId('health-sparkline').textContent).toBe('No runs yet');
  });

  it('colours expiry by urgency: expired or today red, within 30 days amber', async () => {
    setup();
    const healthy = await findCard('Edge A');
    const tone = (key: string) => within(healthy).getByTestId(`health-expiry-${key}`).dataset.tone;
    expect(within(healthy).getByTestId('health-expiry').textContent).toContain('45 days left');
    expect([tone('serverCertDays'), tone('deviceCertDays'), tone('crlNextUpdateDays')]).toEqual(['ok', 'warning', 'danger']);
    expect(within(healthy).getByTestId('health-expiry-crlNextUpdateDays').textContent).toContain('expires today');

    const failing = await findCard('Edge B');
    expect(within(failing).getByTestId('health-expiry-crlNextUpdateDays').textContent).toContain('expired 2 days ago');
    expect(within(failing).getByTestId('health-expiry-deviceCertDays').textContent).toContain('n/a');
  });

  it('draws the sparkline with one point per history entry, failing runs marked', async () => {
    setup();
    const healthy = await findCard('Edge A');
    const points = within(healthy).getAllByTestId('health-spark-point');
    expect(points).toHaveLength(HEALTHY.history.length);
    expect(points.filter((point) => point.dataset.ok === 'false')).toHaveLength(2);
    expect(within(healthy).getByTestId('health-sparkline').getAttribute('aria-label')).toBe('Latency of the last 8 runs: 40 ms to 75 ms; 2 failed.');
  });

  it('marks an insecure profile on its card', async () => {
    setup({}, [HEALTHY, INSECURE]);
    expect(within(await findCard('Staging')).getByTestId('health-insecure').textContent).toBe('Insecure');
    expect(within(await findCard('Edge A')).queryByTestId('health-insecure')).toBeNull();
  });
});

describe('HealthScreen dashboard: pushed updates', () => {
  it('updates a card from a health.status event without asking for the list again', async () => {
    const { emit, listCalls } = setup();
    const never = await findCard('Lab proxy');
    expect(listCalls()).toBe(1);

    act(() => emit('health.status', { ...NEVER, running: true }));
    await waitFor(() => expect(stateOf(never).textContent).toBe('Probing…'));
    expect(within(never).getByTestId('health-probe-now').textContent).toBe('Probing…');

    const report = sampleReport({ profileId: 'lab', baseUrl: 'https://lab.internal', at: minutesAgo(0) });
    act(() => emit('health.status', { ...NEVER, last: report, history: [{ at: report.at, ok: true, ms: 67, summary: report.summary, failedSteps: [] }] }));
    await waitFor(() => expect(stateOf(never).textContent).toBe('Healthy'));
    expect(within(never).getByTestId('health-last-probe').textContent).toBe('Last probe just now');
    expect(within(never).getAllByTestId('health-spark-point')).toHaveLength(1);
    expect(listCalls()).toBe(1);
  });

  it('adds a card for a profile saved elsewhere and removes one deleted elsewhere', async () => {
    const { emit, listCalls } = setup({}, [HEALTHY]);
    await findCard('Edge A');
    const shown = () => screen.getAllByTestId('health-card').map((card) => card.dataset.profileId);
    act(() => emit('health.status', FAILING));
    await waitFor(() => expect(shown()).toEqual(['edge-a', 'edge-b']));
    act(() => emit('health.status', { id: 'edge-a', deleted: true }));
    await waitFor(() => expect(shown()).toEqual(['edge-b']));
    expect(listCalls()).toBe(1);
  });
});

describe('HealthScreen dashboard: actions', () => {
  it('Probe now sends the profile target and shows the card busy until the answer', async () => {
    const answer = held<ProbeReport>();
    const { inputsOf } = setup({ run: () => answer.promise });
    const card = await findCard('Lab proxy');
    fireEvent.click(within(card).getByTestId('health-probe-now'));
    await waitFor(() => expect(inputsOf('probe.run')).toEqual([{ target: { kind: 'profile', id: 'lab' }, matrix: false, tls: true }]));
    await waitFor(() => expect(within(card).getByTestId('health-probe-now').textContent).toBe('Probing…'));
    expect(within(card).getByTestId('health-probe-now').getAttribute('aria-busy')).toBe('true');
    expect((within(card).getByTestId('health-probe-now') as HTMLButtonElement).disabled).toBe(true);

    answer.settle(sampleReport({ profileId: 'lab', at: minutesAgo(0) }));
    await waitFor(() => expect(within(card).getByTestId('health-probe-now').textContent).toBe('Probe now'));
    expect(stateOf(card).textContent).toBe('Healthy');
  });

  it('shows a probe that could not run in the card', async () => {
    setup({ run: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No profile "lab".' } }) });
    const card = await findCard('Lab proxy');
    fireEvent.click(within(card).getByTestId('health-probe-now'));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('The probe could not run');
    expect(within(alert).getByTestId('error-code').textContent).toBe('NOT_FOUND');
  });

  it('sends health.schedule when the interval changes, null on Pause, and the old interval on Resume', async () => {
    const { inputsOf } = setup();
    const card = await findCard('Edge A');
    const select = within(card).getByLabelText('Probe interval for Edge A') as HTMLSelectElement;
    expect(select.value).toBe('300');
    expect(Array.from(select.options).map((option) => option.textContent)).toEqual(['Off', 'Every 30 s', 'Every 1 min', 'Every 5 min', 'Every 15 min', 'Every 1 h']);

    fireEvent.change(select, { target: { value: '900' } });
    await waitFor(() => expect(inputsOf('health.schedule')).toEqual([{ id: 'edge-a', intervalSeconds: 900 }]));
    await waitFor(() => expect(within(card).getByTestId('health-schedule-note').textContent).toBe('Probing every 15 min'));

    fireEvent.click(within(card).getByTestId('health-pause'));
    await waitFor(() => expect(inputsOf('health.schedule')[1]).toEqual({ id: 'edge-a', intervalSeconds: null }));
    const resume = await within(card).findByTestId('health-resume');
    expect(resume.textContent).toBe('Resume (15 min)');
    expect(within(card).getByTestId('health-schedule-note').textContent).toBe('Manual probes only');

    fireEvent.click(resume);
    await waitFor(() => expect(inputsOf('health.schedule')[2]).toEqual({ id: 'edge-a', intervalSeconds: 900 }));
  });

  it('asks before deleting, and deletes only on confirmation', async () => {
    const { inputsOf } = setup();
    fireEvent.click(within(await findCard('Edge B')).getByTestId('health-delete'));
    const dialog = screen.getByRole('dialog', { name: 'Delete Edge B?' });
    expect(dialog.textContent).toContain('https://edge-b.example.com:8443');
    expect(document.activeElement).toBe(within(dialog).getByTestId('health-delete-cancel'));
    expect(inputsOf('health.delete')).toEqual([]);

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(inputsOf('health.delete')).toEqual([]);

    fireEvent.click(within(await findCard('Edge B')).getByTestId('health-delete'));
    fireEvent.click(screen.getByTestId('health-delete-confirm'));
    await waitFor(() => expect(inputsOf('health.delete')).toEqual([{ id: 'edge-b' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getAllByTestId('health-card').map((card) => card.dataset.profileId)).toEqual(['edge-a', 'lab']);
  });
});
