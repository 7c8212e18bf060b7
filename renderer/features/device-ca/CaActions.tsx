import type { MouseEvent } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { CopyButton } from '../certificates/CopyButton';
import { plural } from './format';
import { useCaAction } from './use-ca-action';

export type CaDialog = 'intermediate' | 'rotate' | 'export';

/** Publish is one click (it changes nothing a device sees except fresher revocation data); the rest open a dialog. */
export function CaActions({ onOpen }: { onOpen(dialog: CaDialog, opener: HTMLButtonElement): void }) {
  const publish = useCaAction('ca.publishCrl');
  const open = (dialog: CaDialog) => (event: MouseEvent<HTMLButtonElement>) => onOpen(dialog, event.currentTarget);
  return (
    <div className="ca-actions">
      <div className="ca-actions__row" role="group" aria-label="CA actions">
        <button type="button" className="button button--primary" onClick={() => void publish.run({})} disabled={publish.pending} aria-busy={publish.pending} data-testid="ca-publish-crl">
          {publish.pending ? 'Publishing…' : 'Publish CRL'}
        </button>
        <button type="button" className="button" onClick={open('intermediate')} data-testid="ca-open-intermediate">
          Create intermediate…
        </button>
        <button type="button" className="button" onClick={open('rotate')} data-testid="ca-open-rotate">
          Rotate CA…
        </button>
        <button type="button" className="button" onClick={open('export')} data-testid="ca-open-export">
          Export for the proxy…
        </button>
      </div>
      {publish.error === null ? null : <ErrorPanel error={publish.error} title="Could not publish the CRL" />}
      {publish.data === null ? null : (
        <p className="ca-notice ca-notice--ok" role="status" data-testid="ca-publish-result">
          Published {plural(publish.data.crls.length, 'CRL')}
          {publish.data.crls.length > 0 ? ` (#${publish.data.crls.map((crl) => crl.crlNumber).join(', #')})` : ''}. Combined file for the proxy:{' '}
          <code>{publish.data.combinedPath}</code> <CopyButton value={publish.data.combinedPath} what="combined CRL path" />
        </p>
      )}
    </div>
  );
}
