/**
 * The Posture area's plain data: an opened `.env`, edits to it, the audit of it against the
 * production checklist (seed 003) and the report an operator leaves with.
 */
import type { ConfigDiff } from '../util/line-diff';

export const POSTURE_PROFILES = ['production', 'development'] as const;
export type PostureProfile = (typeof POSTURE_PROFILES)[number];

/** How the API is reached, as the operator states it; some rules depend on it. */
export const PROXY_MODES = ['nginx-mtls', 'direct', 'unknown'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

/** The checklist's groups, in the seed's order. */
export const CHECKLIST_GROUPS = [
  'network-boundary',
  'secrets-and-signing',
  'enrollment-and-identity',
  'workload-trust',
  'change-management',
  'background-services',
  'database',
] as const;
export type ChecklistGroup = (typeof CHECKLIST_GROUPS)[number];

export type RuleStatus = 'pass' | 'warn' | 'fail' | 'unchecked';
export type RuleSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** One edit the operator queued; applied by the main process to the text it read. */
export type EnvEdit =
  | { readonly kind: 'set'; readonly key: string; readonly value: string }
  | { readonly kind: 'remove'; readonly key: string };

/** One `KEY=value` as dotenv reads it, with where it sits. */
export interface EnvEntry {
  readonly key: string;
  readonly value: string;
  /** 1-based line of the assignment (the first line of a multi-line value). */
  readonly line: number;
  /** True for an earlier assignment that a later one of the same key overrides (dotenv: last wins). */
  readonly overridden: boolean;
}

/** What the main process knows about a file a setting names (private keys, CRLs...). */
export interface PathFacts {
  readonly path: string;
  readonly exists: boolean;
  /** Permission bits (e.g. 0o600); null when absent or unreadable. */
  readonly mode: number | null;
  readonly ownedByCurrentUser: boolean | null;
  /** Inside the directory of the `.env` or the git work tree around it. */
  readonly insideProject: boolean;
}

/** The `.env` as opened: the whole text (values included: the UI masks secrets), and what dotenv reads. */
export interface EnvDocument {
  readonly path: string;
  readonly text: string;
  /** Of the bytes on disk; sent back with a save so a change on disk since opening is caught. */
  readonly sha256: string;
  readonly mode: number;
  readonly entries: readonly EnvEntry[];
  readonly eol: 'lf' | 'crlf' | 'mixed';
  readonly bom: boolean;
}

export interface RuleResult {
  readonly rule: string;
  readonly group: ChecklistGroup;
  /** The key the result is about; null for rules about the file as a whole. */
  readonly key: string | null;
  readonly status: RuleStatus;
  readonly severity: RuleSeverity;
  readonly message: string;
  readonly fix: string;
  /** True when the rule rests on inference rather than the documented checklist. */
  readonly inferred: boolean;
  /** A value the fix action sets (e.g. "true"), or 'generate' for a fresh secret; null when no one-click fix. */
  readonly recommended: string | 'generate' | null;
}

export interface AuditSummary {
  readonly pass: number;
  readonly warn: number;
  readonly fail: number;
  readonly unchecked: number;
}

export interface AuditResult {
  readonly file: string;
  readonly sha256: string;
  readonly profile: PostureProfile;
  readonly proxyMode: ProxyMode;
  readonly summary: AuditSummary;
  readonly results: readonly RuleResult[];
  /** Keys whose values the UI and the report mask. */
  readonly secretKeys: readonly string[];
}

/** The edits applied to the text: the new text's diff (secret values masked) and whether it reads back as intended. */
export interface EnvPreview {
  readonly diff: ConfigDiff;
  /** Every key dotenv reads from the new text equals the intended map. */
  readonly verified: boolean;
  /** Edits refused (a value no dotenv quoting can represent, a bad key name), with why. */
  readonly refused: readonly { readonly key: string; readonly message: string }[];
}

export interface EnvSaved {
  readonly status: 'saved';
  readonly path: string;
  readonly sha256: string;
  /** Where the previous file was kept. */
  readonly backupPath: string;
  readonly mode: number;
  /** Set when the file holds secrets and group/other can read it. */
  readonly modeAdvice: string | null;
  readonly savedAt: string;
}

/** Someone changed the file since it was opened: nothing written; what changed on disk (masked). */
export interface EnvConflict {
  readonly status: 'conflict';
  readonly path: string;
  readonly message: string;
  /** From the text as opened to the text now on disk. */
  readonly diff: ConfigDiff;
}

export type EnvSaveOutcome = EnvSaved | EnvConflict;

/** A change recorded for the report: key, what was done, never the secret value itself. */
export interface ReportChange {
  readonly key: string;
  readonly action: 'set' | 'generated' | 'removed';
  readonly at: string;
}
