import { useEffect, useRef, useState } from 'react';

/** How long "Copied" / "Copy failed" stays before the button returns to "Copy". */
export const COPY_FEEDBACK_MS = 1600;

type CopyState = 'idle' | 'copied' | 'failed';

async function writeClipboard(text: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (clipboard === undefined || typeof clipboard.writeText !== 'function') throw new Error('no clipboard');
  await clipboard.writeText(text);
}

/** A small "Copy" button; says "Copied" for a moment, or "Copy failed" when the clipboard refuses. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (next: CopyState): void => {
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), COPY_FEEDBACK_MS);
  };

  const copy = (): void => {
    writeClipboard(value).then(
      () => show('copied'),
      () => show('failed'),
    );
  };

  return (
    <button
      type="button"
      className={`copy-button copy-button--${state}`}
      onClick={copy}
      aria-label={`Copy ${what}`}
      title={state === 'failed' ? 'The clipboard is not available here; select the text and copy it by hand.' : `Copy ${what}`}
      data-testid="cert-copy"
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}
