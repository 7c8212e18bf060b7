import type { CaOverview } from '../../../shared/model/ca';
import { ErrorPanel } from '../../components/ErrorPanel';
import { AuditLogPanel } from './AuditLogPanel';
import { CaOverviewPanel } from './CaOverviewPanel';
import { CsrSigner } from './CsrSigner';
import { FirstRun } from './FirstRun';
import { InventoryPanel } from './InventoryPanel';
import { IssueDeviceForm } from './IssueDeviceForm';
import { useCaOverview } from './use-ca-data';
import { VaultBar } from './VaultBar';

/** Unlocked: everything that uses the keys or reads the vault's contents. */
function UnlockedContent({ overview }: { overview: CaOverview }) {
  return (
    <>
      <CaOverviewPanel overview={overview} />
      <div className="ca-issue-grid">
        <IssueDeviceForm />
        <CsrSigner />
      </div>
      <InventoryPanel overview={overview} />
      <AuditLogPanel />
    </>
  );
}

/**
 * The Device CA area. The vault bar is always first; locked, only what ca.status says is shown
 * (no actions, no inventory or log), so an idle lock needs no command to take effect.
 */
export function DeviceCaScreen() {
  const query = useCaOverview();
  if (query.isPending) {
    return (
      <p className="loading" role="status">
        Loading the device CA…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="ca-screen">
        <ErrorPanel error={query.error} title="Could not read the device CA" />
        <div>
          <button type="button" className="button" onClick={() => void query.refetch()} data-testid="ca-retry">
            Try again
          </button>
        </div>
      </div>
    );
  }
  const overview = query.data;
  if (!overview.vault.initialized) {
    return (
      <div className="ca-screen" data-testid="ca-screen">
        <FirstRun />
      </div>
    );
  }
  return (
    <div className="ca-screen" data-testid="ca-screen" data-unlocked={overview.vault.unlocked ? 'true' : 'false'}>
      <VaultBar vault={overview.vault} />
      {overview.vault.unlocked ? (
        <UnlockedContent overview={overview} />
      ) : (
        <>
          <CaOverviewPanel overview={overview} />
          <p className="muted" data-testid="ca-locked-note">
            Unlock the vault to issue, renew or revoke certificates, publish CRLs, and see the issued certificates and the audit log.
          </p>
        </>
      )}
    </div>
  );
}
