import { useId, type ReactNode, type Ref } from 'react';
import { describedBy, FieldHint } from '../../components/field-notes';

export interface EditorFieldProps {
  readonly field: string;
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** Shown once the operator has left the field or tried to save. */
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly required?: boolean;
  readonly mono?: boolean;
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly inputMode?: 'url' | 'numeric' | 'text';
  readonly inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input whose error and hint are tied to it for assistive tech. */
export function EditorField({ field, label, value, onChange, onBlur, error, hint, required, mono = true, placeholder, maxLength = 4096, inputMode, inputRef }: EditorFieldProps) {
  const id = useId();
  const invalid = error !== undefined;
  return (
    <div className="hl-field" data-field={field}>
      <label className={required ? 'field__label hl-field__label--required' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className={mono ? 'input mono' : 'input'}
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        inputMode={inputMode}
        required={required}
        aria-invalid={invalid}
        aria-describedby={describedBy(invalid && `${id}-error`, hint !== undefined && `${id}-hint`)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        data-field={field}
      />
      {invalid ? (
        <span className="hl-field__error" id={`${id}-error`} data-testid="health-field-error">
          {error}
        </span>
      ) : null}
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
    </div>
  );
}
