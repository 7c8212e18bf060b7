import type { ReactNode } from 'react';

/** `aria-describedby` from the ids that are present. */
export function describedBy(...ids: readonly (string | null | false)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** The muted line under a field that its input names in aria-describedby; nothing when there is no hint. */
export function FieldHint({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  if (children === undefined || children === null || children === false) return null;
  return (
    <span className="field__hint" id={id}>
      {children}
    </span>
  );
}
