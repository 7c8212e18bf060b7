import { useCommandQuery } from '../bridge/use-command';

/** Sidebar footer: which build and which host the operator is looking at, e.g. "v0.1.0 · web". */
export function VersionBadge() {
  const query = useCommandQuery('app.info', {});
  if (query.isPending) return <span className="version-badge">…</span>;
  if (query.isError) {
    return (
      <span className="version-badge version-badge--error" title={query.error.message}>
        {query.error.code}
      </span>
    );
  }
  return (
    <span className="version-badge mono" data-testid="sidebar-version">
      v{query.data.version} · {query.data.host}
    </span>
  );
}
