import { useId, type ReactNode } from 'react';

/** A titled part of the detail view, with its own actions beside the title. */
export function DetailSection({ title, actions, children, testId }: { title: ReactNode; actions?: ReactNode; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="hl-section" aria-labelledby={id} data-testid={testId}>
      <div className="hl-section__head">
        <h3 className="hl-section__title" id={id}>
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
