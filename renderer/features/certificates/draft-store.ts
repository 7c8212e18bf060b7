import { create } from 'zustand';
import type { CertRole, Severity } from '../../../shared/model/pki';
import type { Input } from '../../../shared/ipc/types';

/** One source as the contract takes it: a path main reads, pasted text, or dropped bytes. */
export type PkiSource = Input<'cert.inspect'>['sources'][number];

/** Most sources one inspection takes (the contract's limit). */
export const MAX_INPUTS = 64;
export const DEFAULT_EXPIRY_WINDOW_DAYS = 30;
export const MAX_EXPIRY_WINDOW_DAYS = 3650;

/** A loaded input: what the operator sees in the list, and the source sent to main. */
export interface LoadedInput {
  readonly id: string;
  /** Unique among the loaded inputs; results name their source by it (`source.file`). */
  readonly name: string;
  /** Short form for the list (a path's base name). */
  readonly label: string;
  readonly source: PkiSource;
}

export type SeverityFilter = Severity | 'all';
export type TrustMode = 'loaded' | 'system';

/** The "Validate a path" selection; certificates and CRLs are named by their SHA-256 fingerprint. */
export interface VerifyDraft {
  /** Null: the first end-entity certificate. */
  readonly leaf: string | null;
  readonly trustMode: TrustMode;
  readonly anchors: readonly string[];
  readonly crls: readonly string[];
  /** A `datetime-local` value; empty means "now" (main's clock). */
  readonly at: string;
}

export interface AddOutcome {
  readonly added: number;
  /** Why some were not added, one line each (duplicates, the input limit). */
  readonly skipped: readonly string[];
}

export interface CertDraftState {
  readonly inputs: readonly LoadedInput[];
  readonly pastedCount: number;
  readonly role: CertRole;
  readonly deviceId: string;
  readonly expiryWindowDays: number;
  /** For encrypted keys and PKCS#12 only; kept in this draft, never persisted. */
  readonly passphrase: string;
  /** Bumped on every passphrase change so queries re-run without keying on the secret. */
  readonly passphraseRev: number;
  readonly severity: SeverityFilter;
  readonly showAll: boolean;
  readonly verify: VerifyDraft;

  addSources(sources: readonly PkiSource[]): AddOutcome;
  addPasted(text: string): AddOutcome;
  removeInput(id: string): void;
  clearAll(): void;
  setRole(role: CertRole): void;
  setDeviceId(deviceId: string): void;
  setExpiryWindowDays(days: number): void;
  setPassphrase(passphrase: string): void;
  setSeverity(severity: SeverityFilter): void;
  setShowAll(showAll: boolean): void;
  updateVerify(patch: Partial<VerifyDraft>): void;
}

const INITIAL_VERIFY: VerifyDraft = { leaf: null, trustMode: 'loaded', anchors: [], crls: [], at: '' };

const initialData = {
  inputs: [] as readonly LoadedInput[],
  pastedCount: 0,
  role: 'any' as CertRole,
  deviceId: '',
  expiryWindowDays: DEFAULT_EXPIRY_WINDOW_DAYS,
  passphrase: '',
  passphraseRev: 0,
  severity: 'all' as SeverityFilter,
  showAll: false,
  verify: INITIAL_VERIFY,
};

let nextId = 1;

/** The last path segment, for the list; the full path stays in the tooltip. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? path;
}

function nameOf(source: PkiSource): string {
  return source.kind === 'path' ? source.path : source.name;
}

function withName(source: PkiSource, name: string): PkiSource {
  return source.kind === 'path' ? source : { ...source, name };
}

/** `name`, or `name (2)`, `name (3)`… so every loaded input has its own name. */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

function sameContent(a: PkiSource, b: PkiSource): boolean {
  if (a.kind === 'path' && b.kind === 'path') return a.path === b.path;
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  if (a.kind === 'bytes' && b.kind === 'bytes') return a.base64 === b.base64;
  return false;
}

/** Draft state of the Certificates area: what is loaded and how to judge it. Results live in react-query. */
export const useCertDraft = create<CertDraftState>()((set, get) => {
  const add = (sources: readonly PkiSource[], pasted: number): AddOutcome => {
    const inputs = [...get().inputs];
    const taken = new Set(inputs.map((input) => input.name));
    const skipped: string[] = [];
    let added = 0;
    for (const source of sources) {
      const name = nameOf(source);
      if (inputs.some((input) => sameContent(input.source, source))) {
        skipped.push(`${name} is already loaded.`);
        continue;
      }
      if (inputs.length >= MAX_INPUTS) {
        skipped.push(`${name} was not loaded: at most ${MAX_INPUTS} inputs are inspected at once.`);
        continue;
      }
      const unique = uniqueName(name, taken);
      taken.add(unique);
      const label = source.kind === 'path' ? baseName(source.path) : unique;
      inputs.push({ id: `input-${nextId++}`, name: unique, label, source: withName(source, unique) });
      added += 1;
    }
    set({ inputs, pastedCount: get().pastedCount + (added > 0 ? pasted : 0), showAll: false });
    return { added, skipped };
  };

  return {
    ...initialData,
    addSources: (sources) => add(sources, 0),
    addPasted: (text) => add([{ kind: 'text', name: `pasted #${get().pastedCount + 1}`, text }], 1),
    removeInput: (id) => set({ inputs: get().inputs.filter((input) => input.id !== id) }),
    clearAll: () =>
      set({ inputs: [], passphrase: '', passphraseRev: get().passphraseRev + 1, showAll: false, verify: INITIAL_VERIFY }),
    setRole: (role) => set({ role }),
    setDeviceId: (deviceId) => set({ deviceId }),
    setExpiryWindowDays: (days) =>
      set({ expiryWindowDays: Number.isFinite(days) ? Math.min(MAX_EXPIRY_WINDOW_DAYS, Math.max(0, Math.trunc(days))) : 0 }),
    setPassphrase: (passphrase) => set({ passphrase, passphraseRev: get().passphraseRev + 1 }),
    setSeverity: (severity) => set({ severity }),
    setShowAll: (showAll) => set({ showAll }),
    updateVerify: (patch) => set({ verify: { ...get().verify, ...patch } }),
  };
});

/** Back to an empty draft (tests, and nothing else needs it). */
export function resetCertDraft(): void {
  useCertDraft.setState({ ...initialData });
}

export type { Severity };
