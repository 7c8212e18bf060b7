import { useRef } from 'react';
import type { ProxyProfile } from '../../../shared/model/probe';
import { useCommandMutation } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { useStatusCache } from './status-cache';

/** Deleting drops the profile, its schedule and its history; Cancel is focused, being the safe choice. */
export function DeleteDialog({ profile, onClose }: { profile: ProxyProfile; onClose(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const remove = useCommandMutation('health.delete');
  const cache = useStatusCache();
  const confirm = (): void =>
    remove.mutate(
      { id: profile.id },
      {
        onSuccess: () => {
          cache.apply({ id: profile.id, deleted: true });
          onClose();
        },
      },
    );
  return (
    <Modal
      title={`Delete ${profile.name}?`}
      onCancel={onClose}
      initialFocus={cancel}
      testId="health-delete-dialog"
      footer={
        <>
          <button type="button" className="button" ref={cancel} onClick={onClose} data-testid="health-delete-cancel">
            Cancel
          </button>
          <button type="button" className="button hl-button--danger-solid" onClick={confirm} disabled={remove.isPending} aria-busy={remove.isPending} data-testid="health-delete-confirm">
            {remove.isPending ? 'Deleting…' : 'Delete profile'}
          </button>
        </>
      }
    >
      {remove.error === null ? null : <ErrorPanel error={remove.error} title="Could not delete the profile" />}
      <p>
        The console stops probing <code>{profile.baseUrl}</code> and forgets this profile's history. The proxy itself and the files the profile
        names are not touched.
      </p>
    </Modal>
  );
}
