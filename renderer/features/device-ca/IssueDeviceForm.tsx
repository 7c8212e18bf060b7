import { useState, type FormEvent } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { deviceIdProblem, parseWholeNumber, passphraseProblems, requiredProblem } from './ca-validation';
import { focusFirstInvalid, TextInput } from './ca-fields';
import { IssueResultView } from './IssueResultView';
import { deliveryFormats, EMPTY_DELIVERY, KeyDeliveryFields, withoutPassphrases, type KeyDelivery } from './KeyDeliveryFields';
import { useCaAction } from './use-ca-action';

/** A device certificate (CN = device id, clientAuth) with a key generated for it and handed out encrypted. */
export function IssueDeviceForm() {
  const issue = useCaAction('ca.issueDevice');
  const [deviceId, setDeviceId] = useState('');
  const [validity, setValidity] = useState('90');
  const [outDir, setOutDir] = useState('');
  const [delivery, setDelivery] = useState<KeyDelivery>(EMPTY_DELIVERY);
  const [tried, setTried] = useState(false);

  const days = parseWholeNumber(validity, 1, 825);
  const formats = deliveryFormats(delivery);
  const secret = passphraseProblems(delivery.passphrase, delivery.confirm);
  const problems = {
    deviceId: deviceIdProblem(deviceId.trim()),
    validity: days.ok ? null : days.problem,
    outDir: requiredProblem(outDir, 'the folder to write the files to'),
    formats: formats.length === 0 ? 'Choose at least one key file format.' : null,
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (problems.deviceId !== null || !days.ok || problems.outDir !== null || problems.formats !== null || secret.passphrase !== null || secret.confirm !== null) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const input = { deviceId: deviceId.trim(), validityDays: days.value, outDir: outDir.trim(), key: { passphrase: delivery.passphrase, formats } };
    setDelivery(withoutPassphrases(delivery));
    setTried(false);
    // The folder and validity stay for the next device; the id does not.
    if ((await issue.run(input)) !== null) setDeviceId('');
  };

  return (
    <section className="ca-section ca-panel" aria-labelledby="ca-issue-title" data-testid="ca-issue">
      <h2 className="ca-section__title" id="ca-issue-title">
        Issue a device certificate
      </h2>
      <form className="ca-form ca-form--plain" onSubmit={(event) => void submit(event)} noValidate data-testid="ca-issue-form">
        <div className="ca-grid2">
          <TextInput
            label="Device id"
            value={deviceId}
            onChange={setDeviceId}
            error={tried ? problems.deviceId : null}
            hint="Becomes the certificate CN; the platform matches it to the device's device_id."
            mono
            required
            maxLength={128}
            placeholder="device-0042"
            testId="ca-issue-device-id"
          />
          <TextInput label="Validity (days)" value={validity} onChange={setValidity} error={tried ? problems.validity : null} numeric required testId="ca-issue-validity" hint="Up to 825 days." />
        </div>
        <TextInput label="Output folder" value={outDir} onChange={setOutDir} error={tried ? problems.outDir : null} mono required maxLength={4096} placeholder="/srv/provisioning/device-0042" testId="ca-issue-outdir" />
        <KeyDeliveryFields value={delivery} onChange={setDelivery} problems={tried ? secret : null} formatsProblem={tried ? problems.formats : null} testId="ca-issue-key" />
        {issue.error === null ? null : <ErrorPanel error={issue.error} title="Could not issue the certificate" />}
        <div className="ca-form__actions">
          <button type="submit" className="button button--primary" disabled={issue.pending} aria-busy={issue.pending} data-testid="ca-issue-submit">
            {issue.pending ? 'Issuing…' : 'Issue certificate'}
          </button>
        </div>
      </form>
      {issue.data === null ? null : <IssueResultView result={issue.data} testId="ca-issue-result" />}
    </section>
  );
}
