import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NO_VAULT, ROOT_CA, UNLOCKED } from '../../test-support/ca-samples';
import { everythingRendered, ok, setup, type, useCaLifecycle } from './ca-test-harness';

useCaLifecycle();

const PASSPHRASE = 'vault passphrase for tests';

describe('DeviceCaScreen: first run', () => {
  it('without a vault shows the first-run panel, not the vault bar', async () => {
    setup(NO_VAULT);
    expect(await screen.findByTestId('ca-first-run')).toBeTruthy();
    expect(screen.queryByTestId('ca-vault')).toBeNull();
    expect(screen.getByTestId('ca-create-form')).toBeTruthy();
    expect((screen.getByTestId('ca-create-algorithm') as HTMLSelectElement).value).toBe('ec-p256');
    const options = Array.from((screen.getByTestId('ca-create-algorithm') as HTMLSelectElement).options).map((option) => option.value);
    expect(options).toEqual(['ec-p256', 'ec-p384', 'rsa-3072', 'ed25519']);
  });

  it('checks the passphrase (length, confirmation) beside the fields and sends nothing until it is right', async () => {
    const { inputsOf } = setup(NO_VAULT);
    const form = await screen.findByTestId('ca-create-form');
    type('Vault passphrase', 'short', form);
    expect(screen.getByTestId('ca-create-passphrase-strength').textContent).toContain('5 of at least 12');
    type('Vault passphrase, again', 'shorter', form);
    fireEvent.click(screen.getByTestId('ca-create-submit'));
    const errors = within(form).getAllByTestId('ca-field-error').map((error) => error.textContent);
    expect(errors).toEqual(['At least 12 characters.', 'The two passphrases differ.']);
    expect(inputsOf('ca.init')).toEqual([]);
  });

  it('creates a root CA with the chosen input, clears both passphrase fields and shows the new CA unlocked', async () => {
    const { inputsOf, overview } = setup(NO_VAULT, { 'ca.init': () => ok(ROOT_CA) });
    const form = await screen.findByTestId('ca-create-form');
    type('Subject', 'CN=Plant 4 Device CA,O=Example', form);
    fireEvent.change(within(form).getByLabelText('Key algorithm'), { target: { value: 'ec-p384' } });
    type('Validity (days)', '1825', form);
    type('Vault passphrase', PASSPHRASE, form);
    type('Vault passphrase, again', PASSPHRASE, form);
    expect(screen.getByTestId('ca-create-passphrase-strength').textContent).not.toContain('Too short');
    overview.current = UNLOCKED;
    fireEvent.click(screen.getByTestId('ca-create-submit'));
    expect(inputsOf('ca.init')).toEqual([{ subject: 'CN=Plant 4 Device CA,O=Example', keyAlgorithm: 'ec-p384', validityDays: 1825, passphrase: PASSPHRASE }]);
    expect((screen.getByTestId('ca-create-passphrase') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('ca-create-passphrase-confirm') as HTMLInputElement).value).toBe('');
    expect(await screen.findByTestId('ca-vault')).toBeTruthy();
    expect(screen.getByTestId('ca-vault-state').textContent).toContain('Unlocked');
    expect(everythingRendered()).not.toContain(PASSPHRASE);
  });

  it('imports an existing CA from paths, leaving the key passphrase out when it is empty', async () => {
    const { inputsOf } = setup(NO_VAULT, { 'ca.import': () => ok(ROOT_CA) });
    fireEvent.click(await screen.findByTestId('ca-first-run-import'));
    const form = screen.getByTestId('ca-import-form');
    type('CA certificate', ' /etc/sentinel/ca.pem ', form);
    type('CA private key', '/etc/sentinel/ca.key', form);
    type('New vault passphrase', PASSPHRASE, form);
    type('New vault passphrase, again', PASSPHRASE, form);
    fireEvent.click(screen.getByTestId('ca-import-submit'));
    await waitFor(() => expect(inputsOf('ca.import')).toEqual([{ certPath: '/etc/sentinel/ca.pem', keyPath: '/etc/sentinel/ca.key', vaultPassphrase: PASSPHRASE }]));
  });

  it('picks the import paths with the native dialog, and says so plainly where there is none', async () => {
    let answer = 0;
    const { inputsOf } = setup(NO_VAULT, {
      'files.choose': async () => {
        answer += 1;
        return answer === 1 ? { ok: true, value: { paths: ['/home/op/ca.pem'] } } : { ok: false, error: { code: 'UNAVAILABLE', message: 'no dialog' } };
      },
    });
    fireEvent.click(await screen.findByTestId('ca-first-run-import'));
    fireEvent.click(screen.getByTestId('ca-import-cert-choose'));
    await waitFor(() => expect((screen.getByTestId('ca-import-cert') as HTMLInputElement).value).toBe('/home/op/ca.pem'));
    fireEvent.click(screen.getByTestId('ca-import-key-choose'));
    expect(await screen.findByText('This host has no file dialog: type the path instead.')).toBeTruthy();
    expect(inputsOf('files.choose')[0]?.multiple).toBe(false);
  });
});
