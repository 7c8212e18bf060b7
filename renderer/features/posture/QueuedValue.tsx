import type { PendingEdit } from './pending-edits';
import { ValueText } from './SecretValue';

/** What a queued edit does, in words, with its value masked like any other secret. */
export function QueuedValue({ pending, masked }: { pending: PendingEdit; masked: boolean }) {
  const { edit } = pending;
  if (edit.kind === 'remove') return <span data-testid="posture-queued-action">remove the setting</span>;
  const label = `queued value of ${edit.key}`;
  return (
    <span className="pst-queued">
      <span data-testid="posture-queued-action">{pending.origin === 'generated' ? 'set to a generated secret' : 'set to'}</span>{' '}
      <ValueText value={edit.value} masked={masked || pending.origin === 'generated'} label={label} />
    </span>
  );
}
