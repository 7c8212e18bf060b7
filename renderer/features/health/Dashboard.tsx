import { useState } from 'react';
import type { ProfileStatus } from '../../../shared/model/probe';
import { AdhocProbe } from './AdhocProbe';
import { plural } from './format';
import { useHealthUi } from './health-ui-store';
import { overallState, type OverallKind } from './profile-state';
import { ProfileCard } from './ProfileCard';

function tally(statuses: readonly ProfileStatus[]): string {
  const of = (kind: OverallKind) => statuses.filter((status) => overallState(status).kind === kind).length;
  const parts = [`${of('healthy')} healthy`, `${of('failing')} failing`];
  if (of('never') > 0) parts.push(`${of('never')} never probed`);
  if (of('probing') > 0) parts.push(`${of('probing')} probing`);
  return `${plural(statuses.length, 'proxy', 'proxies')}: ${parts.join(', ')}`;
}

/** A card per profile, in the order main lists them; failing ones are counted up top. */
export function Dashboard({ statuses }: { statuses: readonly ProfileStatus[] }) {
  const openDialog = useHealthUi((ui) => ui.openDialog);
  const [adhoc, setAdhoc] = useState(false);
  return (
    <div className="hl-dashboard" data-testid="health-dashboard">
      <div className="hl-toolbar">
        <h2 className="hl-toolbar__tally" data-testid="health-tally">
          {tally(statuses)}
        </h2>
        <div className="hl-toolbar__actions">
          <button type="button" className="button" aria-expanded={adhoc} onClick={() => setAdhoc((open) => !open)} data-testid="health-adhoc-toggle">
            Probe a URL once
          </button>
          <button type="button" className="button button--primary" onClick={() => openDialog({ kind: 'edit', id: null })} data-testid="health-add">
            Add a proxy
          </button>
        </div>
      </div>
      {adhoc ? <AdhocProbe /> : null}
      <div className="hl-cards">
        {statuses.map((status) => (
          <ProfileCard key={status.profile.id} status={status} />
        ))}
      </div>
    </div>
  );
}
