import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Bridge } from '../../shared/ipc/types';
import { BridgeProvider } from '../bridge/bridge-context';
import { createQueryClient } from '../bridge/query-client';

/** Renders `ui` the way main.tsx does (same QueryClient defaults), with the given bridge. */
export function renderWithBridge(ui: ReactElement, bridge: Bridge): RenderResult {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <BridgeProvider bridge={bridge}>{ui}</BridgeProvider>
    </QueryClientProvider>,
  );
}
