import { skipToken, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ProbeReport, ProfileStatus } from '../../../shared/model/probe';
import { ErrorPanel } from '../../components/ErrorPanel';
import { DetailSection } from './DetailSection';
import { ExpiryList } from './ExpiryList';
import { absoluteTime, formatMs } from './format';
import { useHealthUi } from './health-ui-store';
import { HistoryList } from './HistoryList';
import { MatrixSection } from './MatrixSection';
import { ProbeButton } from './ProbeButton';
import { isInsecure, overallState } from './profile-state';
import { ScheduleControls } from './ScheduleControls';
import { StepTable } from './SmokeSteps';
import { InsecureMark, StateBadge } from './StateBadges';
import { matrixKey } from './status-cache';
import { TlsDetailsView } from './TlsDetailsView';
import { useProbeProfile } from './use-profile-actions';

/** The last report that ran the matrix: the last report itself, or one kept from before it. */
function useMatrixReport(status: ProfileStatus): ProbeReport | null {
  const kept = useQuery<ProbeReport>({ queryKey: matrixKey(status.profile.id), queryFn: skipToken }).data;
  if (status.last?.matrix != null) return status.last;
  return kept ?? null;
}

/** Everything about one proxy: the last report in full, the matrix, and the history. Escape goes back. */
export function ProfileDetail({ status }: { status: ProfileStatus }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { id, name, baseUrl } = status.profile;
  const back = useHealthUi((ui) => ui.back);
  const openDialog = useHealthUi((ui) => ui.openDialog);
  const probe = useProbeProfile(id);
  const matrixReport = useMatrixReport(status);
  const last = status.last;
  const insecure = isInsecure(status);

  useEffect(() => heading.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || event.target instanceof HTMLSelectElement) return;
    event.preventDefault();
    back();
  };

  return (
    <div className="hl-detail" onKeyDown={onKeyDown} data-testid="health-detail" data-profile-id={id}>
      <nav className="hl-detail__nav" aria-label="Health">
        <button type="button" className="link-button" onClick={back} data-testid="health-back">
          ← All proxies
        </button>
      </nav>
      <header className="hl-detail__head">
        <div className="hl-detail__title">
          <h2 className="hl-detail__name" ref={heading} tabIndex={-1}>
            {name}
          </h2>
          <StateBadge state={overallState(status)} />
          {insecure ? <InsecureMark /> : null}
        </div>
        <p className="mono muted">{baseUrl}</p>
        <div className="hl-detail__actions" role="group" aria-label={`Actions for ${name}`}>
          <ProbeButton kind="smoke" action={probe} running={status.running} primary testId="health-probe-now" />
          <button type="button" className="button" onClick={() => openDialog({ kind: 'edit', id })} data-testid="health-edit">
            Edit
          </button>
        </div>
        <ScheduleControls status={status} />
        {probe.error === null ? null : <ErrorPanel error={probe.error} title="The probe could not run" />}
      </header>

      <DetailSection title="Smoke test" testId="health-detail-smoke">
        {last === null ? (
          <p className="muted">Never probed. Probe now runs live, ready and the heartbeat with and without a device certificate.</p>
        ) : (
          <>
            <p className={last.ok ? 'hl-tone--ok' : 'hl-tone--danger'} data-testid="health-detail-summary">
              {last.insecure ? <><InsecureMark />{' '}</> : null}{last.summary}
            </p>
            <p className="small muted">
              {absoluteTime(last.at)} · {formatMs(last.ms)} in all
            </p>
            <StepTable steps={last.steps} />
          </>
        )}
      </DetailSection>

      <DetailSection title="TLS" testId="health-detail-tls">
        {last?.tls == null ? <p className="muted">No TLS details yet: the next probe collects them.</p> : <TlsDetailsView tls={last.tls} insecure={last.insecure} />}
        <h4 className="hl-subtitle">Expiry</h4>
        <ExpiryList expiry={status.expiry} />
      </DetailSection>

      <MatrixSection report={matrixReport} lastAt={last?.at ?? null} matrixDir={status.profile.matrixDir} action={probe} running={status.running} />

      <DetailSection title="History" testId="health-detail-history">
        <HistoryList history={status.history} />
      </DetailSection>
    </div>
  );
}
