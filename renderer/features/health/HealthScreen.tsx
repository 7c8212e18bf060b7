import { useEffect } from 'react';
import type { ProfileStatus } from '../../../shared/model/probe';
import { assertNever } from '../../../shared/util/assert-never';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Dashboard } from './Dashboard';
import { DeleteDialog } from './DeleteDialog';
import { EmptyState } from './EmptyState';
import { useHealthUi, type HealthDialog } from './health-ui-store';
import { ProfileDetail } from './ProfileDetail';
import { ProfileEditor } from './ProfileEditor';
import { useHealthList } from './use-health-list';

function Dialogs({ dialog, statuses }: { dialog: HealthDialog; statuses: readonly ProfileStatus[] }) {
  const close = useHealthUi((ui) => ui.closeDialog);
  if (dialog === null) return null;
  // A profile deleted meanwhile (another window, the CLI) has nothing left to edit or delete.
  const profile = statuses.find((status) => status.profile.id === dialog.id)?.profile ?? null;
  switch (dialog.kind) {
    case 'edit':
      if (dialog.id !== null && profile === null) return null;
      return <ProfileEditor key={dialog.id ?? 'new'} profile={profile} onClose={close} />;
    case 'delete':
      return profile === null ? null : <DeleteDialog profile={profile} onClose={close} />;
    default:
      return assertNever(dialog, 'health dialog');
  }
}

/** The Health area: the dashboard of profiles, one profile's detail, and the dialogs that change them. */
export function HealthScreen() {
  const query = useHealthList();
  const selectedId = useHealthUi((ui) => ui.selectedId);
  const dialog = useHealthUi((ui) => ui.dialog);
  const statusesLoaded = query.data;

  // A profile deleted while its detail was open leaves nothing to come back to.
  useEffect(() => {
    if (selectedId !== null && statusesLoaded !== undefined && !statusesLoaded.some((status) => status.profile.id === selectedId)) {
      useHealthUi.setState({ selectedId: null });
    }
  }, [selectedId, statusesLoaded]);

  if (query.isPending) {
    return (
      <p className="loading" role="status">
        Loading proxy profiles…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="hl-screen">
        <ErrorPanel error={query.error} title="Could not load the proxy profiles" />
        <div>
          <button type="button" className="button" onClick={() => void query.refetch()} data-testid="health-retry">
            Try again
          </button>
        </div>
      </div>
    );
  }
  const statuses = query.data;
  const selected = statuses.find((status) => status.profile.id === selectedId);
  return (
    <div className="hl-screen" data-testid="health-screen">
      {selected !== undefined ? <ProfileDetail status={selected} /> : statuses.length === 0 ? <EmptyState /> : <Dashboard statuses={statuses} />}
      <Dialogs dialog={dialog} statuses={statuses} />
    </div>
  );
}
