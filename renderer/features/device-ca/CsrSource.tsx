import { useId } from 'react';
import { CSR_FILTERS, useChoosePath } from '../../bridge/use-choose-path';

export type CsrInput = { readonly kind: 'text'; readonly name: string; readonly text: string } | { readonly kind: 'path'; readonly path: string };

export interface CsrSourceProps {
  readonly value: CsrInput;
  onChange(value: CsrInput): void;
  readonly error: string | null;
  readonly maxChars: number;
}

/** Where the CSR comes from: pasted or dropped text, or a file main reads (picked in the native dialog). */
export function CsrSource({ value, onChange, error, maxChars }: CsrSourceProps) {
  const id = useId();
  const chooser = useChoosePath('Choose a certificate request', CSR_FILTERS, (path) => onChange({ kind: 'path', path }));
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <div className="ca-csr__head">
        <label className="field__label" htmlFor={id}>
          {value.kind === 'path' ? 'CSR file' : value.name === 'pasted.csr' ? 'CSR (PEM)' : `CSR from ${value.name}`}
        </label>
        <button type="button" className="button button--quiet" onClick={() => void chooser.choose()} disabled={chooser.choosing} data-testid="ca-csr-choose">
          Choose file…
        </button>
      </div>
      {value.kind === 'path' ? (
        <div className="ca-field__row">
          <input id={id} className="input mono" type="text" readOnly value={value.path} aria-describedby={hintId} data-testid="ca-csr-path" />
          <button type="button" className="button button--quiet" onClick={() => onChange({ kind: 'text', name: 'pasted.csr', text: '' })} data-testid="ca-csr-clear">
            Paste instead
          </button>
        </div>
      ) : (
        <textarea
          id={id}
          className="input ca-csr__text"
          rows={6}
          spellCheck={false}
          autoComplete="off"
          maxLength={maxChars}
          placeholder={'-----BEGIN CERTIFICATE REQUEST-----\n…\n-----END CERTIFICATE REQUEST-----'}
          value={value.text}
          aria-invalid={error !== null}
          aria-describedby={error === null ? hintId : `${id}-error ${hintId}`}
          onChange={(event) => onChange({ kind: 'text', name: value.name, text: event.target.value })}
          data-testid="ca-csr-text"
        />
      )}
      {error === null ? null : (
        <span className="ca-field__error" id={`${id}-error`} data-testid="ca-field-error">
          {error}
        </span>
      )}
      <span className="field__hint" id={hintId}>
        {chooser.notice ?? 'Paste the PEM, drop a .csr file here, or choose one. The device keeps its private key.'}
      </span>
    </div>
  );
}
