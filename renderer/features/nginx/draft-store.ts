import { create } from 'zustand';
import { DEFAULT_DEPLOYED_PATH, DEFAULT_UPSTREAM_URL, type HeaderRole, type TlsVersion } from '../../../shared/nginx/types';

export type OcspMode = 'off' | 'on' | 'leaf';

/**
 * The render form as typed: text stays text (a half-typed number is not yet a number) and
 * optional paths are empty strings. render-input.ts turns it into the contract's draft.
 */
export interface NginxForm {
  readonly serverName: string;
  readonly tlsCertPath: string;
  readonly tlsKeyPath: string;
  readonly clientCaPath: string;
  readonly upstreamUrl: string;
  readonly envFilePath: string;
  readonly listen: readonly string[];
  readonly crlPath: string;
  readonly ocspMode: OcspMode;
  readonly ocspResponderUrl: string;
  readonly ocspResolver: string;
  readonly verifyDepth: string;
  readonly tlsVersions: readonly TlsVersion[];
  readonly hstsEnabled: boolean;
  readonly hstsMaxAge: string;
  readonly hstsIncludeSubdomains: boolean;
  /** Only the overridden roles; an empty field means the default name. */
  readonly headerNames: Readonly<Partial<Record<HeaderRole, string>>>;
  readonly allowRemoteUpstream: boolean;
}

export type NginxMode = 'render' | 'lint';
export type OutputTab = 'config' | 'check' | 'diff';
export type LintSourceKind = 'text' | 'path';

/** Listen addresses one render takes (the contract's limit). */
export const MAX_LISTEN = 8;

export const INITIAL_FORM: NginxForm = {
  serverName: '',
  tlsCertPath: '',
  tlsKeyPath: '',
  clientCaPath: '',
  upstreamUrl: DEFAULT_UPSTREAM_URL,
  envFilePath: '',
  listen: ['443'],
  crlPath: '',
  ocspMode: 'off',
  ocspResponderUrl: '',
  ocspResolver: '',
  verifyDepth: '2',
  tlsVersions: ['TLSv1.2', 'TLSv1.3'],
  hstsEnabled: true,
  hstsMaxAge: '31536000',
  hstsIncludeSubdomains: false,
  headerNames: {},
  allowRemoteUpstream: false,
};

export interface NginxDraftState {
  readonly form: NginxForm;
  /** Dotted field paths the operator has edited or left; required-but-empty errors wait for these. */
  readonly touched: readonly string[];
  readonly mode: NginxMode;
  readonly tab: OutputTab;
  readonly deployedPath: string;
  readonly lintKind: LintSourceKind;
  readonly lintText: string;
  readonly lintPath: string;

  /** Applies `patch` and marks `field` (a dotted path) as touched. */
  update(patch: Partial<NginxForm>, field: string): void;
  touch(field: string): void;
  setListen(index: number, value: string): void;
  addListen(): void;
  removeListen(index: number): void;
  setHeaderName(role: HeaderRole, value: string): void;
  setMode(mode: NginxMode): void;
  setTab(tab: OutputTab): void;
  setDeployedPath(path: string): void;
  setLint(patch: Partial<Pick<NginxDraftState, 'lintKind' | 'lintText' | 'lintPath'>>): void;
}

const initialData = {
  form: INITIAL_FORM,
  touched: [] as readonly string[],
  mode: 'render' as NginxMode,
  tab: 'config' as OutputTab,
  deployedPath: DEFAULT_DEPLOYED_PATH,
  lintKind: 'text' as LintSourceKind,
  lintText: '',
  lintPath: '',
};

const withTouched = (touched: readonly string[], field: string): readonly string[] =>
  touched.includes(field) ? touched : [...touched, field];

/** The NGINX area's draft: survives switching areas; results live in react-query. */
export const useNginxDraft = create<NginxDraftState>()((set, get) => {
  const update = (patch: Partial<NginxForm>, field: string): void =>
    set({ form: { ...get().form, ...patch }, touched: withTouched(get().touched, field) });

  return {
    ...initialData,
    update,
    touch: (field) => {
      if (!get().touched.includes(field)) set({ touched: withTouched(get().touched, field) });
    },
    setListen: (index, value) => update({ listen: get().form.listen.map((old, i) => (i === index ? value : old)) }, `listen.${index}`),
    addListen: () => {
      const { listen } = get().form;
      if (listen.length < MAX_LISTEN) set({ form: { ...get().form, listen: [...listen, ''] } });
    },
    removeListen: (index) => {
      const { listen } = get().form;
      if (listen.length > 1) update({ listen: listen.filter((_, i) => i !== index) }, 'listen');
    },
    setHeaderName: (role, value) => update({ headerNames: { ...get().form.headerNames, [role]: value } }, `headerNames.${role}`),
    setMode: (mode) => set({ mode }),
    setTab: (tab) => set({ tab }),
    setDeployedPath: (deployedPath) => set({ deployedPath }),
    setLint: (patch) => set(patch),
  };
});

/** Back to an empty draft (tests, and nothing else needs it). */
export function resetNginxDraft(): void {
  useNginxDraft.setState({ ...initialData });
}
