import { useRef, useState, type FormEvent } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { passphraseProblems, requiredProblem } from './ca-validation';
import { CheckboxInput, focusFirstInvalid, TextInput } from './ca-fields';
import { commonName } from './format';
import { IssueResultView } from './IssueResultView';
import { deliveryFormats, EMPTY_DELIVERY, KeyDeliveryFields, withoutPassphrases, type KeyDelivery } from './KeyDeliveryFields';
import type { CertDialogProps } from './RevokeDialog';
import { useCaAction } from './use-ca-action';

/**
 * A new certificate for the same device. A generated key is generated afresh and handed out
 * like at issue (so it needs a passphrase); a CSR's public key is signed again.
 */
export function RenewDialog({ cert, onClose, opener }: CertDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const renew = useCaAction('ca.renew');
  const generated = cert.origin === 'generated';
  const [revokeOld, setRevokeOld] = useState(true);
  const [outDir, setOutDir] = useState('');
  const [delivery, setDelivery] = useState<KeyDelivery>(EMPTY_DELIVERY);
  const [tried, setTried] = useState(false);
  const name = cert.deviceId ?? commonName(cert.subject);
  const formats = deliveryFormats(delivery);
  const secret = generated ? passphraseProblems(delivery.passphrase, delivery.confirm) : { passphrase: null, confirm: null };
  const problems = { outDir: requiredProblem(outDir, 'the folder to write the files to'), formats: generated && formats.length === 0 ? 'Choose at least one key file format.' : null };
  const done = renew.data !== null;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (problems.outDir !== null || problems.formats !== null || secret.passphrase !== null || secret.confirm !== null) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const input = {
      serialNumber: cert.serialNumber,
      revokeOld,
      outDir: outDir.trim(),
      ...(generated ? { key: { passphrase: delivery.passphrase, formats } } : {}),
    };
    setDelivery(withoutPassphrases(delivery));
    setTried(false);
    await renew.run(input);
  };

  return (
    <Modal
      title={`Renew ${name}?`}
      onCancel={onClose}
      initialFocus={cancel}
      returnFocus={opener}
      testId="ca-renew-dialog"
      className="ca-modal--wide"
      footer={
        <>
          <button type="button" className="button" ref={cancel} onClick={onClose} data-testid="ca-renew-cancel">
            {done ? 'Done' : 'Cancel'}
          </button>
          {done ? null : (
            <button type="submit" form="ca-renew-form" className="button button--primary" disabled={renew.pending} aria-busy={renew.pending} data-testid="ca-renew-confirm">
              {renew.pending ? 'Renewing…' : 'Renew certificate'}
            </button>
          )}
        </>
      }
    >
      {done && renew.data !== null ? (
        <IssueResultView result={renew.data} testId="ca-renew-result" />
      ) : (
        <form id="ca-renew-form" className="ca-form ca-form--plain" onSubmit={(event) => void submit(event)} noValidate>
          <p>
            Issues a new certificate for <strong className="mono">{name}</strong> from the active CA
            {generated ? ', with a new key handed out once under the passphrase below.' : ' for the public key of its original CSR.'}
          </p>
          <CheckboxInput
            label="Revoke the old certificate"
            checked={revokeOld}
            onChange={setRevokeOld}
            hint="The proxy refuses it once the next CRL is published. Untick only if the device needs both while it switches over."
            testId="ca-renew-revoke-old"
          />
          <TextInput label="Output folder" value={outDir} onChange={setOutDir} error={tried ? problems.outDir : null} mono required maxLength={4096} testId="ca-renew-outdir" />
          {generated ? (
            <KeyDeliveryFields value={delivery} onChange={setDelivery} problems={tried ? secret : null} formatsProblem={tried ? problems.formats : null} testId="ca-renew-key" />
          ) : null}
        </form>
      )}
      {renew.error === null ? null : <ErrorPanel error={renew.error} title="Could not renew the certificate" />}
    </Modal>
  );
}
