import { useEffect, useRef } from 'react';
import { CHECKLIST_GROUPS, type AuditResult, type EnvDocument, type ReportChange } from '../../../shared/model/posture';
import { localTime, plural } from './format';
import { KeyName } from './KeyName';
import { GROUP_TITLES, profileLabel, proxyModeLabel, STATUS_INFO } from './labels';
import { StatusMark } from './StatusMark';

const ACTION_WORDS: Readonly<Record<ReportChange['action'], string>> = {
  set: 'set to a new value',
  generated: 'set to a generated secret',
  removed: 'removed',
};

export interface ReportViewProps {
  readonly audit: AuditResult;
  readonly doc: EnvDocument;
  readonly changes: readonly ReportChange[];
  readonly generatedAt: string;
  /** SENTINEL_* settings no rule covers. */
  readonly uncovered: readonly string[];
}

/** The report as the operator prints it: the file, how it was judged, every rule, and what was changed; no values at all. */
export function ReportView({ audit, doc, changes, generatedAt, uncovered }: ReportViewProps) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);
  const { summary } = audit;
  return (
    <article className="pst-report" aria-labelledby="pst-report-title" data-testid="posture-report-view">
      <h2 className="pst-report__title" id="pst-report-title" tabIndex={-1} ref={title}>
        Sentinel Secure X posture report
      </h2>
      <dl className="pst-report__facts">
        <dt>File</dt>
        <dd>
          <code data-testid="posture-report-path">{audit.file}</code>
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="pst-hash" data-testid="posture-report-sha">
            {audit.sha256}
          </code>
        </dd>
        <dt>Profile</dt>
        <dd data-testid="posture-report-profile">{profileLabel(audit.profile)}</dd>
        <dt>API reached</dt>
        <dd>{proxyModeLabel(audit.proxyMode)}</dd>
        <dt>Generated</dt>
        <dd>{localTime(generatedAt)}</dd>
        <dt>Result</dt>
        <dd data-testid="posture-report-summary">
          {summary.fail} failing, {plural(summary.warn, 'warning')}, {summary.pass} passing, {summary.unchecked + uncovered.length} not checked
        </dd>
      </dl>
      {doc.sha256 === audit.sha256 ? null : <p className="pst-stale">The file changed on disk after it was opened; this report describes it as it is now.</p>}
      <p className="small muted">Secret values never appear in this report: only setting names, results and what was done.</p>

      {CHECKLIST_GROUPS.map((group) => {
        const results = audit.results.filter((result) => result.group === group);
        return (
          <section key={group} className="pst-report__group" data-testid="posture-report-group" data-group={group}>
            <h3>{GROUP_TITLES[group]}</h3>
            {results.length === 0 ? (
              <p className="muted small">No rule in this group applies to this file.</p>
            ) : (
              <table className="pst-report__table">
                <colgroup>
                  <col className="pst-report__col-status" />
                  <col className="pst-report__col-key" />
                  <col />
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">Result</th>
                    <th scope="col">Setting</th>
                    <th scope="col">Finding</th>
                    <th scope="col">Fix</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((result) => (
                    <tr key={`${result.rule}:${result.key ?? ''}`} data-testid="posture-report-rule" data-rule={result.rule} data-status={result.status}>
                      <td>
                        <StatusMark status={result.status} />
                      </td>
                      <td>{result.key === null ? <span className="muted">whole file</span> : <KeyName name={result.key} />}</td>
                      <td>
                        {result.message}
                        {result.inferred ? <span className="pst-inferred"> inferred</span> : null}
                      </td>
                      <td>{result.status === 'pass' ? <span className="muted">—</span> : result.fix}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}

      {uncovered.length === 0 ? null : (
        <section className="pst-report__group" data-testid="posture-report-uncovered">
          <h3>Other SENTINEL_ settings ({STATUS_INFO.unchecked.word.toLowerCase()})</h3>
          <p className="small">No rule covers these: {uncovered.map((key, i) => [i === 0 ? null : ', ', <code key={key}>{key}</code>])}</p>
        </section>
      )}

      <section className="pst-report__group" data-testid="posture-report-changes">
        <h3>Changes made from the console</h3>
        {changes.length === 0 ? (
          <p className="muted small">No changes were saved from the console in this session.</p>
        ) : (
          <table className="pst-report__table">
            <colgroup>
              <col className="pst-report__col-key" />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Change</th>
                <th scope="col">Saved</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change, i) => (
                <tr key={`${change.key}:${change.at}:${i}`} data-testid="posture-report-change" data-action={change.action}>
                  <td>
                    <KeyName name={change.key} />
                  </td>
                  <td>{ACTION_WORDS[change.action]}</td>
                  <td>{localTime(change.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
