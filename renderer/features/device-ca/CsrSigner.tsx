import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { parseWholeNumber } from './ca-validation';
import { focusFirstInvalid, TextInput } from './ca-fields';
import { CsrSource, type CsrInput } from './CsrSource';
import { SignedCertificate } from './SignedCertificate';
import { useCaAction } from './use-ca-action';

/** The contract's limit on pasted or dropped CSR text. */
export const MAX_CSR_CHARS = 64 * 1024;

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** A device's own CSR, signed by the active CA: the device keeps its key, the console never sees one. */
export function CsrSigner() {
  const ids = useId();
  const sign = useCaAction('ca.signCsr');
  const [csr, setCsr] = useState<CsrInput>({ kind: 'text', name: 'pasted.csr', text: '' });
  const [validity, setValidity] = useState('90');
  const [outPath, setOutPath] = useState('');
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const days = parseWholeNumber(validity, 1, 825);
  const empty = csr.kind === 'text' ? csr.text.trim() === '' : csr.path === '';

  const onDrop = async (event: DragEvent<HTMLDivElement>): Promise<void> => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file === undefined) return;
    if (file.size > MAX_CSR_CHARS) {
      setNotice(`${file.name} is ${file.size} bytes; a CSR is at most ${MAX_CSR_CHARS}.`);
      return;
    }
    setNotice(null);
    setCsr({ kind: 'text', name: file.name || 'dropped.csr', text: await file.text() });
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setTried(true);
    if (empty || !days.ok) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    void sign.run({ csr, validityDays: days.value, ...(outPath.trim() === '' ? {} : { outPath: outPath.trim() }) });
  };

  return (
    <section className="ca-section ca-panel" aria-labelledby={`${ids}-title`} data-testid="ca-csr">
      <h2 className="ca-section__title" id={`${ids}-title`}>
        Sign a CSR
      </h2>
      <div
        className={dragging ? 'ca-drop ca-drop--active' : 'ca-drop'}
        onDragEnter={(event) => hasFiles(event) && setDragging(true)}
        onDragOver={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => void onDrop(event)}
        data-testid="ca-csr-drop"
      >
        <form className="ca-form ca-form--plain" onSubmit={submit} noValidate>
          <CsrSource value={csr} onChange={setCsr} error={tried && empty ? 'Paste, drop or choose a CSR.' : null} maxChars={MAX_CSR_CHARS} />
          {notice === null ? null : <p className="ca-field__error">{notice}</p>}
          <div className="ca-grid2">
            <TextInput label="Validity (days)" value={validity} onChange={setValidity} error={tried && !days.ok ? days.problem : null} numeric required testId="ca-csr-validity" />
            <TextInput label="Also write to (optional)" value={outPath} onChange={setOutPath} mono maxLength={4096} placeholder="/srv/provisioning/device-0042.pem" testId="ca-csr-outpath" hint="The chain goes beside it as <file>.chain.pem." />
          </div>
          {sign.error === null ? null : <ErrorPanel error={sign.error} title="Could not sign the CSR" />}
          <div className="ca-form__actions">
            <button type="submit" className="button button--primary" disabled={sign.pending} aria-busy={sign.pending} data-testid="ca-csr-submit">
              {sign.pending ? 'Signing…' : 'Sign CSR'}
            </button>
          </div>
        </form>
      </div>
      {sign.data === null ? null : <SignedCertificate result={sign.data} />}
    </section>
  );
}
