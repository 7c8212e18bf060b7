import { useId } from 'react';
import { intervalChoices, intervalLabel, intervalValue, parseIntervalValue } from './intervals';

export interface IntervalSelectProps {
  readonly value: number | null;
  onChange(seconds: number | null): void;
  readonly label: string;
  /** Shown as a visible label, or only to assistive tech where the context says it. */
  readonly visibleLabel?: boolean;
  readonly disabled?: boolean;
  readonly testId?: string;
}

export function IntervalSelect({ value, onChange, label, visibleLabel = false, disabled, testId }: IntervalSelectProps) {
  const id = useId();
  return (
    <span className="hl-interval">
      <label className={visibleLabel ? 'field__label' : 'visually-hidden'} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input hl-interval__select"
        value={intervalValue(value)}
        onChange={(event) => onChange(parseIntervalValue(event.target.value))}
        disabled={disabled}
        data-testid={testId}
      >
        {intervalChoices(value).map((seconds) => (
          <option key={intervalValue(seconds)} value={intervalValue(seconds)}>
            {seconds === null ? 'Off' : `Every ${intervalLabel(seconds)}`}
          </option>
        ))}
      </select>
    </span>
  );
}
