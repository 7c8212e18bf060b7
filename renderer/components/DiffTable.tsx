import type { DiffRow } from '../../shared/util/line-diff';
import { assertNever } from '../../shared/util/assert-never';

/** Words a screen reader hears before a side's text, since colour alone says nothing to it. */
function sideWords(kind: DiffRow['kind'], side: 'old' | 'new'): string {
  switch (kind) {
    case 'same':
      return '';
    case 'removed':
      return 'removed: ';
    case 'added':
      return 'added: ';
    case 'changed':
      return side === 'old' ? 'was: ' : 'now: ';
    default:
      return assertNever(kind, 'diff row kind');
  }
}

function Side({ line, text, side, kind }: { line: number | null; text: string | null; side: 'old' | 'new'; kind: DiffRow['kind'] }) {
  const mark = text === null ? 'empty' : kind === 'same' ? 'same' : side;
  const words = text === null ? '' : sideWords(kind, side);
  return (
    <>
      <td className="diff__num" aria-hidden="true">
        {line ?? ''}
      </td>
      <td className={`diff__text diff__text--${mark}`}>
        {words === '' ? null : <span className="visually-hidden">{words}</span>}
        {text ?? ''}
      </td>
    </>
  );
}

export interface DiffTableProps {
  readonly rows: readonly DiffRow[];
  /** Column headings: what the left (old) and right (new) sides are. */
  readonly oldTitle: string;
  readonly newTitle: string;
  /** Names the scrollable region for assistive technology. */
  readonly label: string;
  /** Each row's test id, so every area keeps its own. */
  readonly rowTestId: string;
}

/** A side-by-side line diff, one row per line, in a keyboard-scrollable region. */
export function DiffTable({ rows, oldTitle, newTitle, label, rowTestId }: DiffTableProps) {
  return (
    <div className="diff__scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="diff">
        <colgroup>
          <col className="diff__col-num" />
          <col />
          <col className="diff__col-num" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" colSpan={2}>
              {oldTitle}
            </th>
            <th scope="col" colSpan={2}>
              {newTitle}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className={`diff__row diff__row--${row.kind}`} data-testid={rowTestId} data-kind={row.kind}>
              <Side line={row.oldLine} text={row.oldText} side="old" kind={row.kind} />
              <Side line={row.newLine} text={row.newText} side="new" kind={row.kind} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
