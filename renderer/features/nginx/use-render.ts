import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { NginxRenderOutcome } from '../../../shared/model/nginx';
import { useBridge } from '../../bridge/bridge-context';
import type { BridgeError } from '../../bridge/bridge-error';
import { runCommand } from '../../bridge/use-command';
import { useNginxDraft } from './draft-store';
import { draftOf, isPristine, type FormConversion } from './render-input';

/** How long typing settles before the config renders again. */
export const RENDER_SETTLE_MS = 300;

export type RenderedOutcome = Extract<NginxRenderOutcome, { status: 'rendered' }>;

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export interface NginxRender {
  readonly query: UseQueryResult<NginxRenderOutcome, BridgeError>;
  /** The settled form as the contract's draft, or the fields to fix before it can be sent. */
  readonly conversion: FormConversion;
  readonly pristine: boolean;
  /** Edits are waiting for the debounce or the answer: what is shown is about to change. */
  readonly updating: boolean;
  /** The newest outcome that rendered, kept while later edits are invalid. */
  readonly lastRendered: RenderedOutcome | null;
  /** True when `lastRendered` is the config for the form as it is now. */
  readonly current: boolean;
}

/** Live `nginx.render`: the form's draft, debounced, re-rendered on every settled edit. */
export function useNginxRender(): NginxRender {
  const bridge = useBridge();
  const form = useNginxDraft((state) => state.form);
  const settled = useSettled(form, RENDER_SETTLE_MS);
  const conversion = useMemo(() => draftOf(settled), [settled]);
  const pristine = isPristine(settled);
  const draft = conversion.ok ? conversion.draft : null;

  const query = useQuery<NginxRenderOutcome, BridgeError>({
    queryKey: ['nginx.render', draft],
    enabled: draft !== null && !pristine,
    placeholderData: keepPreviousData,
    queryFn: () => {
      if (draft === null) throw new Error('unreachable: the query is disabled without a draft');
      return runCommand(() => bridge.commands['nginx.render']({ draft, checkFiles: true }));
    },
  });

  // Adjusted during render (React's pattern for derived state) so the last good config stays up.
  const [last, setLast] = useState<RenderedOutcome | null>(null);
  const data = query.data;
  if (data?.status === 'rendered' && data !== last) setLast(data);
  const settledAnswer = !query.isPlaceholderData && !query.isFetching;
  const current = data?.status === 'rendered' && settledAnswer && form === settled && conversion.ok && !pristine;

  return {
    query,
    conversion,
    pristine,
    updating: form !== settled || query.isFetching,
    lastRendered: pristine ? null : last,
    current,
  };
}
