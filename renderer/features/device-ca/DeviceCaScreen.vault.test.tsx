import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LOCKED, sampleOverview, UNLOCKED, VAULT_LOCKED } from '../../test-support/ca-samples';
import { everythingRendered, fail, setup, type, useCaLifecycle } from './ca-test-harness';

useCaLifecycle();

const PASSPHRASE = 'correct horse battery staple';

describe('DeviceCaScreen: the vault', () => {
  it('locked: shows the unlock form and the CAs, and hides every action and the vault contents', async () => {
    const { count } = setup(LOCKED);
    expect((await screen.findByTestId('ca-vault-state')).textContent).toContain('Locked');
    expect(screen.getByTestId('ca-unlock-passphrase').getAttribute('type')).toBe('password');
    expect(screen.getByTestId('ca-idle-note').textContent).toContain('15 min');
    expect(screen.getAllByTestId('ca-card')).toHaveLength(1);
    for (const hidden of ['ca-publish-crl', 'ca-open-rotate', 'ca-open-export', 'ca-open-intermediate', 'ca-issue', 'ca-csr', 'ca-inventory', 'ca-audit', 'ca-lock']) {
      expect(screen.queryByTestId(hidden)).toBeNull();
    }
    expect(screen.getByTestId('ca-locked-note').textContent).toContain('Unlock the vault');
    // Nothing but the overview was asked for while locked.
    expect(count('ca.list') + count('ca.auditLog')).toBe(0);
  });

  it('unlock sends the passphrase, clears the field and opens the unlocked screen', async () => {
    const { inputsOf, count } = setup(LOCKED);
    const field = type('Vault passphrase', PASSPHRASE, await screen.findByTestId('ca-unlock-form'));
    fireEvent.click(screen.getByTestId('ca-unlock-submit'));
    expect(field.value).toBe('');
    expect(inputsOf('ca.unlock')).toEqual([{ passphrase: PASSPHRASE }]);
    await waitFor(() => expect(screen.getByTestId('ca-vault-state').getAttribute('data-state')).toBe('unlocked'));
    expect(screen.getByTestId('ca-vault-state').textContent).toContain('Unlocked');
    expect(screen.getByTestId('ca-publish-crl')).toBeTruthy();
    expect(await screen.findAllByTestId('ca-row')).toHaveLength(4);
    expect(count('ca.remember')).toBe(0);
    expect(everythingRendered()).not.toContain(PASSPHRASE);
  });

  it('a wrong passphrase leaves the vault locked, with the message and an empty, focused field', async () => {
    const { inputsOf } = setup(LOCKED, { 'ca.unlock': () => fail('The passphrase does not open the vault.') });
    type('Vault passphrase', 'not the one at all', await screen.findByTestId('ca-unlock-form'));
    fireEvent.click(screen.getByTestId('ca-unlock-submit'));
    expect((await screen.findByTestId('error-message')).textContent).toBe('The passphrase does not open the vault.');
    const field = screen.getByTestId('ca-unlock-passphrase') as HTMLInputElement;
    expect(field.value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getByTestId('ca-vault-state').textContent).toContain('Locked');
    expect(inputsOf('ca.unlock')).toHaveLength(1);
    expect(everythingRendered()).not.toContain('not the one at all');
  });

  it('offers no "Remember on this computer" where the OS has no real key store', async () => {
    setup(LOCKED);
    await screen.findByTestId('ca-unlock-form');
    expect(screen.queryByTestId('ca-unlock-remember')).toBeNull();
  });

  it('offers "Remember on this computer" where it can, and applies it right after unlocking', async () => {
    const { inputsOf, calls } = setup(sampleOverview({ vault: { ...VAULT_LOCKED, rememberAvailable: true } }));
    const form = await screen.findByTestId('ca-unlock-form');
    fireEvent.click(within(form).getByTestId('ca-unlock-remember'));
    type('Vault passphrase', PASSPHRASE, form);
    fireEvent.click(within(form).getByTestId('ca-unlock-submit'));
    await waitFor(() => expect(inputsOf('ca.remember')).toEqual([{ enabled: true }]));
    expect(calls.log.map((call) => call.name).filter((name) => name === 'ca.unlock' || name === 'ca.remember')).toEqual(['ca.unlock', 'ca.remember']);
    const toggle = (await screen.findByTestId('ca-remember')) as HTMLInputElement;
    await waitFor(() => expect(toggle.checked).toBe(true));
  });

  it('an idle lock pushed on ca.changed switches the screen to locked without any command call', async () => {
    const { emit, calls } = setup(UNLOCKED);
    expect(await screen.findAllByTestId('ca-row')).toHaveLength(4);
    await screen.findByTestId('ca-audit-status');
    const before = calls.log.length;
    act(() => emit('ca.changed', LOCKED));
    await waitFor(() => expect(screen.getByTestId('ca-vault-state').getAttribute('data-state')).toBe('locked'));
    expect(screen.getByTestId('ca-vault-state').textContent).toContain('Locked');
    expect(screen.getByTestId('ca-unlock-form')).toBeTruthy();
    expect(screen.queryByTestId('ca-inventory')).toBeNull();
    expect(screen.queryByTestId('ca-issue')).toBeNull();
    expect(screen.queryByTestId('ca-publish-crl')).toBeNull();
    // Give any stray refetch a chance to run before counting.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.log.length).toBe(before);
  });

  it('an unlock pushed from elsewhere (another window, the CLI) opens the screen and reads the contents once', async () => {
    const { emit, count } = setup(LOCKED);
    await screen.findByTestId('ca-unlock-form');
    act(() => emit('ca.changed', UNLOCKED));
    expect(await screen.findAllByTestId('ca-row')).toHaveLength(4);
    expect(count('ca.list')).toBe(1);
    expect(count('ca.status')).toBe(1);
  });

  it('"Lock now" locks the vault and shows the locked screen', async () => {
    const { inputsOf } = setup(UNLOCKED, { 'ca.lock': async () => ({ ok: true, value: VAULT_LOCKED }) });
    fireEvent.click(await screen.findByTestId('ca-lock'));
    expect(await screen.findByTestId('ca-unlock-form')).toBeTruthy();
    expect(inputsOf('ca.lock')).toEqual([{}]);
    expect(screen.queryByTestId('ca-inventory')).toBeNull();
  });
});
