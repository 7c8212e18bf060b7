import { createContext, useContext, type ReactNode } from 'react';
import type { Bridge } from '../../shared/ipc/types';

const BridgeContext = createContext<Bridge | null>(null);

/** Supplies the one Bridge; tests pass a fake typed as `Bridge`. */
export function BridgeProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (bridge === null) throw new Error('useBridge() needs a <BridgeProvider> above it.');
  return bridge;
}
