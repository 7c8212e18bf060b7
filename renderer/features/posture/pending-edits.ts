import type { EnvDocument, EnvEdit, ReportChange } from '../../../shared/model/posture';
import { isSecretKey } from '../../../shared/posture/secret-keys';

/** Where a queued edit came from: the report says "generated" for a fresh secret, never its value. */
export type EditOrigin = 'typed' | 'recommended' | 'generated';

export interface PendingEdit {
  readonly edit: EnvEdit;
  readonly origin: EditOrigin;
}

/** One edit per key: a later one for the same key replaces the earlier, keeping its place in the list. */
export function upsertEdit(list: readonly PendingEdit[], next: PendingEdit): PendingEdit[] {
  const index = list.findIndex((item) => item.edit.key === next.edit.key);
  if (index === -1) return [...list, next];
  return list.map((item, i) => (i === index ? next : item));
}

export function changeAction(pending: PendingEdit): ReportChange['action'] {
  if (pending.edit.kind === 'remove') return 'removed';
  return pending.origin === 'generated' ? 'generated' : 'set';
}

export function reportChanges(list: readonly PendingEdit[], at: string): ReportChange[] {
  return list.map((pending) => ({ key: pending.edit.key, action: changeAction(pending), at }));
}

/** What dotenv reads for `key` in the opened file: the last assignment wins. */
export function currentValue(doc: EnvDocument, key: string): string | null {
  const entry = doc.entries.filter((candidate) => candidate.key === key && !candidate.overridden).pop();
  return entry?.value ?? null;
}

/**
 * Whether a value is masked wherever it is shown: main's list for this file, the shared name
 * rule, and anything generated (a fresh secret is a secret whatever its key is called).
 */
export function isMaskedKey(key: string, secretKeys: readonly string[], value?: string): boolean {
  return secretKeys.includes(key) || isSecretKey(key, value);
}
