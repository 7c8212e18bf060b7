import { useEffect, useId, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ProfileStatus } from '../../../shared/model/probe';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExpiryList } from './ExpiryList';
import { useHealthUi } from './health-ui-store';
import { ProbeButton } from './ProbeButton';
import { isInsecure, overallState } from './profile-state';
import { RelativeTime } from './RelativeTime';
import { ScheduleControls } from './ScheduleControls';
import { StepRows } from './SmokeSteps';
import { Sparkline } from './Sparkline';
import { InsecureMark, StateBadge } from './StateBadges';
import { useNow } from './use-now';
import { useProbeProfile } from './use-profile-actions';

/** Clicks on the card's own controls do what the control says, not open the detail. */
const CONTROLS = 'button, select, input, a, label, summary';

/** One proxy at a glance; the whole card is a tab stop and Enter (or a click) opens its detail. */
export function ProfileCard({ status }: { status: ProfileStatus }) {
  const ids = useId();
  const card = useRef<HTMLElement>(null);
  const { id, name, baseUrl } = status.profile;
  const state = overallState(status);
  const now = useNow();
  const probe = useProbeProfile(id);
  const select = useHealthUi((ui) => ui.select);
  const openDialog = useHealthUi((ui) => ui.openDialog);
  const focusCardId = useHealthUi((ui) => ui.focusCardId);
  const cardFocused = useHealthUi((ui) => ui.cardFocused);

  useEffect(() => {
    if (focusCardId !== id) return;
    card.current?.focus();
    cardFocused();
  }, [focusCardId, id, cardFocused]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      select(id);
    }
  };
  const onClick = (event: MouseEvent<HTMLElement>): void => {
    if (event.target instanceof Element && event.target.closest(CONTROLS) !== null) return;
    select(id);
  };
  const last = status.last;

  return (
    <article
      ref={card}
      className={`hl-card hl-card--${state.kind}`}
      tabIndex={0}
      aria-labelledby={`${ids}-name`}
      aria-describedby={`${ids}-state ${ids}-reason`}
      aria-keyshortcuts="Enter"
      onKeyDown={onKeyDown}
      onClick={onClick}
      data-testid="health-card"
      data-profile-id={id}
      data-state={state.kind}
    >
      <header className="hl-card__head">
        <h3 className="hl-card__name" id={`${ids}-name`}>
          {name}
        </h3>
        <span id={`${ids}-state`} className="hl-card__marks">
          <StateBadge state={state} />
          {isInsecure(status) ? <InsecureMark /> : null}
        </span>
      </header>
      <p className="hl-card__url mono">{baseUrl}</p>
      <p id={`${ids}-reason`} className={`hl-card__reason hl-tone--${state.tone}`} data-testid="health-card-reason">
        {state.reason ?? 'Not probed yet. Probe now runs the smoke test: live, ready and the heartbeat with and without a client certificate.'}
      </p>
      {last === null ? null : <StepRows steps={last.steps} shownAbove={state.reason} />}
      <div className="hl-card__trend">
        <Sparkline history={status.history} />
        <span className="small muted" data-testid="health-last-probe">
          {last === null ? 'Never probed' : <>Last probe <RelativeTime at={last.at} now={now} /></>}
        </span>
      </div>
      <ExpiryList expiry={status.expiry} />
      <ScheduleControls status={status} />
      <div className="hl-card__actions" role="group" aria-label={`Actions for ${name}`}>
        <ProbeButton kind="smoke" action={probe} running={status.running} primary testId="health-probe-now" />
        <button type="button" className="button" onClick={() => select(id)} data-testid="health-details">
          Details
        </button>
        <button type="button" className="button" onClick={() => openDialog({ kind: 'edit', id })} data-testid="health-edit">
          Edit
        </button>
        <button type="button" className="button hl-button--danger" onClick={() => openDialog({ kind: 'delete', id })} data-testid="health-delete">
          Delete…
        </button>
      </div>
      {probe.error === null ? null : <ErrorPanel error={probe.error} title="The probe could not run" />}
    </article>
  );
}
