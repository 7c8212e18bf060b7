import { absoluteTime, relativeTime } from './format';

/**
 * "3 min ago", with the exact time on hover and in `dateTime`. The caller passes `now` (from
 * useNow) so a long list shares one timer.
 */
export function RelativeTime({ at, now, testId }: { at: string; now: number; testId?: string }) {
  return (
    <time dateTime={at} title={absoluteTime(at)} data-testid={testId}>
      {relativeTime(at, now)}
    </time>
  );
}
