import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Input, Output } from '../../../shared/ipc/types';
import type { EnvDocument, EnvSaveOutcome } from '../../../shared/model/posture';
import type { BridgeError } from '../../bridge/bridge-error';
import { useCommandMutation } from '../../bridge/use-command';
import { reportChanges, type PendingEdit } from './pending-edits';
import { usePosture } from './posture-store';
import { useReopen } from './use-posture-data';

export interface SaveFlow {
  /** The review dialog is open (preview shown, Save behind it). */
  readonly reviewing: boolean;
  readonly preview: UseMutationResult<Output<'env.preview'>, BridgeError, Input<'env.preview'>>;
  readonly saving: boolean;
  readonly saveError: BridgeError | null;
  readonly outcome: EnvSaveOutcome | undefined;
  /** A conflict stands until the file is reopened: no second save against the old base. */
  readonly blockedByConflict: boolean;
  review(): void;
  cancel(): void;
  confirm(): void;
  reopen(): void;
  dismiss(): void;
}

/**
 * Review, then save: the preview and the save send the same edits against the same base sha256,
 * the ones the operator looked at. Saved edits become report changes; a conflict writes nothing.
 */
export function useSaveFlow(doc: EnvDocument): SaveFlow {
  const preview = useCommandMutation('env.preview');
  const save = useCommandMutation('env.save');
  const reopenFile = useReopen();
  const [reviewing, setReviewing] = useState(false);
  const [reviewed, setReviewed] = useState<readonly PendingEdit[]>([]);

  const review = (): void => {
    const edits = usePosture.getState().edits;
    if (edits.length === 0) return;
    save.reset();
    setReviewed(edits);
    setReviewing(true);
    preview.mutate({ path: doc.path, baseSha256: doc.sha256, edits: edits.map((item) => item.edit) });
  };

  const confirm = (): void => {
    const input = preview.variables;
    if (input === undefined || save.isPending) return;
    save.mutate(input, {
      onSuccess: (outcome) => {
        setReviewing(false);
        preview.reset();
        if (outcome.status === 'saved') {
          usePosture.getState().saved(reportChanges(reviewed, outcome.savedAt));
          void reopenFile(doc.path);
        }
      },
    });
  };

  return {
    reviewing,
    preview,
    saving: save.isPending,
    saveError: save.error,
    outcome: save.data,
    blockedByConflict: save.data?.status === 'conflict',
    review,
    cancel: () => {
      // A save under way finishes and is recorded; closing now would lose track of what it wrote.
      if (save.isPending) return;
      setReviewing(false);
      preview.reset();
      save.reset();
    },
    confirm,
    reopen: () => {
      save.reset();
      void reopenFile(doc.path);
    },
    dismiss: () => save.reset(),
  };
}
