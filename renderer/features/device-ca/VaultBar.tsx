import { useState } from 'react';
import type { VaultState } from '../../../shared/model/ca';
import { ErrorPanel } from '../../components/ErrorPanel';
import { CheckboxInput } from './ca-fields';
import { idleText } from './format';
import { useVaultAction } from './use-ca-action';
import { UnlockForm } from './UnlockForm';

const REMEMBER_HINT = "Keeps the vault key in this computer's key store, so the console unlocks without the passphrase for your account.";

/**
 * Always at the top of the area: whether the keys are usable right now, how to change that, and
 * when the vault locks itself. It stays mounted across lock and unlock, so an error from the
 * remember step after an unlock is still shown.
 */
export function VaultBar({ vault }: { vault: VaultState }) {
  const unlock = useVaultAction('ca.unlock');
  const lock = useVaultAction('ca.lock');
  const remember = useVaultAction('ca.remember');
  // null follows the vault's own setting until the operator ticks the box before unlocking.
  const [rememberChoice, setRememberChoice] = useState<boolean | null>(null);
  const rememberWanted = rememberChoice ?? vault.remembered;
  const idle = idleText(vault.idleLockSeconds);

  const submitUnlock = async (passphrase: string): Promise<boolean> => {
    remember.reset();
    const unlocked = await unlock.run({ passphrase });
    if (unlocked === null) return false;
    setRememberChoice(null);
    if (unlocked.rememberAvailable && rememberWanted !== unlocked.remembered) await remember.run({ enabled: rememberWanted });
    return true;
  };

  const state = vault.unlocked ? 'unlocked' : 'locked';
  const error = unlock.error ?? lock.error ?? remember.error;
  return (
    <section className={`ca-vault ca-vault--${state}`} aria-labelledby="ca-vault-title" data-testid="ca-vault">
      <div className="ca-vault__row">
        <h2 className="ca-vault__title" id="ca-vault-title">
          <span className="visually-hidden">Vault: </span>
          <span className={`ca-pill ca-pill--${state}`} data-testid="ca-vault-state" data-state={state}>
            <span aria-hidden="true">{vault.unlocked ? '●' : '■'}</span> {vault.unlocked ? 'Unlocked' : 'Locked'}
          </span>
        </h2>
        <p className="ca-vault__note" data-testid="ca-idle-note">
          {vault.unlocked
            ? `The CA keys are usable. The vault locks itself after ${idle} without activity.`
            : `The CA keys are encrypted at rest. Unlocking lasts until ${idle} without activity.`}
        </p>
        {vault.unlocked ? (
          <div className="ca-vault__actions">
            {vault.rememberAvailable ? (
              <CheckboxInput
                label="Remember on this computer"
                checked={vault.remembered}
                disabled={remember.pending}
                onChange={(enabled) => void remember.run({ enabled })}
                testId="ca-remember"
              />
            ) : null}
            <button type="button" className="button" onClick={() => void lock.run({})} disabled={lock.pending} data-testid="ca-lock">
              {lock.pending ? 'Locking…' : 'Lock now'}
            </button>
          </div>
        ) : null}
      </div>
      {vault.unlocked ? null : (
        <UnlockForm onUnlock={submitUnlock} pending={unlock.pending || remember.pending}>
          {vault.rememberAvailable ? (
            <CheckboxInput label="Remember on this computer" checked={rememberWanted} onChange={setRememberChoice} hint={REMEMBER_HINT} testId="ca-unlock-remember" />
          ) : null}
        </UnlockForm>
      )}
      {error === null ? null : <ErrorPanel error={error} title={unlock.error !== null ? 'Could not unlock' : lock.error !== null ? 'Could not lock' : 'Could not change "Remember on this computer"'} />}
    </section>
  );
}
