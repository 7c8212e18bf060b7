import { useEffect, useState } from 'react';

/** How often "3 min ago" is brought up to date; finer would only redraw for seconds nobody reads. */
export const NOW_TICK_MS = 15_000;

/** The current time, refreshed every `tickMs`, so relative times age while the screen is open. */
export function useNow(tickMs: number = NOW_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now;
}
