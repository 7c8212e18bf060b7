import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ProfileStatus } from '../../../shared/model/probe';
import { useBridge } from '../../bridge/bridge-context';
import type { BridgeError } from '../../bridge/bridge-error';
import { useCommandQuery } from '../../bridge/use-command';
import { useStatusCache } from './status-cache';

/**
 * The profiles and their status: 'health.list' when the area opens, then whatever main pushes
 * on 'health.status' (runs starting and ending, schedule changes, saves, deletes). The renderer
 * never polls; opening the area again asks once more, for what was pushed while it was closed.
 * Call it once, at the top of the area, and pass the statuses down.
 */
export function useHealthList(): UseQueryResult<readonly ProfileStatus[], BridgeError> {
  const bridge = useBridge();
  const cache = useStatusCache();
  const query = useCommandQuery('health.list', {});
  useEffect(() => bridge.on('health.status', cache.apply), [bridge, cache]);
  return query;
}
