import { useId, type ReactNode } from 'react';
import { describedBy, FieldHint } from '../../components/field-notes';

/**
 * After a refused submit, focus goes to the first field that says what is wrong, so keyboard
 * and screen-reader users land on it. Deferred: the error marks render after this call.
 */
export function focusFirstInvalid(form: HTMLFormElement): void {
  setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}

export interface TextInputProps {
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  readonly error?: string | null;
  readonly hint?: ReactNode;
  readonly testId: string;
  readonly type?: 'text' | 'password';
  readonly mono?: boolean;
  readonly placeholder?: string;
  readonly numeric?: boolean;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly className?: string;
  /** A control after the input, e.g. "Choose…". */
  readonly after?: ReactNode;
}

/**
 * A labelled input whose error and hint are tied to it. Passwords are never autocompleted or
 * spell-checked, so the browser neither offers to save nor sends them anywhere.
 */
export function TextInput({ label, value, onChange, error = null, hint, testId, type = 'text', mono = false, placeholder, numeric, required, maxLength, className, after }: TextInputProps) {
  const id = useId();
  const invalid = error !== null;
  return (
    <div className={className === undefined ? 'field' : `field ${className}`}>
      <label className={required ? 'field__label ca-required' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <div className="ca-field__row">
        <input
          id={id}
          className={mono ? 'input mono' : 'input'}
          type={type}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete={type === 'password' ? 'new-password' : 'off'}
          inputMode={numeric ? 'numeric' : undefined}
          required={required}
          maxLength={maxLength}
          aria-invalid={invalid}
          aria-describedby={describedBy(invalid && `${id}-error`, hint !== undefined && `${id}-hint`)}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
        {after}
      </div>
      {invalid ? (
        <span className="ca-field__error" id={`${id}-error`} data-testid="ca-field-error">
          {error}
        </span>
      ) : null}
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
    </div>
  );
}

export interface SelectInputProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  // NoInfer: a useState setter would otherwise widen T to string.
  onChange(value: NoInfer<T>): void;
  readonly testId: string;
  readonly hint?: ReactNode;
}

export function SelectInput<T extends string>({ label, value, options, onChange, testId, hint }: SelectInputProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => {
          const picked = options.find((option) => option.value === event.target.value);
          if (picked !== undefined) onChange(picked.value);
        }}
        data-testid={testId}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
    </div>
  );
}

export function CheckboxInput({ label, checked, onChange, testId, disabled, hint }: { label: string; checked: boolean; onChange(checked: boolean): void; testId: string; disabled?: boolean; hint?: string }) {
  const id = useId();
  return (
    <div className="ca-check-field">
      <label className="ca-check">
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} aria-describedby={hint === undefined ? undefined : `${id}-hint`} data-testid={testId} />
        <span>{label}</span>
      </label>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
    </div>
  );
}
