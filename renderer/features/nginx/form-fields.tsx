import { createContext, useContext, useId, type ReactNode } from 'react';
import type { ReferencedFileCheck } from '../../../shared/model/nginx';
import { useNginxDraft } from './draft-store';
import { FileCheckNote } from './FileCheckNote';
import { describedBy, FieldHint } from '../../components/field-notes';

/** What the form shows beside fields: errors placed by key, and main's checks of named files. */
export interface FormFeedback {
  readonly errors: ReadonlyMap<string, readonly string[]>;
  readonly files: ReadonlyMap<string, ReferencedFileCheck>;
}

export const FormFeedbackContext = createContext<FormFeedback>({ errors: new Map(), files: new Map() });

export function useFieldErrors(field: string): readonly string[] {
  return useContext(FormFeedbackContext).errors.get(field) ?? [];
}

export function FieldErrors({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <span className="ngx-field__error" id={id} data-testid="nginx-field-error">
      {errors.join(' ')}
    </span>
  );
}

export interface TextFieldProps {
  /** The dotted path main names in field errors, e.g. `listen.0`. */
  readonly field: string;
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  readonly maxLength: number;
  readonly hint?: ReactNode;
  readonly placeholder?: string;
  readonly mono?: boolean;
  readonly required?: boolean;
  readonly inputMode?: 'numeric' | 'url' | 'text';
  /** Extra control after the input (e.g. a remove button). */
  readonly after?: ReactNode;
}

/** A labelled text input whose errors, hint and file check are tied to it with aria-describedby. */
export function TextField({ field, label, value, onChange, maxLength, hint, placeholder, mono = true, required, inputMode, after }: TextFieldProps) {
  const id = useId();
  const errors = useFieldErrors(field);
  const file = useContext(FormFeedbackContext).files.get(field);
  const touch = useNginxDraft((state) => state.touch);
  const invalid = errors.length > 0;
  return (
    <div className="ngx-field" data-field={field}>
      <label className={required ? 'field__label ngx-field__label--required' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <div className="ngx-field__row">
        <input
          id={id}
          className={`input${mono ? ' mono' : ''}${invalid ? ' input--invalid' : ''}`}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          inputMode={inputMode}
          required={required}
          aria-invalid={invalid}
          aria-describedby={describedBy(invalid && `${id}-error`, hint !== undefined && `${id}-hint`, file !== undefined && `${id}-file`)}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => touch(field)}
          data-field={field}
        />
        {after}
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      {file === undefined ? null : <FileCheckNote id={`${id}-file`} check={file} />}
    </div>
  );
}

export interface FieldGroupProps {
  /** The group's key for errors such as `ocsp` or `tlsVersions`. */
  readonly field: string;
  readonly legend: string;
  readonly children: ReactNode;
  readonly hint?: ReactNode;
}

/** A fieldset whose group-level errors are announced with it. */
export function FieldGroup({ field, legend, children, hint }: FieldGroupProps) {
  const id = useId();
  const errors = useFieldErrors(field);
  return (
    <fieldset
      className={errors.length > 0 ? 'ngx-group ngx-group--invalid' : 'ngx-group'}
      data-field={field}
      aria-describedby={describedBy(errors.length > 0 && `${id}-error`, hint !== undefined && `${id}-hint`)}
    >
      <legend className="ngx-group__legend">{legend}</legend>
      {children}
      <FieldErrors id={`${id}-error`} errors={errors} />
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
    </fieldset>
  );
}

export function CheckboxField({ label, checked, onChange, field, describedById }: { label: string; checked: boolean; onChange(checked: boolean): void; field: string; describedById?: string }) {
  return (
    <label className="ngx-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} data-field={field} aria-describedby={describedById} />
      <span>{label}</span>
    </label>
  );
}
