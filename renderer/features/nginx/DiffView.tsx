import type { NginxDiffReport } from '../../../shared/model/nginx';
import type { DiffRow } from '../../../shared/nginx/types';
import { assertNever } from '../../../shared/util/assert-never';
import { plural } from './format';

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

export interface DiffViewProps {
  readonly report: NginxDiffReport;
  readonly stale: boolean;
}

/** Deployed file on the left, this config on the right, one row per line. */
export function DiffView({ report, stale }: DiffViewProps) {
  const { diff } = report;
  const headline = !report.deployedExists
    ? `Nothing deployed yet at ${report.deployedPath}: installing creates it.`
    : diff.identical
      ? `Identical to ${report.deployedPath}: installing would change nothing.`
      : `${plural(diff.added, 'line')} added, ${plural(diff.removed, 'line')} removed against ${report.deployedPath}.`;
  const state = !report.deployedExists ? 'absent' : diff.identical ? 'identical' : 'different';
  return (
    <div className="ngx-diff" data-testid="nginx-diff-result" data-state={state}>
      <p className={`ngx-verdict ngx-verdict--${state === 'identical' ? 'ok' : 'info'}`}>
        <span className="ngx-verdict__label">{headline}</span>
      </p>
      {stale ? <p className="ngx-stale small">The config has changed since this diff: run it again to compare the current one.</p> : null}
      {diff.identical ? null : (
        <div className="diff__scroll" role="region" aria-label="Differences" tabIndex={0}>
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
                  {report.deployedExists ? `Deployed: ${report.deployedPath}` : 'Deployed: none'}
                </th>
                <th scope="col" colSpan={2}>
                  This config
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.rows.map((row, i) => (
                <tr key={i} className={`diff__row diff__row--${row.kind}`} data-testid="nginx-diff-row" data-kind={row.kind}>
                  <Side line={row.oldLine} text={row.oldText} side="old" kind={row.kind} />
                  <Side line={row.newLine} text={row.newText} side="new" kind={row.kind} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
