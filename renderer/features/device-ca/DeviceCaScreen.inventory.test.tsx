import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EXPIRING_CSR, REVOKED, sampleIssueResult, UNLOCKED, VALID_GENERATED } from '../../test-support/ca-samples';
import { dialog, everythingRendered, ok, setup, type, useCaLifecycle } from './ca-test-harness';

useCaLifecycle();

const row = (serial: string): HTMLElement => {
  const found = screen.getAllByTestId('ca-row').find((element) => element.dataset.serial === serial);
  if (found === undefined) throw new Error(`No row for ${serial}`);
  return found;
};

describe('DeviceCaScreen: inventory', () => {
  it('lists the certificates with device id, short serial, CA, expiry, status and origin', async () => {
    setup(UNLOCKED);
    expect(await screen.findAllByTestId('ca-row')).toHaveLength(4);
    const valid = row(VALID_GENERATED.serialNumber);
    const cells = within(valid).getAllByRole('cell').map((cell) => cell.textContent);
    expect(within(valid).getByRole('rowheader').textContent).toBe('device-0042');
    expect(cells[0]).toContain('4f1e2d3c…e1f0');
    expect(within(valid).getByRole('button', { name: 'Copy serial of device-0042' })).toBeTruthy();
    expect(cells[1]).toBe('Sentinel Device CA');
    expect(cells[2]).toContain('80 days left');
    expect(cells[3]).toBe('Valid');
    expect(cells[4]).toBe('Generated');
    expect(within(row(EXPIRING_CSR.serialNumber)).getAllByRole('cell')[4]?.textContent).toBe('CSR');
    // A revoked certificate has nothing left to revoke or renew.
    expect(within(row(REVOKED.serialNumber)).queryByRole('button', { name: /Revoke|Renew/ })).toBeNull();
    expect(within(row(REVOKED.serialNumber)).getByTestId('ca-row-status').textContent).toBe('Revoked');
  });

  it('sends the chosen filter to main and marks it pressed', async () => {
    const { inputsOf } = setup(UNLOCKED);
    await screen.findAllByTestId('ca-row');
    expect(inputsOf('ca.list')).toEqual([{ filter: 'all' }]);
    fireEvent.click(screen.getByTestId('ca-filter-expiring'));
    await waitFor(() => expect(screen.getAllByTestId('ca-row')).toHaveLength(1));
    expect(inputsOf('ca.list')).toEqual([{ filter: 'all' }, { filter: 'expiring' }]);
    expect(screen.getByTestId('ca-filter-expiring').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('ca-filter-all').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('ca-filter-all').textContent).toContain('5');
    fireEvent.click(screen.getByTestId('ca-filter-revoked'));
    await waitFor(() => expect(inputsOf('ca.list').at(-1)).toEqual({ filter: 'revoked' }));
  });

  it('revoke asks for confirmation with a reason before calling ca.revoke, then lists again', async () => {
    const { inputsOf, count } = setup(UNLOCKED, { 'ca.revoke': (input) => ok({ ...VALID_GENERATED, status: 'revoked', revocationReason: input.reason ?? null }) });
    await screen.findAllByTestId('ca-row');
    fireEvent.click(within(row(VALID_GENERATED.serialNumber)).getByRole('button', { name: 'Revoke device-0042' }));
    expect(within(dialog()).getByRole('heading', { name: 'Revoke device-0042?' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('ca-revoke-cancel'));
    expect(inputsOf('ca.revoke')).toEqual([]);

    fireEvent.click(screen.getByTestId('ca-revoke-cancel'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(inputsOf('ca.revoke')).toEqual([]);

    fireEvent.click(within(row(VALID_GENERATED.serialNumber)).getByRole('button', { name: 'Revoke device-0042' }));
    fireEvent.change(within(dialog()).getByLabelText('Reason'), { target: { value: 'keyCompromise' } });
    const listsBefore = count('ca.list');
    fireEvent.click(screen.getByTestId('ca-revoke-confirm'));
    expect(inputsOf('ca.revoke')).toEqual([{ serialNumber: VALID_GENERATED.serialNumber, reason: 'keyCompromise' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(count('ca.list')).toBeGreaterThan(listsBefore));
  });

  it('renew of a generated key needs a folder and a key passphrase; "revoke old" is on by default', async () => {
    const { inputsOf } = setup(UNLOCKED, { 'ca.renew': () => ok(sampleIssueResult()) });
    await screen.findAllByTestId('ca-row');
    fireEvent.click(within(row(VALID_GENERATED.serialNumber)).getByRole('button', { name: 'Renew device-0042' }));
    const box = dialog();
    expect((within(box).getByTestId('ca-renew-revoke-old') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('ca-renew-confirm'));
    expect(within(box).getAllByTestId('ca-field-error').map((error) => error.textContent)).toEqual([
      'Enter the folder to write the files to.',
      'At least 12 characters.',
    ]);
    expect(inputsOf('ca.renew')).toEqual([]);

    type('Output folder', '/srv/provisioning', box);
    type('Key passphrase', 'renewal passphrase!', box);
    type('Key passphrase, again', 'renewal passphrase!', box);
    fireEvent.click(screen.getByTestId('ca-renew-confirm'));
    expect(inputsOf('ca.renew')).toEqual([
      { serialNumber: VALID_GENERATED.serialNumber, revokeOld: true, outDir: '/srv/provisioning', key: { passphrase: 'renewal passphrase!', formats: ['pkcs8', 'pkcs12'] } },
    ]);
    const result = await within(box).findByTestId('ca-renew-result');
    expect(within(result).getAllByTestId('ca-file')).toHaveLength(4);
    expect(within(result).getByTestId('ca-key-once')).toBeTruthy();
    expect(everythingRendered()).not.toContain('renewal passphrase!');
  });

  it('renew of a CSR certificate asks for no key passphrase and can keep the old one', async () => {
    const { inputsOf } = setup(UNLOCKED, { 'ca.renew': () => ok({ ...sampleIssueResult({ origin: 'csr', deviceId: 'sensor-7' }), files: ['/srv/sensor-7.crt.pem'] }) });
    await screen.findAllByTestId('ca-row');
    fireEvent.click(within(row(EXPIRING_CSR.serialNumber)).getByRole('button', { name: 'Renew sensor-7' }));
    const box = dialog();
    expect(within(box).queryByLabelText('Key passphrase')).toBeNull();
    fireEvent.click(within(box).getByTestId('ca-renew-revoke-old'));
    type('Output folder', '/srv', box);
    fireEvent.click(screen.getByTestId('ca-renew-confirm'));
    expect(inputsOf('ca.renew')).toEqual([{ serialNumber: EXPIRING_CSR.serialNumber, revokeOld: false, outDir: '/srv' }]);
    expect(await within(box).findByTestId('ca-renew-result')).toBeTruthy();
    expect(within(box).queryByTestId('ca-key-once')).toBeNull();
  });
});
