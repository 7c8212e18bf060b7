import type { EnvDocument } from '../../../shared/model/posture';
import { octalMode, plural, readableByOthers, shortHash } from './format';

const EOL_WORD: Readonly<Record<EnvDocument['eol'], string>> = { lf: 'LF line endings', crlf: 'CRLF line endings', mixed: 'mixed line endings' };

export interface DocHeaderProps {
  readonly doc: EnvDocument;
  /** The file is being read again. */
  readonly reading: boolean;
  onReopen(): void;
  /** Null while there is no audit to report on yet. */
  readonly onReport: (() => void) | null;
}

/** The opened file's identity (path, hash, permissions, format) and what can be done with it as a whole. */
export function DocHeader({ doc, reading, onReopen, onReport }: DocHeaderProps) {
  const settings = new Set(doc.entries.map((entry) => entry.key)).size;
  return (
    <section className="pst-doc" aria-label="Opened file" data-testid="posture-doc">
      <div className="pst-doc__facts">
        <code className="pst-doc__path" data-testid="posture-doc-path">
          {doc.path}
        </code>
        <span className="small muted">
          sha256{' '}
          <code title={doc.sha256} data-testid="posture-doc-sha">
            {shortHash(doc.sha256)}…
          </code>
        </span>
        <span className={readableByOthers(doc.mode) ? 'small pst-tone--warning' : 'small muted'} data-testid="posture-doc-mode">
          mode <code>{octalMode(doc.mode)}</code>
          {readableByOthers(doc.mode) ? ' (others can read it)' : null}
        </span>
        <span className="small muted">
          {plural(settings, 'setting')} · {EOL_WORD[doc.eol]}
          {doc.bom ? ' · byte-order mark' : ''}
        </span>
      </div>
      <div className="pst-doc__actions">
        <button type="button" className="button" onClick={onReopen} disabled={reading} aria-busy={reading} data-testid="posture-reopen">
          {reading ? 'Reading…' : 'Reopen'}
        </button>
        <button type="button" className="button" onClick={onReport ?? undefined} disabled={onReport === null} data-testid="posture-report">
          Report
        </button>
      </div>
    </section>
  );
}
