import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CSR, SIGNED_PEM, UNLOCKED } from '../../test-support/ca-samples';
import { everythingRendered, fail, setup, type, useCaLifecycle } from './ca-test-harness';

useCaLifecycle();

const KEY_PASSPHRASE = 'key passphrase handed out';

async function fillIssue(deviceId: string) {
  const form = await screen.findByTestId('ca-issue-form');
  type('Device id', deviceId, form);
  type('Output folder', '/srv/provisioning', form);
  type('Key passphrase', KEY_PASSPHRASE, form);
  type('Key passphrase, again', KEY_PASSPHRASE, form);
  return form;
}

describe('DeviceCaScreen: issuing', () => {
  it('issues a device certificate with the input as typed and shows the files written', async () => {
    const { inputsOf, count } = setup(UNLOCKED);
    const form = await fillIssue(' device-0099 ');
    expect((within(form).getByLabelText('Validity (days)') as HTMLInputElement).value).toBe('90');
    await screen.findAllByTestId('ca-row');
    const listsBefore = count('ca.list');
    fireEvent.click(screen.getByTestId('ca-issue-submit'));
    expect(inputsOf('ca.issueDevice')).toEqual([{ deviceId: 'device-0099', validityDays: 90, outDir: '/srv/provisioning', key: { passphrase: KEY_PASSPHRASE, formats: ['pkcs8', 'pkcs12'] } }]);
    const result = await screen.findByTestId('ca-issue-result');
    expect(within(result).getAllByTestId('ca-file').map((file) => file.textContent)).toEqual([
      '/srv/provisioning/device-0099.crt.pem',
      '/srv/provisioning/device-0099.chain.pem',
      '/srv/provisioning/device-0099.key.pem',
      '/srv/provisioning/device-0099.p12',
    ]);
    expect(within(result).getByTestId('ca-key-once').textContent).toContain('handed out once');
    expect(within(result).getByTestId('ca-key-once').textContent).toContain('does not keep it');
    // The inventory is asked for again after the change.
    await waitFor(() => expect(count('ca.list')).toBeGreaterThan(listsBefore));
    expect((screen.getByTestId('ca-issue-device-id') as HTMLInputElement).value).toBe('');
  });

  it('never shows a passphrase again once it was sent, even when the command fails', async () => {
    setup(UNLOCKED, { 'ca.issueDevice': () => fail('The output folder is not writable.') });
    await fillIssue('device-0100');
    fireEvent.click(screen.getByTestId('ca-issue-submit'));
    expect(await screen.findByText('The output folder is not writable.')).toBeTruthy();
    expect((screen.getByTestId('ca-issue-key-passphrase') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('ca-issue-key-passphrase-confirm') as HTMLInputElement).value).toBe('');
    expect(everythingRendered()).not.toContain(KEY_PASSPHRASE);
    // The rest of the form stays for another try.
    expect((screen.getByTestId('ca-issue-device-id') as HTMLInputElement).value).toBe('device-0100');
  });

  it('checks the device id like the schema and sends nothing for one with a space', async () => {
    const { inputsOf } = setup(UNLOCKED);
    const form = await fillIssue('device 01');
    fireEvent.click(screen.getByTestId('ca-issue-submit'));
    const error = within(form).getByTestId('ca-field-error');
    expect(error.textContent).toContain('no spaces');
    expect(screen.getByTestId('ca-issue-device-id').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('ca-issue-device-id').getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('ca-issue-device-id')));
    expect(inputsOf('ca.issueDevice')).toEqual([]);
  });

  it('sends only the key formats that are ticked, and needs at least one', async () => {
    const { inputsOf } = setup(UNLOCKED);
    await fillIssue('device-0101');
    fireEvent.click(screen.getByTestId('ca-issue-key-pkcs12'));
    fireEvent.click(screen.getByTestId('ca-issue-key-pkcs8'));
    fireEvent.click(screen.getByTestId('ca-issue-submit'));
    expect(screen.getByText('Choose at least one key file format.')).toBeTruthy();
    expect(inputsOf('ca.issueDevice')).toEqual([]);
    fireEvent.click(screen.getByTestId('ca-issue-key-pkcs12'));
    fireEvent.click(screen.getByTestId('ca-issue-submit'));
    expect(inputsOf('ca.issueDevice')[0]?.key.formats).toEqual(['pkcs12']);
  });
});

describe('DeviceCaScreen: signing a CSR', () => {
  it('signs pasted PEM text and shows the certificate to copy', async () => {
    const { inputsOf } = setup(UNLOCKED);
    fireEvent.change(await screen.findByTestId('ca-csr-text'), { target: { value: SAMPLE_CSR } });
    fireEvent.click(screen.getByTestId('ca-csr-submit'));
    expect(inputsOf('ca.signCsr')).toEqual([{ csr: { kind: 'text', name: 'pasted.csr', text: SAMPLE_CSR }, validityDays: 90 }]);
    const result = await screen.findByTestId('ca-csr-result');
    expect((within(result).getByTestId('ca-csr-pem') as HTMLTextAreaElement).value).toBe(SIGNED_PEM);
    expect(within(result).getByRole('button', { name: 'Copy signed certificate PEM' })).toBeTruthy();
  });

  it('reads a dropped .csr file as text under its name, with an output path when given', async () => {
    const { inputsOf } = setup(UNLOCKED);
    const zone = await screen.findByTestId('ca-csr-drop');
    const file = new File([SAMPLE_CSR], 'sensor-7.csr', { type: 'application/pkcs10' });
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    });
    await waitFor(() => expect((screen.getByTestId('ca-csr-text') as HTMLTextAreaElement).value).toBe(SAMPLE_CSR));
    expect(screen.getByLabelText('CSR from sensor-7.csr')).toBeTruthy();
    type('Also write to (optional)', '/srv/provisioning/sensor-7.pem', zone);
    fireEvent.click(screen.getByTestId('ca-csr-submit'));
    expect(inputsOf('ca.signCsr')).toEqual([{ csr: { kind: 'text', name: 'sensor-7.csr', text: SAMPLE_CSR }, validityDays: 90, outPath: '/srv/provisioning/sensor-7.pem' }]);
  });

  it('signs a CSR file picked in the native dialog by path', async () => {
    const { inputsOf } = setup(UNLOCKED, { 'files.choose': async () => ({ ok: true, value: { paths: ['/home/op/sensor-7.csr'] } }) });
    fireEvent.click(await screen.findByTestId('ca-csr-choose'));
    expect(((await screen.findByTestId('ca-csr-path')) as HTMLInputElement).value).toBe('/home/op/sensor-7.csr');
    fireEvent.click(screen.getByTestId('ca-csr-submit'));
    expect(inputsOf('ca.signCsr')).toEqual([{ csr: { kind: 'path', path: '/home/op/sensor-7.csr' }, validityDays: 90 }]);
  });

  it('asks for a CSR before sending anything', async () => {
    const { inputsOf } = setup(UNLOCKED);
    fireEvent.click(await screen.findByTestId('ca-csr-submit'));
    expect(screen.getByText('Paste, drop or choose a CSR.')).toBeTruthy();
    expect(inputsOf('ca.signCsr')).toEqual([]);
  });
});
