import type { OverallState } from './profile-state';

export function StateBadge({ state }: { state: OverallState }) {
  return (
    <span className={`hl-state hl-state--${state.kind}`} data-testid="health-state" data-state={state.kind} aria-busy={state.kind === 'probing' ? true : undefined}>
      {state.label}
    </span>
  );
}

/** Carried by everything an insecure probe produced: its checks of the proxy's certificate were skipped. */
export function InsecureMark() {
  return (
    <span
      className="hl-insecure"
      title="Certificate verification is off for this probe (--insecure): the results do not show whether clients can trust this proxy."
      data-testid="health-insecure"
    >
      Insecure
    </span>
  );
}
