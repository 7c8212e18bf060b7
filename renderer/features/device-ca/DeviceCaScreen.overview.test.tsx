import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AUDIT_BROKEN, hoursFromNow, ROOT_CA, sampleCa, sampleCrl, sampleOverview, UNLOCKED } from '../../test-support/ca-samples';
import { dialog, ok, setup, type, useCaLifecycle } from './ca-test-harness';

useCaLifecycle();

const cardOf = (id: string): HTMLElement => {
  const card = screen.getAllByTestId('ca-card').find((element) => element.dataset.caId === id);
  if (card === undefined) throw new Error(`No card for ${id}`);
  return card;
};

describe('DeviceCaScreen: CA overview', () => {
  it('shows each CA with role, status, subject, fingerprint to copy, expiry, key algorithm and CRL', async () => {
    setup(UNLOCKED);
    const card = await screen.findByTestId('ca-card');
    expect(within(card).getByRole('heading').textContent).toBe(ROOT_CA.subject);
    expect(card.textContent).toContain('Root CA');
    expect(within(card).getByTestId('ca-status').textContent).toBe('Active');
    expect(within(card).getByTestId('ca-fingerprint').textContent).toMatch(/^9F:86:D0:81:/);
    expect(within(card).getByRole('button', { name: `Copy SHA-256 fingerprint of ${ROOT_CA.subject}` })).toBeTruthy();
    expect(within(card).getByTestId('ca-days-left').textContent).toBe('3620 days left');
    expect(within(card).getByTestId('ca-days-left').dataset.tone).toBe('ok');
    expect(card.textContent).toContain('EC P-256');
    expect(within(card).getByTestId('ca-crl-countdown').textContent).toBe('next update in 6 d');
  });

  it('counts the CRL down: a warning within crlWarningHours, an error once nextUpdate is past', async () => {
    const cas = [
      sampleCa({ id: 'fresh', crl: sampleCrl({ nextUpdate: hoursFromNow(48) }) }),
      sampleCa({ id: 'soon', status: 'previous', crl: sampleCrl({ nextUpdate: hoursFromNow(5.5) }) }),
      sampleCa({ id: 'late', role: 'intermediate', crl: sampleCrl({ nextUpdate: hoursFromNow(-2) }) }),
      sampleCa({ id: 'none', role: 'intermediate', crl: null }),
    ];
    setup(sampleOverview({ cas, crlWarningHours: 24 }));
    await screen.findAllByTestId('ca-card');
    const crl = (id: string) => within(cardOf(id)).getByTestId('ca-crl');
    expect(crl('fresh').dataset.tone).toBe('ok');
    expect(crl('soon').dataset.tone).toBe('warning');
    expect(crl('soon').textContent).toContain('next update in 5 h 30 min');
    expect(crl('late').dataset.tone).toBe('danger');
    expect(crl('late').textContent).toContain('overdue by 2 h');
    expect(crl('none').textContent).toContain('No CRL published yet');
  });

  it('colours a CA close to expiry, and an expired one as an error', async () => {
    setup(sampleOverview({ cas: [sampleCa({ id: 'near', daysLeft: 40 }), sampleCa({ id: 'gone', daysLeft: -1 })] }));
    await screen.findAllByTestId('ca-card');
    expect(within(cardOf('near')).getByTestId('ca-days-left').dataset.tone).toBe('warning');
    expect(within(cardOf('gone')).getByTestId('ca-days-left').dataset.tone).toBe('danger');
    expect(within(cardOf('gone')).getByTestId('ca-days-left').textContent).toBe('expired 1 day ago');
  });

  it('publishes the CRL in one click and names the combined file', async () => {
    const { inputsOf } = setup(UNLOCKED, { 'ca.publishCrl': () => ok({ crls: [sampleCrl({ crlNumber: 8 })], combinedPath: '/var/lib/sentinel-console/ca/crl.pem' }) });
    fireEvent.click(await screen.findByTestId('ca-publish-crl'));
    expect(inputsOf('ca.publishCrl')).toEqual([{}]);
    const result = await screen.findByTestId('ca-publish-result');
    expect(result.textContent).toContain('#8');
    expect(result.textContent).toContain('/var/lib/sentinel-console/ca/crl.pem');
  });

  it('rotates only after a confirmation that explains both CAs are trusted during the overlap', async () => {
    const { inputsOf } = setup(UNLOCKED, { 'ca.rotate': () => ok(sampleCa({ id: 'root-2026' })) });
    fireEvent.click(await screen.findByTestId('ca-open-rotate'));
    const box = dialog();
    expect(document.activeElement).toBe(screen.getByTestId('ca-rotate-cancel'));
    type('Overlap (days)', '45', box);
    expect(within(box).getByTestId('ca-rotate-explain').textContent).toContain('for 45 days both CAs are trusted');
    expect(inputsOf('ca.rotate')).toEqual([]);
    fireEvent.click(screen.getByTestId('ca-rotate-confirm'));
    expect(inputsOf('ca.rotate')).toEqual([{ subject: ROOT_CA.subject, keyAlgorithm: 'ec-p256', validityDays: 3650, overlapDays: 45 }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('ca-open-rotate'));
  });

  it('creates an intermediate under the active root', async () => {
    const { inputsOf } = setup(UNLOCKED, { 'ca.createIntermediate': () => ok(sampleCa({ id: 'issuing', role: 'intermediate' })) });
    fireEvent.click(await screen.findByTestId('ca-open-intermediate'));
    fireEvent.click(screen.getByTestId('ca-intermediate-submit'));
    expect(inputsOf('ca.createIntermediate')).toEqual([{ parentId: ROOT_CA.id, subject: 'CN=Sentinel Device Issuing CA', keyAlgorithm: 'ec-p256', validityDays: 1825 }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('exports for the proxy to a folder and lists the files written', async () => {
    const files = ['/etc/nginx/sentinel/device-ca.pem', '/etc/nginx/sentinel/device-crl.pem'];
    const { inputsOf } = setup(UNLOCKED, { 'ca.export': () => ok({ files }) });
    fireEvent.click(await screen.findByTestId('ca-open-export'));
    const box = dialog();
    type('Output folder', '/etc/nginx/sentinel', box);
    fireEvent.click(screen.getByTestId('ca-export-submit'));
    expect(inputsOf('ca.export')).toEqual([{ outDir: '/etc/nginx/sentinel' }]);
    const list = await within(box).findByTestId('ca-export-files');
    expect(within(list).getAllByTestId('ca-file').map((file) => file.textContent)).toEqual(files);
    expect(screen.getByTestId('ca-export-close').textContent).toBe('Done');
  });
});

describe('DeviceCaScreen: audit log', () => {
  it('shows the entries newest first with a verified chain', async () => {
    setup(UNLOCKED);
    const status = await screen.findByTestId('ca-audit-status');
    expect(status.dataset.verified).toBe('true');
    expect(status.textContent).toContain('verified');
    const rows = screen.getAllByTestId('ca-audit-row');
    expect(rows.map((row) => row.firstElementChild?.textContent)).toEqual(['4', '3', '2', '1']);
    expect(rows[0]?.textContent).toContain('publish CRL');
  });

  it('shows a broken chain: where it breaks and why, with the affected entries marked', async () => {
    setup(UNLOCKED, { 'ca.auditLog': () => ok(AUDIT_BROKEN) });
    const status = await screen.findByTestId('ca-audit-status');
    expect(status.dataset.verified).toBe('false');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toContain('broken at seq 3');
    expect(status.textContent).toContain(AUDIT_BROKEN.message);
    const marked = screen.getAllByTestId('ca-audit-row').filter((row) => row.dataset.broken === 'true');
    expect(marked.map((row) => row.firstElementChild?.textContent)).toEqual(['4', '3']);
  });
});
