import type { ProfileStatus } from '../../../shared/model/probe';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useHealthUi } from './health-ui-store';
import { DEFAULT_RESUME_SECONDS, intervalLabel } from './intervals';
import { IntervalSelect } from './IntervalSelect';
import { useSchedule } from './use-profile-actions';

/** Interval and Pause/Resume: both are 'health.schedule'; main runs the timer, the screen only asks. */
export function ScheduleControls({ status }: { status: ProfileStatus }) {
  const { id, name, intervalSeconds } = status.profile;
  const schedule = useSchedule(id, intervalSeconds);
  const remembered = useHealthUi((state) => state.lastInterval[id]);
  const resumeAt = remembered ?? DEFAULT_RESUME_SECONDS;
  return (
    <div className="hl-schedule">
      <div className="hl-schedule__row">
        <IntervalSelect value={intervalSeconds} onChange={schedule.set} label={`Probe interval for ${name}`} disabled={schedule.pending} testId="health-interval" />
        {intervalSeconds === null ? (
          <button type="button" className="button button--quiet" onClick={() => schedule.set(resumeAt)} disabled={schedule.pending} data-testid="health-resume">
            Resume ({intervalLabel(resumeAt)})
          </button>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => schedule.set(null)} disabled={schedule.pending} data-testid="health-pause">
            Pause
          </button>
        )}
        <span className="muted small" data-testid="health-schedule-note">
          {intervalSeconds === null ? 'Manual probes only' : status.scheduled ? `Probing every ${intervalLabel(intervalSeconds)}` : 'Timer not running in this host'}
        </span>
      </div>
      {schedule.error === null ? null : <ErrorPanel error={schedule.error} title="Could not change the schedule" />}
    </div>
  );
}
