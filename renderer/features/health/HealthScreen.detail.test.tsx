import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FAILING, HEALTHY, INSECURE, minutesAgo, sampleHistory, sampleReport, WITH_MATRIX } from '../../test-support/health-samples';
import { findCard, ok, setup, useHealthLifecycle } from './health-test-harness';
import { HISTORY_PAGE } from './HistoryList';

useHealthLifecycle();

async function openDetail(name: string) {
  const card = await findCard(name);
  card.focus();
  fireEvent.keyDown(card, { key: 'Enter' });
  return screen.findByTestId('health-detail');
}

describe('HealthScreen detail: opening and leaving', () => {
  it('opens from a focused card with Enter, focuses its title, and Escape returns focus to the card', async () => {
    setup();
    const detail = await openDetail('Edge B');
    expect(screen.queryByTestId('health-dashboard')).toBeNull();
    const title = within(detail).getByRole('heading', { level: 2, name: 'Edge B' });
    expect(document.activeElement).toBe(title);

    fireEvent.keyDown(title, { key: 'Escape' });
    const card = await findCard('Edge B');
    await waitFor(() => expect(document.activeElement).toBe(card));
  });

  it('opens on a click on the card body, but not on a click on its controls', async () => {
    const { inputsOf } = setup();
    const card = await findCard('Edge A');
    fireEvent.click(within(card).getByTestId('health-probe-now'));
    await waitFor(() => expect(inputsOf('probe.run')).toHaveLength(1));
    expect(screen.queryByTestId('health-detail')).toBeNull();
    fireEvent.click(within(card).getByTestId('health-card-reason'));
    expect(await screen.findByTestId('health-detail')).toBeTruthy();
    fireEvent.click(screen.getByTestId('health-back'));
    expect(await screen.findByTestId('health-dashboard')).toBeTruthy();
  });
});

describe('HealthScreen detail: a profile deleted elsewhere', () => {
  it('goes back to the dashboard when the open profile is deleted', async () => {
    const { emit } = setup();
    await openDetail('Edge B');
    act(() => emit('health.status', { id: 'edge-b', deleted: true }));
    expect(await screen.findByTestId('health-dashboard')).toBeTruthy();
    expect(screen.getAllByTestId('health-card').map((card) => card.dataset.profileId)).toEqual(['edge-a', 'lab']);
  });
});

describe('HealthScreen detail: the last report', () => {
  it('lists every smoke step with status, time, verdict and reason', async () => {
    setup();
    const detail = await openDetail('Edge B');
    const rows = within(detail).getAllByTestId('health-step-row');
    expect(rows.map((row) => row.dataset.verdict)).toEqual(['passed', 'passed', 'failed', 'not-run']);
    expect(Array.from(rows[2]?.querySelectorAll('td') ?? []).map((cell) => cell.textContent)).toEqual([
      '200',
      '11 ms',
      '✗failed',
      FAILING.last?.steps[2]?.reason,
    ]);
    expect(rows[3]?.textContent).toContain('Not run: no device certificate in this profile.');
  });

  it('shows the TLS details: version, cipher, host name, chain, client-certificate request, protocols, stapling and the chain sent', async () => {
    setup();
    const detail = await openDetail('Edge A');
    const fact = (id: string) => within(detail).getByTestId(id).textContent;
    expect(fact('health-tls-version')).toContain('TLSv1.3');
    expect(fact('health-tls-cipher')).toContain('TLS_AES_256_GCM_SHA384');
    expect(fact('health-tls-hostname')).toContain('Matches the certificate');
    expect(fact('health-tls-chain-verdict')).toContain('Verified');
    expect(fact('health-tls-client-request')).toContain('Yes');
    expect(within(detail).getByTestId('health-tls-cas').textContent).toBe('CN=Sentinel Device CA,O=Sentinel');
    expect(fact('health-tls-ocsp')).toContain('Not stapled');
    const protocols = within(detail).getAllByRole('cell').filter((cell) => cell.dataset.protocol !== undefined);
    expect(protocols.map((cell) => `${cell.dataset.protocol}:${cell.textContent}`)).toEqual([
      'TLSv1:refused',
      'TLSv1.1:accepted',
      'TLSv1.2:accepted',
      'TLSv1.3:accepted',
    ]);
    expect(protocols[1]?.className).toBe('hl-tone--warning');
    const chain = within(detail).getAllByTestId('health-chain-cert');
    expect(chain.map((row) => row.textContent?.includes('CN=edge-a.example.com'))).toEqual([true, false]);
    expect(chain.map((row) => within(row).getByTestId('health-chain-days').textContent)).toEqual(['45 days left', '10 days left']);
    expect(chain.map((row) => row.dataset.tone)).toEqual(['ok', 'warning']);
  });

  it('says the chain went unchecked and marks the insecure profile on the detail', async () => {
    setup({}, [INSECURE]);
    const detail = await openDetail('Staging');
    expect(within(detail.querySelector('header') as HTMLElement).getByTestId('health-insecure')).toBeTruthy();
    expect(within(within(detail).getByTestId('health-detail-summary')).getByTestId('health-insecure')).toBeTruthy();
    expect(within(detail).getByTestId('health-tls-chain-verdict').textContent).toContain('verification is off for this probe (insecure)');
  });

  it('lists the history latest first, a page at a time', async () => {
    setup({}, [{ ...HEALTHY, history: sampleHistory(HISTORY_PAGE + 5, [0]).reverse() }]);
    const detail = await openDetail('Edge A');
    const rows = () => within(detail).getAllByTestId('health-history-row');
    expect(rows()).toHaveLength(HISTORY_PAGE);
    expect(rows()[0]?.dataset.ok).toBe('false');
    expect(rows()[0]?.querySelector('time')?.textContent).toBe('3 min ago');
    expect(rows()[1]?.querySelector('time')?.textContent).toBe('4 min ago');
    expect(within(detail).getByTestId('health-history-count').textContent).toBe(`${HISTORY_PAGE + 5} runs, 1 failed. Showing the latest ${HISTORY_PAGE}.`);
    fireEvent.click(within(detail).getByTestId('health-history-more'));
    expect(rows()).toHaveLength(HISTORY_PAGE + 5);
    expect(within(detail).queryByTestId('health-history-more')).toBeNull();
  });
});

describe('HealthScreen detail: enforcement matrix', () => {
  it('shows each case with expected, outcome, status and detail; mismatches stand out, skipped cases step back', async () => {
    setup({}, [WITH_MATRIX]);
    const detail = await openDetail('Edge A');
    expect(within(detail).getByTestId('health-matrix-warning').textContent).toContain('can change platform state');
    expect(within(detail).getByTestId('health-matrix-summary').textContent).toContain('3 as expected, 1 mismatch, 1 skipped');
    const rows = within(detail).getAllByTestId('health-matrix-row');
    expect(rows.map((row) => `${row.dataset.case}:${row.dataset.verdict}`)).toEqual([
      'no-cert:as-expected',
      'leaf-with-chain:as-expected',
      'revoked:mismatch',
      'wrong-ca:as-expected',
      'expired:skipped',
    ]);
    const revoked = rows[2] as HTMLElement;
    expect(revoked.className).toContain('hl-matrix__row--mismatch');
    expect(Array.from(revoked.querySelectorAll('td')).map((cell) => cell.textContent)).toEqual([
      'reject',
      'accepted ✗ mismatch',
      '200',
      'The revoked certificate was let through: the proxy does not check the CRL.',
    ]);
    expect(rows[3]?.textContent).toContain('handshake failure');
    expect(rows[4]?.className).toContain('hl-matrix__row--skipped');
    expect(rows[4]?.textContent).toContain('expired.pem and expired.key are not in the matrix directory.');
  });

  it('runs the matrix on request, busy until the answer, and keeps it after a later plain probe', async () => {
    const report = sampleReport({ matrix: WITH_MATRIX.last?.matrix ?? null, at: minutesAgo(1) });
    const { inputsOf, emit } = setup({ run: () => ok(report) }, [HEALTHY]);
    const detail = await openDetail('Edge A');
    expect(within(detail).getByTestId('health-matrix-none')).toBeTruthy();
    fireEvent.click(within(detail).getByTestId('health-run-matrix'));
    await waitFor(() => expect(inputsOf('probe.run')).toEqual([{ target: { kind: 'profile', id: 'edge-a' }, matrix: true, tls: true }]));
    expect(await within(detail).findAllByTestId('health-matrix-row')).toHaveLength(5);

    // A scheduled smoke probe replaces the last report; the matrix shown stays, marked as older.
    act(() => emit('health.status', { ...HEALTHY, last: sampleReport({ at: minutesAgo(0) }) }));
    await waitFor(() => expect(within(detail).getByTestId('health-matrix-summary').textContent).toContain('(before the last probe)'));
    expect(within(detail).getAllByTestId('health-matrix-row')).toHaveLength(5);
  });
});
