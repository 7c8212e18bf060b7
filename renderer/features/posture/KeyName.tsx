import { Fragment } from 'react';

/** A setting's name that wraps only after its underscores, never mid-word, in narrow columns. */
export function KeyName({ name, className }: { name: string; className?: string }) {
  const parts = name.split(/(?<=_)/);
  return (
    <code className={className}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </code>
  );
}
