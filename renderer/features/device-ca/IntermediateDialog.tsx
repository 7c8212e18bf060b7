import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { CaInfo, KeyAlgorithm } from '../../../shared/model/ca';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { parseWholeNumber, subjectProblem } from './ca-validation';
import { focusFirstInvalid, SelectInput, TextInput } from './ca-fields';
import { CA_ROLE_LABEL, commonName } from './format';
import { KEY_ALGORITHM_HINT, KEY_ALGORITHM_OPTIONS } from './key-algorithms';
import { useCaAction } from './use-ca-action';

export interface CaDialogProps {
  readonly cas: readonly CaInfo[];
  onClose(): void;
  readonly opener: RefObject<HTMLButtonElement | null>;
}

/** An issuing CA under one of the vault's active CAs; devices can then be issued from it. */
export function IntermediateDialog({ cas, onClose, opener }: CaDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const create = useCaAction('ca.createIntermediate');
  const parents = cas.filter((ca) => ca.status === 'active');
  const [parentId, setParentId] = useState(parents.find((ca) => ca.role === 'root')?.id ?? parents[0]?.id ?? '');
  const [subject, setSubject] = useState('CN=Sentinel Device Issuing CA');
  const [keyAlgorithm, setKeyAlgorithm] = useState<KeyAlgorithm>('ec-p256');
  const [validity, setValidity] = useState('1825');
  const [tried, setTried] = useState(false);
  const days = parseWholeNumber(validity, 1, 36_500);
  const problems = { subject: subjectProblem(subject), validity: days.ok ? null : days.problem };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (parentId === '' || problems.subject !== null || !days.ok) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    if ((await create.run({ parentId, subject: subject.trim(), keyAlgorithm, validityDays: days.value })) !== null) onClose();
  };

  return (
    <Modal
      title="Create an intermediate CA"
      onCancel={onClose}
      initialFocus={cancel}
      returnFocus={opener}
      testId="ca-intermediate-dialog"
      footer={
        <>
          <button type="button" className="button" ref={cancel} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="ca-intermediate-form" className="button button--primary" disabled={create.pending || parentId === ''} aria-busy={create.pending} data-testid="ca-intermediate-submit">
            {create.pending ? 'Creating…' : 'Create intermediate'}
          </button>
        </>
      }
    >
      <form id="ca-intermediate-form" className="ca-form ca-form--plain" onSubmit={(event) => void submit(event)} noValidate>
        <SelectInput
          label="Signed by"
          value={parentId}
          options={parents.map((ca) => ({ value: ca.id, label: `${commonName(ca.subject)} (${CA_ROLE_LABEL[ca.role]})` }))}
          onChange={setParentId}
          testId="ca-intermediate-parent"
        />
        <TextInput label="Subject" value={subject} onChange={setSubject} error={tried ? problems.subject : null} mono required maxLength={1024} testId="ca-intermediate-subject" />
        <div className="ca-grid2">
          <SelectInput label="Key algorithm" value={keyAlgorithm} options={KEY_ALGORITHM_OPTIONS} onChange={setKeyAlgorithm} hint={KEY_ALGORITHM_HINT} testId="ca-intermediate-algorithm" />
          <TextInput label="Validity (days)" value={validity} onChange={setValidity} error={tried ? problems.validity : null} numeric required testId="ca-intermediate-validity" />
        </div>
      </form>
      {create.error === null ? null : <ErrorPanel error={create.error} title="Could not create the intermediate CA" />}
    </Modal>
  );
}
