/** The intervals the operator picks from; Off means manual probes only. */
export const INTERVAL_CHOICES: readonly (number | null)[] = [null, 30, 60, 300, 900, 3600];

/** What Resume brings back when this window never saw the profile's interval. */
export const DEFAULT_RESUME_SECONDS = 300;

export function intervalLabel(seconds: number | null): string {
  if (seconds === null) return 'Off';
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The choices plus the profile's own interval when it was set elsewhere (the CLI takes any). */
export function intervalChoices(current: number | null): readonly (number | null)[] {
  if (INTERVAL_CHOICES.includes(current)) return INTERVAL_CHOICES;
  return [...INTERVAL_CHOICES, current].sort((a, b) => (a ?? 0) - (b ?? 0));
}

/** A select's value for an interval (select values are strings). */
export const intervalValue = (seconds: number | null): string => (seconds === null ? 'off' : String(seconds));

export function parseIntervalValue(value: string): number | null {
  return value === 'off' ? null : Number(value);
}
