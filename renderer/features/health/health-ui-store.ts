import { create } from 'zustand';

/** Which dialog is open; the editor names the profile it edits, or none for a new one. */
export type HealthDialog = { readonly kind: 'edit'; readonly id: string | null } | { readonly kind: 'delete'; readonly id: string } | null;

/** UI state of the Health area only; statuses live in react-query. */
export interface HealthUiState {
  /** The profile whose detail is shown instead of the dashboard. */
  readonly selectedId: string | null;
  /** The card to focus when the dashboard comes back, so Back returns the operator to where they were. */
  readonly focusCardId: string | null;
  readonly dialog: HealthDialog;
  /** The last interval each profile ran at, so Resume can bring it back after Pause. */
  readonly lastInterval: Readonly<Record<string, number>>;
  select(id: string): void;
  back(): void;
  cardFocused(): void;
  openDialog(dialog: HealthDialog): void;
  closeDialog(): void;
  rememberInterval(id: string, seconds: number): void;
}

const INITIAL = { selectedId: null, focusCardId: null, dialog: null, lastInterval: {} } as const;

export const useHealthUi = create<HealthUiState>()((set) => ({
  ...INITIAL,
  select: (id) => set({ selectedId: id }),
  back: () => set((state) => ({ selectedId: null, focusCardId: state.selectedId })),
  cardFocused: () => set({ focusCardId: null }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  rememberInterval: (id, seconds) => set((state) => ({ lastInterval: { ...state.lastInterval, [id]: seconds } })),
}));

export function resetHealthUi(): void {
  useHealthUi.setState(INITIAL);
}
