import { useHealthUi } from './health-ui-store';
import { AdhocProbe } from './AdhocProbe';

/** First visit: what a profile is, and two ways to start. */
export function EmptyState() {
  const openDialog = useHealthUi((ui) => ui.openDialog);
  return (
    <div className="hl-empty" data-testid="health-empty">
      <section className="hl-empty__intro" aria-labelledby="hl-empty-title">
        <h2 className="hl-empty__title" id="hl-empty-title">
          No proxies yet
        </h2>
        <p>
          A profile is one mTLS proxy the console watches: its <code>https://</code> address, how to trust its certificate, and optionally a device
          certificate for the authenticated heartbeat. Each probe runs the smoke test (live, ready, the heartbeat refused without a client
          certificate and accepted with one) and reads the TLS handshake; the enforcement matrix checks which client certificates the proxy lets
          through. Probes run when you ask or on an interval, and the dashboard keeps their history.
        </p>
        <div>
          <button type="button" className="button button--primary" onClick={() => openDialog({ kind: 'edit', id: null })} data-testid="health-add">
            Add a proxy
          </button>
        </div>
      </section>
      <AdhocProbe />
    </div>
  );
}
