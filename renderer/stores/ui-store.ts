import { useEffect } from 'react';
import { create } from 'zustand';
import { areaFromHash, DEFAULT_AREA, hashForArea, type Area } from './areas';

/** UI state only; anything that came from the main side lives in react-query. */
export interface UiState {
  readonly area: Area;
  setArea(area: Area): void;
}

function initialArea(): Area {
  return (typeof window === 'undefined' ? null : areaFromHash(window.location.hash)) ?? DEFAULT_AREA;
}

export const useUiStore = create<UiState>()((set) => ({
  area: initialArea(),
  setArea: (area) => set({ area }),
}));

/**
 * Keeps the active area and `location.hash` in step both ways, so reload and Back keep the
 * operator's place. Returns the cleanup.
 */
export function syncAreaWithHash(win: Window = window): () => void {
  const fromHash = (): void => {
    const area = areaFromHash(win.location.hash);
    if (area !== null && area !== useUiStore.getState().area) useUiStore.getState().setArea(area);
  };
  fromHash();
  const toHash = (state: UiState): void => {
    const hash = hashForArea(state.area);
    if (win.location.hash !== hash) win.location.hash = hash;
  };
  const unsubscribe = useUiStore.subscribe(toHash);
  win.addEventListener('hashchange', fromHash);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', fromHash);
  };
}

/** Hook form of syncAreaWithHash for the shell. */
export function useAreaHashSync(): void {
  useEffect(() => syncAreaWithHash(), []);
}
