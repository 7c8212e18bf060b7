import { useId, useRef, useState } from 'react';
import type { CertificateObject, InspectResult } from '../../../shared/model/pki';
import { useCommandMutation } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ChainDiagram } from './ChainDiagram';
import { useCertDraft, type LoadedInput, type TrustMode, type VerifyDraft } from './draft-store';
import { formatTime, isEndEntity, shortName, sourceText } from './format';
import { planVerify } from './verify-plan';

function certOption(cert: CertificateObject, label: (file: string) => string): string {
  return `${shortName(cert)} — ${sourceText(cert, label)}${isEndEntity(cert) ? '' : ' (CA)'}`;
}

function countTicked(choices: readonly CertificateObject[], ticked: readonly string[]): number {
  return choices.filter((cert) => ticked.includes(cert.fingerprints.sha256)).length;
}

/** Above this many CA certificates (a system bundle), the anchor list gets a filter box. */
export const ANCHOR_FILTER_FROM = 8;

function matchesFilter(cert: CertificateObject, filter: string, label: (file: string) => string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return [cert.subject, cert.commonName ?? '', label(cert.source.file)].some((text) => text.toLowerCase().includes(needle));
}

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
}

interface AnchorListProps {
  choices: readonly CertificateObject[];
  ticked: readonly string[];
  label: (file: string) => string;
  onToggle: (sha256: string, on: boolean) => void;
}

/** Checkboxes for the CA certificates to trust; a filter box once there are many (a system bundle). */
function AnchorList({ choices, ticked, label, onToggle }: AnchorListProps) {
  const [filter, setFilter] = useState('');
  // Ticked anchors stay in view whatever the filter, so what is trusted is always visible.
  const shown = choices.filter((cert) => ticked.includes(cert.fingerprints.sha256) || matchesFilter(cert, filter, label));
  return (
    <>
      {choices.length > ANCHOR_FILTER_FROM ? (
        <input
          type="search"
          className="input checklist-filter"
          placeholder={`Filter ${choices.length} CA certificates by name or file`}
          aria-label="Filter CA certificates"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      ) : null}
      <ul className="checklist" aria-label="Certificates to trust">
        {shown.map((cert) => (
          <li key={cert.fingerprints.sha256}>
            <label className="check">
              <input
                type="checkbox"
                checked={ticked.includes(cert.fingerprints.sha256)}
                onChange={(event) => onToggle(cert.fingerprints.sha256, event.target.checked)}
                data-testid="cert-verify-anchor"
              />
              <span className="check__text">
                <span className="check__name">{shortName(cert)}</span>
                <span className="check__meta mono">{sourceText(cert, label)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}

export interface VerifyPanelProps {
  result: InspectResult;
  inputs: readonly LoadedInput[];
}

/** Pick a leaf, the anchors to trust and the CRLs to check, then see the path main built. */
export function VerifyPanel({ result, inputs }: VerifyPanelProps) {
  const draft = useCertDraft((state) => state.verify);
  const role = useCertDraft((state) => state.role);
  const updateVerify = useCertDraft((state) => state.updateVerify);
  const verify = useCommandMutation('cert.verify');
  const ids = useId();
  const resultRef = useRef<HTMLDivElement>(null);

  const labels = new Map(inputs.map((input) => [input.name, input.label]));
  const label = (file: string): string => labels.get(file) ?? file;
  const plan = planVerify(result.objects, inputs, draft, role);

  /** A changed selection makes the shown result stale: drop it rather than show it under new choices. */
  const change = (patch: Partial<VerifyDraft>): void => {
    updateVerify(patch);
    verify.reset();
  };

  const run = (): void => {
    if (plan.input === null) return;
    // The answer lands under the form; bring it into view (the panel may scroll on its own).
    const reveal = (): void => {
      requestAnimationFrame(() => resultRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' }));
    };
    verify.mutate(plan.input, { onSettled: reveal });
  };

  if (plan.certificates.length === 0) {
    return (
      <section className="verify" aria-labelledby={`${ids}-title`}>
        <h2 className="section-title" id={`${ids}-title`}>
          Validate a path
        </h2>
        <p className="muted">Load a certificate to validate its chain.</p>
      </section>
    );
  }

  const data = verify.data;
  const ticked = countTicked(plan.anchorChoices, draft.anchors);
  return (
    <section className="verify" aria-labelledby={`${ids}-title`} data-testid="cert-verify">
      <h2 className="section-title" id={`${ids}-title`}>
        Validate a path
      </h2>

      <div className="verify__form">
        <label className="field" htmlFor={`${ids}-leaf`}>
          <span className="field__label">Leaf certificate</span>
          <select
            id={`${ids}-leaf`}
            className="input"
            value={plan.leaf?.fingerprints.sha256 ?? ''}
            onChange={(event) => change({ leaf: event.target.value })}
            data-testid="cert-verify-leaf"
          >
            {plan.certificates.map((cert) => (
              <option key={cert.fingerprints.sha256} value={cert.fingerprints.sha256}>
                {certOption(cert, label)}
              </option>
            ))}
          </select>
        </label>

        <fieldset className="fieldset">
          <legend className="field__label">
            Trust anchors
            {draft.trustMode === 'loaded' && ticked > 0 ? ` (${ticked} ticked)` : ''}
          </legend>
          <div className="radio-row">
            {(['loaded', 'system'] as const satisfies readonly TrustMode[]).map((mode) => (
              <label key={mode} className="radio">
                <input
                  type="radio"
                  name={`${ids}-trust`}
                  value={mode}
                  checked={draft.trustMode === mode}
                  onChange={() => change({ trustMode: mode })}
                />
                {mode === 'loaded' ? 'Loaded certificates' : 'System store'}
              </label>
            ))}
          </div>
          {draft.trustMode === 'loaded' ? (
            plan.anchorChoices.length === 0 ? (
              <p className="muted small">No CA certificate is loaded: add the root (or issuing CA) to trust, or use the system store.</p>
            ) : (
              <AnchorList
                choices={plan.anchorChoices}
                ticked={draft.anchors}
                label={label}
                onToggle={(print, on) => change({ anchors: toggle(draft.anchors, print, on) })}
              />
            )
          ) : (
            <p className="muted small">The operating system's trust bundle on the host running the console.</p>
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend className="field__label">CRLs</legend>
          {plan.crlChoices.length === 0 ? (
            <p className="muted small">No CRL loaded: revocation will not be checked.</p>
          ) : (
            <ul className="checklist" aria-label="CRLs to check">
              {plan.crlChoices.map((crl, i) => (
                <li key={`${crl.fingerprints.sha256}:${i}`}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={draft.crls.includes(crl.fingerprints.sha256)}
                      onChange={(event) => change({ crls: toggle(draft.crls, crl.fingerprints.sha256, event.target.checked) })}
                      data-testid="cert-verify-crl"
                    />
                    <span className="check__text">
                      <span className="check__name">{crl.issuer}</span>
                      <span className="check__meta mono">
                        {sourceText(crl, label)} · {crl.entryCount} revoked
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <div className="verify__row">
          <label className="field" htmlFor={`${ids}-at`}>
            <span className="field__label">Validation time</span>
            <input
              id={`${ids}-at`}
              className="input"
              type="datetime-local"
              step={1}
              value={draft.at}
              onChange={(event) => change({ at: event.target.value })}
              aria-describedby={`${ids}-at-hint`}
            />
          </label>
          {draft.at === '' ? null : (
            <button type="button" className="button button--quiet" onClick={() => change({ at: '' })}>
              Now
            </button>
          )}
          <span className="muted small" id={`${ids}-at-hint`}>
            {draft.at === '' ? 'Empty: now.' : 'Your local time.'} Role: {role === 'any' ? 'any' : role === 'device' ? 'device (clientAuth)' : 'proxy (serverAuth)'}.
          </span>
        </div>

        <div className="verify__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={run}
            disabled={plan.input === null || verify.isPending}
            data-testid="cert-verify-run"
            aria-describedby={plan.problem === null ? undefined : `${ids}-problem`}
          >
            {verify.isPending ? 'Validating…' : 'Validate'}
          </button>
          {plan.problem === null ? (
            <span className="muted small">
              {plan.intermediates.length === 0 ? 'No other certificate' : `${plan.intermediates.length} other certificate(s)`} offered as
              intermediates.
            </span>
          ) : (
            <span className="muted small" id={`${ids}-problem`}>
              {plan.problem}
            </span>
          )}
        </div>
      </div>

      <div className="verify__result" aria-live="polite" ref={resultRef}>
        {verify.isError ? <ErrorPanel error={verify.error} title="Validation could not run" /> : null}
        {data === undefined ? null : (
          <>
            <div
              className={`banner banner--${data.valid ? 'valid' : 'invalid'}`}
              data-testid="cert-valid-banner"
              data-valid={data.valid ? 'true' : 'false'}
              role="status"
            >
              {data.valid ? 'Valid' : `Not valid: ${data.failure?.message ?? 'the path was rejected'}`}
            </div>
            {data.revocationChecked ? null : (
              <p className="verify__note" data-testid="cert-revocation-note">
                Revocation not checked
                {(verify.variables?.crls ?? []).length > 0
                  ? '.'
                  : plan.crlChoices.length > 0
                    ? ': no CRL was ticked.'
                    : ': no CRL was given.'}
              </p>
            )}
            <ChainDiagram result={data} />
            <p className="muted small">
              {data.candidatesTried} candidate issuer signature(s) checked
              {verify.variables?.at === undefined ? '' : ` · at ${formatTime(verify.variables.at)}`}.
            </p>
          </>
        )}
      </div>
    </section>
  );
}
