import { keepPreviousData, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AuditResult, EnvDocument } from '../../../shared/model/posture';
import { useBridge } from '../../bridge/bridge-context';
import type { BridgeError } from '../../bridge/bridge-error';
import { runCommand } from '../../bridge/use-command';
import { usePosture } from './posture-store';

const DOC_KEY = 'env.read';
const AUDIT_KEY = 'posture.audit';

/**
 * The opened `.env`, read once: its sha256 is the base every save is checked against, so it
 * must never move under the operator's queued edits by a background refetch. Reopen reads again.
 */
export function useEnvDocument(path: string | null): UseQueryResult<EnvDocument, BridgeError> {
  const bridge = useBridge();
  return useQuery<EnvDocument, BridgeError>({
    queryKey: [DOC_KEY, path],
    enabled: path !== null,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    queryFn: () => {
      if (path === null) throw new Error('unreachable: the query is disabled without a path');
      return runCommand(() => bridge.commands['env.read']({ path }));
    },
  });
}

/**
 * `posture.audit` of the opened file with the current profile and proxy mode: with the queued
 * edits applied (the checklist the operator is improving), or without (the file as on disk,
 * for the report). Keyed on the edits' revision, not their values, so no secret sits in a key;
 * the sha256 in the key makes a saved or reopened file a new audit.
 */
export function useAudit(doc: EnvDocument | undefined, withEdits: boolean): UseQueryResult<AuditResult, BridgeError> {
  const bridge = useBridge();
  const profile = usePosture((state) => state.profile);
  const proxyMode = usePosture((state) => state.proxyMode);
  const pending = usePosture((state) => state.edits.length > 0);
  const editsRev = usePosture((state) => state.editsRev);
  const applied = withEdits && pending;
  return useQuery<AuditResult, BridgeError>({
    queryKey: [AUDIT_KEY, doc?.path ?? null, doc?.sha256 ?? null, profile, proxyMode, applied ? editsRev : 'none'],
    enabled: doc !== undefined,
    placeholderData: keepPreviousData,
    queryFn: () => {
      if (doc === undefined) throw new Error('unreachable: the query is disabled without a file');
      const edits = applied ? usePosture.getState().edits.map((item) => item.edit) : [];
      return runCommand(() => bridge.commands['posture.audit']({ source: { kind: 'path', path: doc.path }, profile, proxyMode, edits }));
    },
  });
}

/** Reads the file again and re-audits it: after a save, a conflict, or a change on disk. */
export function useReopen(): (path: string) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (path: string) => {
      await Promise.all([client.invalidateQueries({ queryKey: [DOC_KEY, path] }), client.invalidateQueries({ queryKey: [AUDIT_KEY] })]);
    },
    [client],
  );
}
