import type { ReactNode } from 'react';
import { TextInput } from './ca-fields';
import { useChoosePath, type FileFilters } from '../../bridge/use-choose-path';

export interface PathInputProps {
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  readonly error: string | null;
  readonly testId: string;
  readonly dialogTitle: string;
  readonly filters: FileFilters;
  readonly placeholder?: string;
  readonly hint?: ReactNode;
  readonly required?: boolean;
}

/** A file path typed or picked with the native dialog (main reads the file; the renderer only names it). */
export function PathInput({ label, value, onChange, error, testId, dialogTitle, filters, placeholder, hint, required }: PathInputProps) {
  const chooser = useChoosePath(dialogTitle, filters, onChange);
  return (
    <TextInput
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      hint={chooser.notice ?? hint}
      mono
      required={required}
      placeholder={placeholder}
      maxLength={4096}
      testId={testId}
      after={
        <button type="button" className="button" onClick={() => void chooser.choose()} disabled={chooser.choosing} aria-label={`Choose ${label.toLowerCase()}`} data-testid={`${testId}-choose`}>
          Choose…
        </button>
      }
    />
  );
}
