import { useEffect, useMemo, useRef } from 'react';
import { CopyButton } from '../certificates/CopyButton';
import { codeLines } from './code-lines';
import { TONE_RANK, type Tone } from './format';

/** Something to flag in the gutter: a lint finding or an nginx message on that line. */
export interface LineMarker {
  readonly line: number;
  readonly tone: Tone;
  readonly label: string;
}

/** A request to bring a line into view; `seq` changes on every request so the same line scrolls again. */
export interface LineJump {
  readonly line: number;
  readonly seq: number;
}

export interface CodeViewProps {
  readonly text: string;
  /** Names the region for assistive tech, e.g. "Rendered config". */
  readonly label: string;
  /** What the Copy button copies, as its label says it ("the config"). */
  readonly copyWhat: string;
  readonly markers: readonly LineMarker[];
  readonly jump: LineJump | null;
}

function groupMarkers(markers: readonly LineMarker[]): Map<number, LineMarker[]> {
  const byLine = new Map<number, LineMarker[]>();
  for (const marker of markers) byLine.set(marker.line, [...(byLine.get(marker.line) ?? []), marker]);
  for (const list of byLine.values()) list.sort((a, b) => TONE_RANK[a.tone] - TONE_RANK[b.tone]);
  return byLine;
}

function Gutter({ markers }: { markers: readonly LineMarker[] | undefined }) {
  const worst = markers?.[0];
  if (markers === undefined || worst === undefined) return <span className="code__gutter" />;
  const label = markers.map((marker) => marker.label).join('\n');
  return (
    <span className="code__gutter">
      <span className={`code__marker code__marker--${worst.tone}`} role="img" aria-label={label} title={label} data-testid="nginx-code-marker" />
    </span>
  );
}

/**
 * A read-only, selectable config with nginx highlighting, line numbers and a gutter of
 * markers. Line numbers and markers are not selectable, so a selection copies only config.
 */
export function CodeView({ text, label, copyWhat, markers, jump }: CodeViewProps) {
  const { lines, totalLines } = useMemo(() => codeLines(text), [text]);
  const byLine = useMemo(() => groupMarkers(markers), [markers]);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (jump === null) return;
    const target = body.current?.querySelector<HTMLElement>(`[data-line="${jump.line}"]`);
    target?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [jump]);

  return (
    <div className="code" data-testid="nginx-code">
      <div className="code__bar">
        <span className="muted small">{totalLines === 1 ? '1 line' : `${totalLines} lines`}</span>
        <CopyButton value={text} what={copyWhat} />
      </div>
      {/* Focusable so the keyboard can scroll it; the lines themselves are plain text. */}
      <div className="code__body" ref={body} role="region" aria-label={label} tabIndex={0}>
        {lines.map((pieces, i) => {
          const line = i + 1;
          const active = jump?.line === line;
          return (
            <div
              key={line}
              className={active ? 'code__line code__line--active' : 'code__line'}
              data-line={line}
              data-testid="nginx-code-line"
              aria-current={active ? 'location' : undefined}
            >
              <Gutter markers={byLine.get(line)} />
              <span className="code__num" aria-hidden="true">
                {line}
              </span>
              <span className="code__text">
                {pieces.map((piece, j) =>
                  piece.kind === 'whitespace' ? piece.text : <span key={j} className={`tok tok--${piece.kind}`}>{piece.text}</span>,
                )}
              </span>
            </div>
          );
        })}
        {totalLines > lines.length ? (
          <p className="code__more muted small">
            Showing the first {lines.length} of {totalLines} lines; the findings cover the whole file.
          </p>
        ) : null}
      </div>
    </div>
  );
}
