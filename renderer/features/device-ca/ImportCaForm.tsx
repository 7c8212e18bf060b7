import { useState, type FormEvent } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { passphraseProblems, requiredProblem } from './ca-validation';
import { focusFirstInvalid, TextInput } from './ca-fields';
import { PassphraseFields } from './PassphraseFields';
import { PathInput } from './PathInput';
import { PEM_FILTERS } from '../../bridge/use-choose-path';
import { useCaAction } from './use-ca-action';

/** An existing CA certificate and key, read by main and re-encrypted under a new vault passphrase. */
export function ImportCaForm() {
  const importCa = useCaAction('ca.import');
  const [certPath, setCertPath] = useState('');
  const [keyPath, setKeyPath] = useState('');
  const [keyPassphrase, setKeyPassphrase] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);

  const secret = passphraseProblems(passphrase, confirm);
  const problems = { cert: requiredProblem(certPath, 'the CA certificate file'), key: requiredProblem(keyPath, 'the CA key file') };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (problems.cert !== null || problems.key !== null || secret.passphrase !== null || secret.confirm !== null) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const input = {
      certPath: certPath.trim(),
      keyPath: keyPath.trim(),
      ...(keyPassphrase === '' ? {} : { keyPassphrase }),
      vaultPassphrase: passphrase,
    };
    setKeyPassphrase('');
    setPassphrase('');
    setConfirm('');
    setTried(false);
    await importCa.run(input);
  };

  return (
    <form className="ca-form" onSubmit={(event) => void submit(event)} aria-labelledby="ca-import-title" noValidate data-testid="ca-import-form">
      <h3 className="ca-form__title" id="ca-import-title">
        Import an existing CA
      </h3>
      <p className="muted small">The key is read from disk by the console, checked against the certificate and stored encrypted in the vault.</p>
      <PathInput label="CA certificate" value={certPath} onChange={setCertPath} error={tried ? problems.cert : null} required dialogTitle="Choose the CA certificate" filters={PEM_FILTERS} placeholder="/etc/sentinel/ca.pem" testId="ca-import-cert" />
      <PathInput label="CA private key" value={keyPath} onChange={setKeyPath} error={tried ? problems.key : null} required dialogTitle="Choose the CA private key" filters={PEM_FILTERS} placeholder="/etc/sentinel/ca.key" testId="ca-import-key" />
      <TextInput label="Key passphrase (if the key file is encrypted)" type="password" value={keyPassphrase} onChange={setKeyPassphrase} maxLength={1024} testId="ca-import-key-passphrase" />
      <PassphraseFields label="New vault passphrase" passphrase={passphrase} confirm={confirm} onPassphrase={setPassphrase} onConfirm={setConfirm} problems={tried ? secret : null} testId="ca-import-passphrase" />
      {importCa.error === null ? null : <ErrorPanel error={importCa.error} title="Could not import the CA" />}
      <div className="ca-form__actions">
        <button type="submit" className="button button--primary" disabled={importCa.pending} aria-busy={importCa.pending} data-testid="ca-import-submit">
          {importCa.pending ? 'Importing…' : 'Import CA'}
        </button>
      </div>
    </form>
  );
}
