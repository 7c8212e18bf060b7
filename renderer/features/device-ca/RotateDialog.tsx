import { useRef, useState, type FormEvent } from 'react';
import type { KeyAlgorithm } from '../../../shared/model/ca';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { parseWholeNumber, subjectProblem } from './ca-validation';
import { focusFirstInvalid, SelectInput, TextInput } from './ca-fields';
import { plural } from './format';
import type { CaDialogProps } from './IntermediateDialog';
import { KEY_ALGORITHM_HINT, KEY_ALGORITHM_OPTIONS } from './key-algorithms';
import { useCaAction } from './use-ca-action';

/**
 * Rotation changes what the proxy must trust, so the dialog says exactly what happens during
 * and after the overlap before anything runs; Cancel has focus.
 */
export function RotateDialog({ cas, onClose, opener }: CaDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const rotate = useCaAction('ca.rotate');
  const current = cas.find((ca) => ca.status === 'active' && ca.role === 'root') ?? cas.find((ca) => ca.status === 'active');
  const [subject, setSubject] = useState(current?.subject ?? 'CN=Sentinel Device CA');
  const [keyAlgorithm, setKeyAlgorithm] = useState<KeyAlgorithm>(current?.keyAlgorithm ?? 'ec-p256');
  const [validity, setValidity] = useState('3650');
  const [overlap, setOverlap] = useState('30');
  const [tried, setTried] = useState(false);
  const days = parseWholeNumber(validity, 1, 36_500);
  const overlapDays = parseWholeNumber(overlap, 0, 3650);
  const problems = { subject: subjectProblem(subject), validity: days.ok ? null : days.problem, overlap: overlapDays.ok ? null : overlapDays.problem };
  const overlapText = overlapDays.ok ? plural(overlapDays.value, 'day') : 'the overlap';

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (problems.subject !== null || !days.ok || !overlapDays.ok) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const input = { subject: subject.trim(), keyAlgorithm, validityDays: days.value, overlapDays: overlapDays.value };
    if ((await rotate.run(input)) !== null) onClose();
  };

  return (
    <Modal
      title="Rotate the device CA?"
      onCancel={onClose}
      initialFocus={cancel}
      returnFocus={opener}
      testId="ca-rotate-dialog"
      footer={
        <>
          <button type="button" className="button" ref={cancel} onClick={onClose} data-testid="ca-rotate-cancel">
            Cancel
          </button>
          <button type="submit" form="ca-rotate-form" className="button button--primary" disabled={rotate.pending} aria-busy={rotate.pending} data-testid="ca-rotate-confirm">
            {rotate.pending ? 'Rotating…' : 'Rotate CA'}
          </button>
        </>
      }
    >
      <div className="ca-explain" data-testid="ca-rotate-explain">
        <p>
          A new CA is created and issues every certificate from now on. The current CA becomes <strong>previous</strong>: for {overlapText} both CAs are
          trusted, so devices keep working while they are renewed under the new CA.
        </p>
        <p>
          Export for the proxy after rotating, so NGINX trusts both. When the overlap ends the previous CA is retired, and devices still holding its
          certificates are refused.
        </p>
      </div>
      <form id="ca-rotate-form" className="ca-form ca-form--plain" onSubmit={(event) => void submit(event)} noValidate>
        <TextInput label="New CA subject" value={subject} onChange={setSubject} error={tried ? problems.subject : null} mono required maxLength={1024} testId="ca-rotate-subject" />
        <div className="ca-grid3">
          <SelectInput label="Key algorithm" value={keyAlgorithm} options={KEY_ALGORITHM_OPTIONS} onChange={setKeyAlgorithm} hint={KEY_ALGORITHM_HINT} testId="ca-rotate-algorithm" />
          <TextInput label="Validity (days)" value={validity} onChange={setValidity} error={tried ? problems.validity : null} numeric required testId="ca-rotate-validity" />
          <TextInput label="Overlap (days)" value={overlap} onChange={setOverlap} error={tried ? problems.overlap : null} numeric required testId="ca-rotate-overlap" hint="Both CAs are trusted this long." />
        </div>
      </form>
      {rotate.error === null ? null : <ErrorPanel error={rotate.error} title="Could not rotate the CA" />}
    </Modal>
  );
}
