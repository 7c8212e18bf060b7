import type { ReactNode } from 'react';
import type { HostKind } from '../../../shared/model/app-info';
import { assertNever } from '../../../shared/util/assert-never';
import { useCommandQuery } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';

export const NOT_ELECTRON = '— (not running under Electron)';

function hostHint(host: HostKind): string {
  switch (host) {
    case 'electron':
      return 'desktop app, commands over IPC';
    case 'web':
      return 'loopback web host, commands over HTTP';
    case 'cli':
      return 'command line';
    default:
      return assertNever(host, 'host');
  }
}

/** One row; the testid sits on the value alone so e2e can compare it with `app.info` verbatim. */
function Row({ label, testId, value, hint }: { label: string; testId: string; value: string; hint?: ReactNode }) {
  return (
    <div className="facts__row">
      <dt className="facts__label">{label}</dt>
      <dd className="facts__value">
        <span className="mono" data-testid={testId}>
          {value}
        </span>
        {hint === undefined ? null : <span className="facts__hint">{hint}</span>}
      </dd>
    </div>
  );
}

/** Versions, host and data directory, as `app.info` reports them. */
export function AboutScreen() {
  const query = useCommandQuery('app.info', {});

  if (query.isPending) {
    return (
      <p className="loading" role="status">
        Loading application info…
      </p>
    );
  }
  if (query.isError) return <ErrorPanel error={query.error} title="Could not read application info" />;

  const info = query.data;
  return (
    <section className="panel" aria-label="Application info">
      <dl className="facts">
        <Row label="Version" testId="about-version" value={`${info.name} ${info.version}`} />
        <Row label="Host" testId="about-host" value={info.host} hint={hostHint(info.host)} />
        <Row label="Platform" testId="about-platform" value={`${info.platform} ${info.arch}`} />
        <Row label="Data directory" testId="about-data-dir" value={info.dataDir} />
        <Row label="Node" testId="about-node" value={info.versions.node} />
        <Row label="Electron" testId="about-electron" value={info.versions.electron ?? NOT_ELECTRON} />
        <Row label="Chromium" testId="about-chromium" value={info.versions.chromium ?? NOT_ELECTRON} />
        <Row label="V8" testId="about-v8" value={info.versions.v8} />
      </dl>
    </section>
  );
}
