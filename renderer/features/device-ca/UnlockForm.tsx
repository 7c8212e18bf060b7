import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { TextInput } from './ca-fields';

export interface UnlockFormProps {
  /** Resolves true once unlocked; false leaves the form for another try. */
  onUnlock(passphrase: string): Promise<boolean>;
  readonly pending: boolean;
  /** Options beside the button (the remember toggle). */
  readonly children?: ReactNode;
}

/** The vault passphrase, sent once and cleared from the field as soon as it is sent. */
export function UnlockForm({ onUnlock, pending, children }: UnlockFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (passphrase === '' || pending) return;
    const sent = passphrase;
    setPassphrase('');
    const unlocked = await onUnlock(sent);
    // Wrong passphrase: straight back to the (empty) field for another try.
    if (!unlocked) form.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
  };
  return (
    <form ref={form} className="ca-unlock" onSubmit={(event) => void submit(event)} aria-label="Unlock the vault" data-testid="ca-unlock-form">
      <TextInput label="Vault passphrase" type="password" value={passphrase} onChange={setPassphrase} maxLength={1024} className="ca-unlock__field" testId="ca-unlock-passphrase" />
      <button type="submit" className="button button--primary" disabled={pending || passphrase === ''} aria-busy={pending} data-testid="ca-unlock-submit">
        {pending ? 'Unlocking…' : 'Unlock'}
      </button>
      {children}
    </form>
  );
}
