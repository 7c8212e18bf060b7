import { useRef, useState, type RefObject } from 'react';
import type { CaOverview } from '../../../shared/model/ca';
import { assertNever } from '../../../shared/util/assert-never';
import { useNow } from '../health/use-now';
import { CaActions, type CaDialog } from './CaActions';
import { CaCard } from './CaCard';
import { ExportDialog } from './ExportDialog';
import { plural } from './format';
import { IntermediateDialog } from './IntermediateDialog';
import { RotateDialog } from './RotateDialog';

/** CRL countdowns are read in minutes; a finer tick would only redraw. */
const CRL_TICK_MS = 30_000;

function Dialog({ dialog, overview, onClose, opener }: { dialog: CaDialog; overview: CaOverview; onClose(): void; opener: RefObject<HTMLButtonElement | null> }) {
  switch (dialog) {
    case 'intermediate':
      return <IntermediateDialog cas={overview.cas} onClose={onClose} opener={opener} />;
    case 'rotate':
      return <RotateDialog cas={overview.cas} onClose={onClose} opener={opener} />;
    case 'export':
      return <ExportDialog onClose={onClose} opener={opener} />;
    default:
      return assertNever(dialog, 'CA dialog');
  }
}

/** The CAs this vault holds, their CRLs, and (when unlocked) what can be done with them. */
export function CaOverviewPanel({ overview }: { overview: CaOverview }) {
  const now = useNow(CRL_TICK_MS);
  const [dialog, setDialog] = useState<CaDialog | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const unlocked = overview.vault.unlocked;
  const openDialog = (next: CaDialog, button: HTMLButtonElement): void => {
    opener.current = button;
    setDialog(next);
  };
  const { valid, expiring, expired, revoked } = overview.counts;
  // Retired CAs last: they are history, not something to act on.
  const cas = [...overview.cas].sort((a, b) => Number(a.status === 'retired') - Number(b.status === 'retired'));
  return (
    <section className="ca-section" aria-labelledby="ca-overview-title" data-testid="ca-overview">
      <div className="ca-section__head">
        <h2 className="ca-section__title" id="ca-overview-title">
          Certificate authorities
        </h2>
        <p className="ca-counts muted" data-testid="ca-counts">
          {plural(valid, 'valid certificate')} · {expiring} expiring · {expired} expired · {revoked} revoked
        </p>
      </div>
      {unlocked ? <CaActions onOpen={openDialog} /> : null}
      {cas.length === 0 ? (
        <p className="muted">The vault holds no CA.</p>
      ) : (
        <div className="ca-cards">
          {cas.map((ca) => (
            <CaCard key={ca.id} ca={ca} now={now} crlWarningHours={overview.crlWarningHours} />
          ))}
        </div>
      )}
      {unlocked && dialog !== null ? <Dialog dialog={dialog} overview={overview} onClose={() => setDialog(null)} opener={opener} /> : null}
    </section>
  );
}
