import { useId, useState, type FormEvent } from 'react';
import { useCommandMutation } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';
import { EditorField } from './EditorField';
import { ReportView } from './ReportView';
import { baseUrlError } from './profile-form';

/** A name for a probe that is never stored: the host, as the operator typed it. */
function adhocName(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'Ad-hoc probe';
  }
}

/** Probe a URL once without saving a profile: the smoke test without a device, plus TLS details. */
export function AdhocProbe() {
  const ids = useId();
  const [baseUrl, setBaseUrl] = useState('https://');
  const [caFile, setCaFile] = useState('');
  const [insecure, setInsecure] = useState(false);
  const [tried, setTried] = useState(false);
  const run = useCommandMutation('probe.run');
  const urlError = baseUrlError(baseUrl.trim()) ?? undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setTried(true);
    if (urlError !== undefined) return;
    const url = baseUrl.trim();
    const ca = caFile.trim();
    run.mutate({ target: { kind: 'adhoc', profile: { name: adhocName(url), baseUrl: url, caFile: ca === '' ? null : ca, insecure } }, matrix: false, tls: true });
  };

  return (
    <section className="hl-adhoc" aria-labelledby={`${ids}-title`} data-testid="health-adhoc">
      <h3 className="hl-section__title" id={`${ids}-title`}>
        Probe once
      </h3>
      <p className="small muted">Runs the smoke test against a URL without saving a profile; nothing is kept.</p>
      <form className="hl-adhoc__form" onSubmit={onSubmit} noValidate aria-label="Probe a URL once">
        <EditorField field="adhoc-url" label="Base URL" value={baseUrl} onChange={setBaseUrl} error={tried ? urlError : undefined} inputMode="url" maxLength={2048} />
        <EditorField field="adhoc-ca" label="CA file (optional)" value={caFile} onChange={setCaFile} />
        <label className="hl-check hl-adhoc__insecure">
          <input type="checkbox" checked={insecure} onChange={(event) => setInsecure(event.target.checked)} data-testid="health-adhoc-insecure" />
          <span>Insecure (skip verification)</span>
        </label>
        <button type="submit" className="button button--primary" disabled={run.isPending} aria-busy={run.isPending} data-testid="health-adhoc-run">
          {run.isPending ? 'Probing…' : 'Probe'}
        </button>
      </form>
      {run.error === null ? null : <ErrorPanel error={run.error} title="The probe could not run" />}
      {run.data === undefined ? null : <ReportView report={run.data} />}
    </section>
  );
}
