import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { requiredProblem } from './ca-validation';
import { focusFirstInvalid, TextInput } from './ca-fields';
import { FilesWritten } from './FilesWritten';
import { useCaAction } from './use-ca-action';

/** Writes what NGINX needs (the trusted CA bundle and the CRLs) to a folder, and lists the files. */
export function ExportDialog({ onClose, opener }: { onClose(): void; opener: RefObject<HTMLButtonElement | null> }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const exportFiles = useCaAction('ca.export');
  const [outDir, setOutDir] = useState('');
  const [tried, setTried] = useState(false);
  const problem = requiredProblem(outDir, 'the folder to write to');
  const done = exportFiles.data !== null;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setTried(true);
    if (problem === null) void exportFiles.run({ outDir: outDir.trim() });
    else focusFirstInvalid(event.currentTarget);
  };

  return (
    <Modal
      title="Export for the proxy"
      onCancel={onClose}
      initialFocus={cancel}
      returnFocus={opener}
      testId="ca-export-dialog"
      footer={
        <>
          <button type="button" className="button" ref={cancel} onClick={onClose} data-testid="ca-export-close">
            {done ? 'Done' : 'Cancel'}
          </button>
          {done ? null : (
            <button type="submit" form="ca-export-form" className="button button--primary" disabled={exportFiles.pending} aria-busy={exportFiles.pending} data-testid="ca-export-submit">
              {exportFiles.pending ? 'Exporting…' : 'Export'}
            </button>
          )}
        </>
      }
    >
      <p className="muted">
        The CA certificates NGINX trusts for device certificates (<code>ssl_client_certificate</code>) and the current CRLs (<code>ssl_crl</code>). No private key
        is exported.
      </p>
      <form id="ca-export-form" className="ca-form ca-form--plain" onSubmit={submit} noValidate>
        <TextInput label="Output folder" value={outDir} onChange={setOutDir} error={tried ? problem : null} mono required maxLength={4096} placeholder="/etc/nginx/sentinel" testId="ca-export-outdir" />
      </form>
      {exportFiles.error === null ? null : <ErrorPanel error={exportFiles.error} title="Could not export" />}
      {exportFiles.data === null ? null : (
        <div role="status">
          <p>Written:</p>
          <FilesWritten files={exportFiles.data.files} testId="ca-export-files" />
        </div>
      )}
    </Modal>
  );
}
