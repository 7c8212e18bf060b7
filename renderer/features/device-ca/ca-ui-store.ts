import { create } from 'zustand';

export const INVENTORY_FILTERS = ['all', 'valid', 'expiring', 'expired', 'revoked'] as const;
export type InventoryFilter = (typeof INVENTORY_FILTERS)[number];

export type FirstRunMode = 'create' | 'import';

/**
 * UI choices that should survive leaving the area and coming back. Never passphrases or
 * anything main answered: those live in component state and react-query.
 */
interface CaUiState {
  readonly filter: InventoryFilter;
  readonly firstRunMode: FirstRunMode;
  setFilter(filter: InventoryFilter): void;
  setFirstRunMode(mode: FirstRunMode): void;
}

const INITIAL = { filter: 'all', firstRunMode: 'create' } as const;

export const useCaUi = create<CaUiState>()((set) => ({
  ...INITIAL,
  setFilter: (filter) => set({ filter }),
  setFirstRunMode: (firstRunMode) => set({ firstRunMode }),
}));

/** For tests: every test starts from the defaults. */
export function resetCaUi(): void {
  useCaUi.setState(INITIAL);
}
