import { create } from 'zustand';
import type { PostureProfile, ProxyMode, ReportChange } from '../../../shared/model/posture';
import type { ChecklistFilter } from './labels';
import { upsertEdit, type PendingEdit } from './pending-edits';

export type PostureView = 'checklist' | 'report';

/**
 * UI state of the Posture area: what the operator typed and chose, edits queued but not saved,
 * and the changes saved in this session for the report. The file and its audit live in react-query.
 */
export interface PostureState {
  readonly pathInput: string;
  /** The file being worked on; null until the operator opens one. */
  readonly openedPath: string | null;
  readonly profile: PostureProfile;
  readonly proxyMode: ProxyMode;
  readonly filter: ChecklistFilter;
  readonly edits: readonly PendingEdit[];
  /** Bumped on every change to `edits`: audits are keyed on it, so the query cache never holds a value. */
  readonly editsRev: number;
  /** Saved edits of the opened file, for the report; values are never kept here. */
  readonly changes: readonly ReportChange[];
  readonly view: PostureView;
  /** When the report on screen was generated. */
  readonly reportAt: string | null;

  setPathInput(path: string): void;
  /** Opens `path`; another file than the one open starts afresh (its changes belong to the other file). */
  open(path: string): void;
  setProfile(profile: PostureProfile): void;
  setProxyMode(mode: ProxyMode): void;
  setFilter(filter: ChecklistFilter): void;
  queue(pending: PendingEdit): void;
  undo(key: string): void;
  discardAll(): void;
  /** The queued edits were saved at `at`: they become report changes and the queue empties. */
  saved(changes: readonly ReportChange[]): void;
  showReport(at: string): void;
  showChecklist(): void;
}

const INITIAL = {
  pathInput: '',
  openedPath: null,
  profile: 'production',
  proxyMode: 'nginx-mtls',
  filter: 'all',
  edits: [],
  editsRev: 0,
  changes: [],
  view: 'checklist',
  reportAt: null,
} as const satisfies Partial<PostureState>;

export const usePosture = create<PostureState>()((set, get) => {
  const setEdits = (edits: readonly PendingEdit[]): void => set({ edits, editsRev: get().editsRev + 1 });
  return {
    ...INITIAL,
    setPathInput: (pathInput) => set({ pathInput }),
    open: (path) => {
      if (path === get().openedPath) return;
      set({ openedPath: path, pathInput: path, changes: [], view: 'checklist', reportAt: null });
      setEdits([]);
    },
    setProfile: (profile) => set({ profile }),
    setProxyMode: (proxyMode) => set({ proxyMode }),
    setFilter: (filter) => set({ filter }),
    queue: (pending) => setEdits(upsertEdit(get().edits, pending)),
    undo: (key) => setEdits(get().edits.filter((pending) => pending.edit.key !== key)),
    discardAll: () => setEdits([]),
    saved: (changes) => {
      set({ changes: [...get().changes, ...changes] });
      setEdits([]);
    },
    showReport: (at) => set({ view: 'report', reportAt: at }),
    showChecklist: () => set({ view: 'checklist' }),
  };
});

export function resetPosture(): void {
  usePosture.setState(INITIAL);
}
