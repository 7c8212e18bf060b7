import { useState, type FormEvent } from 'react';
import type { KeyAlgorithm } from '../../../shared/model/ca';
import { ErrorPanel } from '../../components/ErrorPanel';
import { parseWholeNumber, passphraseProblems, subjectProblem } from './ca-validation';
import { focusFirstInvalid, SelectInput, TextInput } from './ca-fields';
import { KEY_ALGORITHM_HINT, KEY_ALGORITHM_OPTIONS } from './key-algorithms';
import { PassphraseFields } from './PassphraseFields';
import { useCaAction } from './use-ca-action';

/** A new root CA and, with it, the vault and its passphrase. */
export function CreateRootForm() {
  const init = useCaAction('ca.init');
  const [subject, setSubject] = useState('CN=Sentinel Device CA');
  const [keyAlgorithm, setKeyAlgorithm] = useState<KeyAlgorithm>('ec-p256');
  const [validity, setValidity] = useState('3650');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);

  const days = parseWholeNumber(validity, 1, 36_500);
  const secret = passphraseProblems(passphrase, confirm);
  const problems = { subject: subjectProblem(subject), validity: days.ok ? null : days.problem };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (problems.subject !== null || !days.ok || secret.passphrase !== null || secret.confirm !== null) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const sent = passphrase;
    setPassphrase('');
    setConfirm('');
    setTried(false);
    await init.run({ subject: subject.trim(), keyAlgorithm, validityDays: days.value, passphrase: sent });
  };

  return (
    <form className="ca-form" onSubmit={(event) => void submit(event)} aria-labelledby="ca-create-title" noValidate data-testid="ca-create-form">
      <h3 className="ca-form__title" id="ca-create-title">
        Create a root CA
      </h3>
      <p className="muted small">The CA's private key is generated and kept encrypted in the console's vault; it never leaves the main process.</p>
      <TextInput label="Subject" value={subject} onChange={setSubject} error={tried ? problems.subject : null} mono required maxLength={1024} testId="ca-create-subject" hint="A distinguished name, e.g. CN=Sentinel Device CA, O=Example" />
      <div className="ca-grid2">
        <SelectInput label="Key algorithm" value={keyAlgorithm} options={KEY_ALGORITHM_OPTIONS} onChange={setKeyAlgorithm} hint={KEY_ALGORITHM_HINT} testId="ca-create-algorithm" />
        <TextInput label="Validity (days)" value={validity} onChange={setValidity} error={tried ? problems.validity : null} numeric required testId="ca-create-validity" hint="3650 days is ten years." />
      </div>
      <PassphraseFields
        label="Vault passphrase"
        passphrase={passphrase}
        confirm={confirm}
        onPassphrase={setPassphrase}
        onConfirm={setConfirm}
        problems={tried ? secret : null}
        testId="ca-create-passphrase"
      />
      <p className="muted small">Unlocks the vault from now on. The console cannot recover it: keep it in your password manager.</p>
      {init.error === null ? null : <ErrorPanel error={init.error} title="Could not create the CA" />}
      <div className="ca-form__actions">
        <button type="submit" className="button button--primary" disabled={init.pending} aria-busy={init.pending} data-testid="ca-create-submit">
          {init.pending ? 'Creating…' : 'Create root CA'}
        </button>
      </div>
    </form>
  );
}
