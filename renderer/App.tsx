import { useEffect } from 'react';
import { useCommandQuery } from './bridge/use-command';
import { AppShell } from './components/AppShell';
import { VersionBadge } from './components/VersionBadge';

/** Marks `<html data-app-ready="true">` once the first command has answered, for e2e and smoke checks. */
function useMarkAppReady(settled: boolean): void {
  useEffect(() => {
    if (settled) document.documentElement.dataset.appReady = 'true';
  }, [settled]);
}

export function App() {
  // The startup command: answers the sidebar footer and proves the bridge works end to end.
  const info = useCommandQuery('app.info', {});
  useMarkAppReady(!info.isPending);
  return <AppShell sidebarFooter={<VersionBadge />} />;
}
