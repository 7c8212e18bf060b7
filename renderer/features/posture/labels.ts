import type { PostureProfile, ProxyMode, RuleSeverity, RuleStatus } from '../../../shared/model/posture';

/** The seed's section headings, shared with the exported reports so both read the same. */
export { GROUP_TITLES } from '../../../shared/posture/report-common';

export interface StatusInfo {
  /** The word always shown beside the icon: status is never colour alone. */
  readonly word: string;
  /** A glyph with its own shape per status, for operators who do not see the colour. */
  readonly glyph: string;
  readonly tone: 'ok' | 'warning' | 'danger' | 'muted';
}

export const STATUS_INFO: Readonly<Record<RuleStatus, StatusInfo>> = {
  pass: { word: 'Pass', glyph: '✓', tone: 'ok' },
  warn: { word: 'Warning', glyph: '!', tone: 'warning' },
  fail: { word: 'Fail', glyph: '✕', tone: 'danger' },
  unchecked: { word: 'Not checked', glyph: '?', tone: 'muted' },
};

export const SEVERITY_WORD: Readonly<Record<RuleSeverity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const PROFILE_OPTIONS: ReadonlyArray<{ readonly value: PostureProfile; readonly label: string }> = [
  { value: 'production', label: 'Production' },
  { value: 'development', label: 'Development' },
];

export const PROXY_MODE_OPTIONS: ReadonlyArray<{ readonly value: ProxyMode; readonly label: string }> = [
  { value: 'nginx-mtls', label: 'Behind the NGINX mTLS proxy' },
  { value: 'direct', label: 'API reached directly' },
  { value: 'unknown', label: 'Not sure' },
];

export type ChecklistFilter = 'all' | 'fail' | 'warn' | 'unchecked';

export const FILTER_OPTIONS: ReadonlyArray<{ readonly value: ChecklistFilter; readonly label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'fail', label: 'Failing' },
  { value: 'warn', label: 'Warnings' },
  { value: 'unchecked', label: 'Not checked' },
];

export function profileLabel(profile: PostureProfile): string {
  return PROFILE_OPTIONS.find((option) => option.value === profile)?.label ?? profile;
}

export function proxyModeLabel(mode: ProxyMode): string {
  return PROXY_MODE_OPTIONS.find((option) => option.value === mode)?.label ?? mode;
}

export function isProfile(value: string): value is PostureProfile {
  return PROFILE_OPTIONS.some((option) => option.value === value);
}

export function isProxyMode(value: string): value is ProxyMode {
  return PROXY_MODE_OPTIONS.some((option) => option.value === value);
}
