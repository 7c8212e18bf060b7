import type { RuleStatus } from '../../../shared/model/posture';
import { STATUS_INFO } from './labels';

/** A status as glyph and word together, in its tone: readable without colour. */
export function StatusMark({ status }: { status: RuleStatus }) {
  const info = STATUS_INFO[status];
  return (
    <span className={`pst-status pst-status--${info.tone}`} data-testid="posture-status" data-status={status}>
      <span className="pst-status__glyph" aria-hidden="true">
        {info.glyph}
      </span>
      {info.word}
    </span>
  );
}
