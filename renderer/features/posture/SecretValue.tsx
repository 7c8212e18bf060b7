import { useState } from 'react';
import { maskValue } from '../../../shared/posture/secret-keys';

/**
 * A value as it may be shown: masked secrets stay masked until the operator asks, and only here,
 * in this view; nothing about the reveal is stored or sent anywhere.
 */
export function ValueText({ value, masked, label }: { value: string; masked: boolean; label: string }) {
  const [revealed, setRevealed] = useState(false);
  if (!masked) {
    return (
      <code className="pst-value" data-testid="posture-value">
        {value === '' ? <span className="muted">(empty)</span> : value}
      </code>
    );
  }
  return (
    <span className="pst-secret">
      <code className="pst-value" data-testid="posture-value" data-masked={revealed ? 'false' : 'true'}>
        {revealed ? value : maskValue(value)}
      </code>
      <button
        type="button"
        className="link-button"
        aria-pressed={revealed}
        aria-label={`${revealed ? 'Hide' : 'Reveal'} ${label}`}
        onClick={() => setRevealed((shown) => !shown)}
        data-testid="posture-reveal"
      >
        {revealed ? 'Hide' : 'Reveal'}
      </button>
    </span>
  );
}
