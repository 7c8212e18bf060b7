import { useRef, useState } from 'react';
import { useCommandMutation } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ActionsBar, type Busy } from './ActionsBar';
import { CheckResult, checkMarkers } from './CheckResult';
import { CodeView, type LineJump } from './CodeView';
import { DiffView } from './DiffView';
import { useNginxDraft, type OutputTab } from './draft-store';
import { EnvStatus } from './EnvStatus';
import { InstallDialog } from './InstallDialog';
import { InstallReportPanel } from './InstallReportPanel';
import { LintFindingList, lintMarkers } from './LintFindingList';
import { Tabs, type TabSpec } from './Tabs';
import { useInstallFlow } from './use-install-flow';
import type { NginxRender } from './use-render';

/** The name nginx -t sees for the rendered text, as in its messages. */
export const CHECK_NAME = 'sentinel-secure-x.conf';

function blockedReason(render: NginxRender): string | null {
  if (render.lastRendered === null) return 'Nothing rendered yet.';
  if (render.current) return null;
  if (render.updating) return 'Rendering the latest edits…';
  return 'Fix the inputs marked on the left; the actions use the config for the inputs as they are.';
}

/** The rendered config, what nginx and the deployed file say about it, and installing it. */
export function RenderOutput({ render }: { render: NginxRender }) {
  const outcome = render.lastRendered;
  const text = outcome?.text ?? null;
  const tab = useNginxDraft((state) => state.tab);
  const setTab = useNginxDraft((state) => state.setTab);
  const deployedPath = useNginxDraft((state) => state.deployedPath.trim());
  const [jump, setJump] = useState<LineJump | null>(null);
  const check = useCommandMutation('nginx.check');
  const diff = useCommandMutation('nginx.diff');
  const install = useInstallFlow();
  const installButton = useRef<HTMLButtonElement>(null);

  const jumpTo = (line: number): void => {
    setTab('config');
    setJump((previous) => ({ line, seq: (previous?.seq ?? 0) + 1 }));
  };

  const checkStale = check.variables?.source.kind === 'text' && check.variables.source.text !== text;
  const diffStale = diff.variables !== undefined && diff.variables.text !== text;
  const busy: Busy = check.isPending
    ? 'check'
    : diff.isPending
      ? 'diff'
      : install.phase === 'planning'
        ? 'plan'
        : install.installing.isPending
          ? 'install'
          : null;

  const tabs: TabSpec<OutputTab>[] = [
    { id: 'config', label: 'Config' },
    { id: 'check', label: 'nginx -t', badge: check.data === undefined ? undefined : check.data.ok ? 'ok' : 'failed' },
    {
      id: 'diff',
      label: 'Diff',
      badge: diff.data === undefined ? undefined : !diff.data.deployedExists ? 'new' : diff.data.diff.identical ? 'same' : `+${diff.data.diff.added} −${diff.data.diff.removed}`,
    },
  ];

  if (outcome === null || text === null) return null;
  const markers = [...lintMarkers(outcome.lint), ...(checkStale ? [] : checkMarkers(check.data, CHECK_NAME))];

  return (
    <div className="ngx-output__body">
      <ActionsBar
        blocked={blockedReason(render)}
        busy={busy}
        onCheck={() => {
          setTab('check');
          check.mutate({ source: { kind: 'text', name: CHECK_NAME, text } });
        }}
        onDiff={() => {
          setTab('diff');
          diff.mutate({ text, deployedPath });
        }}
        onInstall={() => install.start(text, deployedPath)}
        installButton={installButton}
      />
      {install.phase === 'idle' && install.planError !== null ? <ErrorPanel error={install.planError} title="Could not prepare the install" /> : null}
      {install.installing.error !== null ? <ErrorPanel error={install.installing.error} title="The install did not run" /> : null}
      {install.installing.data === undefined ? null : <InstallReportPanel report={install.installing.data} onDismiss={() => install.installing.reset()} />}
      <EnvStatus env={outcome.env} />
      <Tabs tabs={tabs} active={tab} onChange={setTab} label="Output">
        {tab === 'config' ? (
          <CodeView text={text} label="Rendered config" copyWhat="the config" markers={markers} jump={jump} />
        ) : tab === 'check' ? (
          check.error !== null ? (
            <ErrorPanel error={check.error} title="nginx -t could not run" />
          ) : check.data === undefined ? (
            <p className="muted ngx-tab-empty">{check.isPending ? 'Running nginx -t…' : 'Use Check with nginx to test this config with the real nginx -t.'}</p>
          ) : (
            <CheckResult result={check.data} stale={checkStale} configName={CHECK_NAME} onJump={jumpTo} />
          )
        ) : diff.error !== null ? (
          <ErrorPanel error={diff.error} title="Could not compare with the deployed file" />
        ) : diff.data === undefined ? (
          <p className="muted ngx-tab-empty">{diff.isPending ? 'Comparing…' : 'Use Diff against deployed to compare this config with the deployed file.'}</p>
        ) : (
          <DiffView report={diff.data} stale={diffStale} />
        )}
      </Tabs>
      <LintFindingList findings={outcome.lint} title="Lint findings" onJump={(finding) => jumpTo(finding.line)} />
      {install.phase === 'confirming' ? (
        <InstallDialog
          plan={install.plan}
          planError={install.planError}
          reload={install.reload}
          onReload={install.setReload}
          onConfirm={install.confirm}
          onCancel={install.cancel}
          opener={installButton}
        />
      ) : null}
    </div>
  );
}
