import type { ProbeAction, ProbeKind } from './use-profile-actions';

const LABEL: Readonly<Record<ProbeKind, { idle: string; busy: string }>> = {
  smoke: { idle: 'Probe now', busy: 'Probing…' },
  matrix: { idle: 'Run matrix', busy: 'Running matrix…' },
};

export interface ProbeButtonProps {
  readonly kind: ProbeKind;
  readonly action: ProbeAction;
  /** Main says a run is under way (a timer, another window, or this one). */
  readonly running: boolean;
  readonly primary?: boolean;
  readonly testId: string;
}

/**
 * One run at a time per profile: while any run is under way both probe buttons wait. A run this
 * view did not ask for (a timer's) is shown on Probe now, the kind timers run.
 */
export function ProbeButton({ kind, action, running, primary = false, testId }: ProbeButtonProps) {
  const busy = action.pending === kind || (running && action.pending === null && kind === 'smoke');
  const off = running || action.pending !== null;
  return (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button'}
      onClick={() => action.run(kind)}
      disabled={off}
      aria-busy={busy}
      data-testid={testId}
    >
      {busy ? LABEL[kind].busy : LABEL[kind].idle}
    </button>
  );
}
