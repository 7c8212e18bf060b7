import { useMemo } from 'react';
import type { CertificateObject, Finding, InspectResult, PkiObject, PkiObjectKind } from '../../../shared/model/pki';
import { useCertDraft, type LoadedInput, type SeverityFilter } from './draft-store';
import { FindingList, visibleFindings } from './FindingList';
import { countBySeverity, KIND_PLURAL, KIND_SINGULAR, objectKey, plural, sourceText } from './format';
import { ObjectCard } from './ObjectCard';

/** Cards rendered before "Show all": keeps a bundle of hundreds of certificates responsive. */
export const INITIAL_CARDS = 50;

const KINDS: readonly PkiObjectKind[] = ['certificate', 'crl', 'csr', 'key'];

const CHIPS: ReadonlyArray<{ value: SeverityFilter; label: string }> = [
  { value: 'error', label: 'Errors' },
  { value: 'warning', label: 'Warnings' },
  { value: 'info', label: 'Info' },
  { value: 'all', label: 'All' },
];

function kindSummary(objects: readonly PkiObject[]): string {
  if (objects.length === 0) return 'no objects';
  return KINDS.map((kind) => ({ kind, count: objects.filter((object) => object.kind === kind).length }))
    .filter(({ count }) => count > 0)
    .map(({ kind, count }) => `${count} ${count === 1 ? KIND_SINGULAR[kind] : KIND_PLURAL[kind]}`)
    .join(' · ');
}

function SeverityChips({ findings }: { findings: readonly Finding[] }) {
  const severity = useCertDraft((state) => state.severity);
  const setSeverity = useCertDraft((state) => state.setSeverity);
  const counts = countBySeverity(findings);
  return (
    <div className="chips" role="group" aria-label="Show findings of severity">
      {CHIPS.map((chip) => (
        <button
          key={chip.value}
          type="button"
          className={`chip chip--${chip.value}`}
          aria-pressed={severity === chip.value}
          onClick={() => setSeverity(chip.value)}
          data-testid={`cert-filter-${chip.value}`}
        >
          {chip.label} <span className="chip__count">{chip.value === 'all' ? findings.length : counts[chip.value]}</span>
        </button>
      ))}
    </div>
  );
}

/** Input-level findings and the parts that could not be read: what is wrong before any one object. */
function InputIssues({ result, label, filter }: { result: InspectResult; label: (file: string) => string; filter: SeverityFilter }) {
  const findings = visibleFindings(result.findings, filter);
  if (findings.length === 0 && result.errors.length === 0) return null;
  return (
    <section className="issues" aria-labelledby="cert-issues-title">
      <h2 className="section-title" id="cert-issues-title">
        About the inputs
      </h2>
      {result.errors.length > 0 ? (
        <ul className="read-errors">
          {result.errors.map((error, i) => (
            <li key={`${error.source.file}:${error.source.index}:${i}`} className="read-error" data-testid="cert-read-error">
              <span className="sev sev--error">Unreadable</span>
              <span className="mono read-error__where" title={error.source.file}>
                {label(error.source.file)} #{error.source.index + 1}
              </span>
              <span className="read-error__message">{error.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <FindingList findings={result.findings} filter={filter} />
    </section>
  );
}

export interface ResultsViewProps {
  result: InspectResult;
  inputs: readonly LoadedInput[];
  windowDays: number;
  /** When the result was read (ms): what "expired" and "days left" are judged against. */
  now: number;
}

/** Summary strip, input-level issues, then one card per object (the first 50 until "Show all"). */
export function ResultsView({ result, inputs, windowDays, now }: ResultsViewProps) {
  const filter = useCertDraft((state) => state.severity);
  const showAll = useCertDraft((state) => state.showAll);
  const setShowAll = useCertDraft((state) => state.setShowAll);

  const labels = useMemo(() => new Map(inputs.map((input) => [input.name, input.label])), [inputs]);
  const label = (file: string): string => labels.get(file) ?? file;
  const allFindings = useMemo(() => [...result.findings, ...result.objects.flatMap((object) => object.findings)], [result]);
  const certsBySpki = useMemo(() => {
    const map = new Map<string, CertificateObject[]>();
    for (const object of result.objects) {
      if (object.kind !== 'certificate') continue;
      map.set(object.publicKey.spkiSha256, [...(map.get(object.publicKey.spkiSha256) ?? []), object]);
    }
    return map;
  }, [result]);

  const matching = result.objects
    .map((object, position) => ({ object, position }))
    .filter(({ object }) => filter === 'all' || object.findings.some((finding) => finding.severity === filter));
  const hidden = result.objects.length - matching.length;
  const shown = showAll ? matching : matching.slice(0, INITIAL_CARDS);
  const filterWord = filter === 'error' ? 'errors' : filter === 'warning' ? 'warnings' : 'info findings';

  return (
    <div className="results">
      <div className="summary" data-testid="cert-summary">
        <span className="summary__objects">{kindSummary(result.objects)}</span>
        {result.errors.length > 0 ? <span className="summary__errors">{plural(result.errors.length, 'unreadable part')}</span> : null}
        <SeverityChips findings={allFindings} />
      </div>
      <InputIssues result={result} label={label} filter={filter} />
      <section className="objects" aria-label="Objects">
        {hidden > 0 ? (
          <p className="objects__note">
            {plural(hidden, 'object')} without {filterWord} hidden.{' '}
            <button type="button" className="link-button" onClick={() => useCertDraft.getState().setSeverity('all')}>
              Show everything
            </button>
          </p>
        ) : null}
        {shown.map(({ object, position }) => (
          <ObjectCard
            key={objectKey(object, position)}
            object={object}
            source={sourceText(object, label)}
            filter={filter}
            windowDays={windowDays}
            now={now}
            {...(object.kind === 'key' ? { keyMatches: certsBySpki.get(object.publicKey.spkiSha256) ?? [] } : {})}
          />
        ))}
        {shown.length < matching.length ? (
          <div className="objects__more">
            <span>
              Showing {shown.length} of {matching.length}.
            </span>
            <button type="button" className="button" onClick={() => setShowAll(true)} data-testid="cert-show-all">
              Show all {matching.length}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
