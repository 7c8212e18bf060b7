import { useId } from 'react';
import { MATRIX_FILES, type MatrixCaseId } from '../../../shared/model/probe';
import { EditorField } from './EditorField';
import { bind, type SectionProps } from './EditorSections';
import { MATRIX_CASE_LABEL } from './format';

/** Each file pair the matrix looks for, with the cases it serves (valid-chain serves two). */
function matrixFilePairs(): ReadonlyArray<{ name: string; cases: readonly string[] }> {
  const byName = new Map<string, string[]>();
  for (const [caseId, name] of Object.entries(MATRIX_FILES) as Array<[Exclude<MatrixCaseId, 'no-cert'>, string]>) {
    byName.set(name, [...(byName.get(name) ?? []), MATRIX_CASE_LABEL[caseId]]);
  }
  return [...byName].map(([name, cases]) => ({ name, cases }));
}

export function FilesSection(props: SectionProps) {
  return (
    <fieldset className="hl-form__section">
      <legend className="hl-form__title">Enforcement matrix and CRL (optional)</legend>
      <EditorField
        {...bind(props, 'matrixDir')}
        label="Matrix directory"
        hint={
          <>
            A folder of test certificates, each as <code>&lt;name&gt;.pem</code> (leaf, or leaf and chain) plus <code>&lt;name&gt;.key</code>. A
            missing pair skips its case; without a folder only the no-certificate case runs.
          </>
        }
      />
      <ul className="hl-matrix-files small" aria-label="Files the matrix reads" data-testid="health-matrix-files">
        {matrixFilePairs().map((pair) => (
          <li key={pair.name}>
            <code>
              {pair.name}.pem, {pair.name}.key
            </code>{' '}
            <span className="muted">{pair.cases.join('; ')}</span>
          </li>
        ))}
      </ul>
      <EditorField {...bind(props, 'crlFile')} label="CRL file" hint="The CRL the proxy loads: the dashboard counts down to its nextUpdate." />
    </fieldset>
  );
}

export function AdvancedSection(props: SectionProps & { open: boolean; onToggle(): void }) {
  const ids = useId();
  return (
    <section className="hl-form__section" aria-labelledby={`${ids}-toggle`}>
      <button
        type="button"
        id={`${ids}-toggle`}
        className="hl-disclosure"
        aria-expanded={props.open}
        aria-controls={props.open ? `${ids}-body` : undefined}
        onClick={props.onToggle}
        data-testid="health-editor-advanced"
      >
        Advanced: paths and timeouts
      </button>
      {props.open ? (
        <div id={`${ids}-body`} className="hl-form__advanced">
          <div className="hl-form__grid3">
            <EditorField {...bind(props, 'live')} label="Live path" maxLength={512} />
            <EditorField {...bind(props, 'ready')} label="Ready path" maxLength={512} />
            <EditorField {...bind(props, 'heartbeat')} label="Heartbeat path" maxLength={512} />
          </div>
          <div className="hl-form__grid">
            <EditorField {...bind(props, 'connectMs')} label="Connect timeout (ms)" inputMode="numeric" maxLength={6} hint="TCP connect plus TLS handshake." />
            <EditorField {...bind(props, 'totalMs')} label="Request timeout (ms)" inputMode="numeric" maxLength={6} hint="Each whole request." />
          </div>
        </div>
      ) : null}
    </section>
  );
}
