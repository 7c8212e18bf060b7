import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export interface ModalProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly footer: ReactNode;
  onCancel(): void;
  /** Focused when the dialog opens: for anything that changes the system, the safe choice. */
  readonly initialFocus: RefObject<HTMLElement | null>;
  /** Where focus goes on close; by default whatever had it when the dialog opened. */
  readonly returnFocus?: RefObject<HTMLElement | null>;
  readonly testId?: string;
  /** Added to the dialog's own class, e.g. for a wider form. */
  readonly className?: string;
}

/**
 * A modal dialog: focus moves in (to `initialFocus`), Tab stays inside, Escape cancels,
 * and focus goes back to whatever opened it.
 */
export function Modal({ title, children, footer, onCancel, initialFocus, returnFocus, testId, className }: ModalProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  }, [onCancel]);

  useEffect(() => {
    const back = returnFocus?.current ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    initialFocus.current?.focus();
    // Focus that escapes by mouse (a click on the page behind) is brought back in.
    const keepInside = (event: FocusEvent): void => {
      if (box.current !== null && event.target instanceof Node && !box.current.contains(event.target)) initialFocus.current?.focus();
    };
    document.addEventListener('focusin', keepInside);
    return () => {
      document.removeEventListener('focusin', keepInside);
      back?.focus();
    };
  }, [initialFocus, returnFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel.current();
      return;
    }
    if (event.key !== 'Tab' || box.current === null) return;
    const focusable = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && (document.activeElement === first || !box.current.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal__backdrop">
      <div
        ref={box}
        className={className === undefined ? 'modal' : `modal ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 className="modal__title" id={`${id}-title`}>
          {title}
        </h2>
        <div className="modal__body" id={`${id}-body`}>
          {children}
        </div>
        <div className="modal__footer">{footer}</div>
      </div>
    </div>
  );
}
