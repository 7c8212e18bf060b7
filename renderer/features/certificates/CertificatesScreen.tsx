import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useBridge } from '../../bridge/bridge-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useCertDraft, type AddOutcome } from './draft-store';
import { plural } from './format';
import { InputBar } from './InputBar';
import { FILE_FILTERS, readFiles } from './read-files';
import { ResultsView } from './ResultsView';
import { useInspection } from './use-inspect';
import { VerifyPanel } from './VerifyPanel';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

function EmptyState() {
  return (
    <section className="empty" aria-labelledby="cert-empty-title" data-testid="cert-empty">
      <h2 className="empty__title" id="cert-empty-title">
        Drop certificate files here
      </h2>
      <p className="empty__text">
        Or use <strong>Open files…</strong> or <strong>Paste PEM</strong>. Everything is read offline by the console itself:
      </p>
      <ul className="empty__list">
        <li>Certificates and chains: PEM or DER (.pem, .crt, .cer, .der), PKCS#7 bundles (.p7b, .p7c)</li>
        <li>PKCS#12 (.p12, .pfx) and encrypted keys, with the passphrase field</li>
        <li>CRLs (.crl), certificate requests (.csr) and private keys (.key): only their public part is shown</li>
      </ul>
      <p className="empty__text muted">
        Then pick a leaf under <strong>Validate a path</strong> to see whether a device (or the proxy) would be accepted, and why not.
      </p>
    </section>
  );
}

/** The Certificates area: load inputs, read what they hold, and validate a certification path. */
export function CertificatesScreen() {
  const bridge = useBridge();
  const inputs = useCertDraft((state) => state.inputs);
  const { query, inputCount, expiryWindowDays } = useInspection();
  const fileInput = useRef<HTMLInputElement>(null);
  const dialogMissing = useRef(false);
  const dragDepth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const [opening, setOpening] = useState(false);
  const [notices, setNotices] = useState<readonly string[]>([]);

  // Files dropped outside the zone (on the sidebar) must not make the window navigate to them.
  useEffect(() => {
    const stop = (event: Event): void => event.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const report = (outcome: AddOutcome, problems: readonly string[] = []): void => setNotices([...problems, ...outcome.skipped]);

  const loadFiles = async (files: File[]): Promise<void> => {
    const { sources, problems } = await readFiles(files);
    report(useCertDraft.getState().addSources(sources), problems);
  };

  const openFiles = async (): Promise<void> => {
    if (dialogMissing.current) {
      fileInput.current?.click();
      return;
    }
    setOpening(true);
    try {
      const result = await bridge.commands['files.choose']({ title: 'Open certificate files', multiple: true, filters: FILE_FILTERS });
      if (result.ok) {
        report(useCertDraft.getState().addSources(result.value.paths.map((path) => ({ kind: 'path', path }))));
      } else if (result.error.code === 'UNAVAILABLE') {
        // No native dialog on this host (the web host): the browser's own picker reads the bytes instead.
        dialogMissing.current = true;
        fileInput.current?.click();
      } else {
        setNotices([`Could not open the file dialog: ${result.error.message}`]);
      }
    } catch (err) {
      setNotices([`Could not open the file dialog: ${err instanceof Error ? err.message : String(err)}`]);
    } finally {
      setOpening(false);
    }
  };

  const paste = (text: string): boolean => {
    const outcome = useCertDraft.getState().addPasted(text);
    report(outcome);
    return outcome.added > 0;
  };

  const onDragEnter = (event: DragEvent<HTMLDivElement>): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (): void => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) void loadFiles(files);
  };

  const result = inputs.length > 0 ? query.data : undefined;
  const reading = inputs.length > 0 && query.isFetching;

  return (
    <div
      className={dragging ? 'certs certs--dragging' : 'certs'}
      data-testid="cert-drop-zone"
      data-dragging={dragging ? 'true' : 'false'}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <span className="drop-overlay__text">Drop to load these files</span>
        </div>
      ) : null}

      <InputBar
        onOpenFiles={() => void openFiles()}
        onPickFiles={(files) => void loadFiles(files)}
        onPaste={paste}
        fileInputRef={fileInput}
        opening={opening}
      />

      <div className="status" role="status" aria-live="polite" data-testid="cert-status">
        {reading ? (
          <span className="status__progress">
            <span className="progress" aria-hidden="true">
              <span className="progress__bar" />
            </span>
            Reading {plural(inputCount, 'file')}…
          </span>
        ) : result !== undefined ? (
          <span className="muted">
            Read {plural(inputCount, 'input')}: {plural(result.objects.length, 'object')}
            {result.errors.length > 0 ? `, ${plural(result.errors.length, 'unreadable part')}` : ''}.
          </span>
        ) : null}
        {notices.map((notice) => (
          <span key={notice} className="status__notice">
            {notice}
          </span>
        ))}
      </div>

      {inputs.length === 0 ? (
        <EmptyState />
      ) : query.isError ? (
        <ErrorPanel error={query.error} title="Could not inspect the inputs" />
      ) : result === undefined ? null : (
        <div className={reading ? 'certs__grid certs__grid--stale' : 'certs__grid'}>
          <ResultsView result={result} inputs={inputs} windowDays={expiryWindowDays} now={query.dataUpdatedAt} />
          <VerifyPanel result={result} inputs={inputs} />
        </div>
      )}
    </div>
  );
}
