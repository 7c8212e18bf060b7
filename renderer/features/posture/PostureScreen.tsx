import { ErrorPanel } from '../../components/ErrorPanel';
import { ChecklistWorkspace } from './ChecklistWorkspace';
import { EmptyState } from './EmptyState';
import { OpenBar } from './OpenBar';
import { usePosture } from './posture-store';
import { ReportScreen } from './ReportScreen';
import { useEnvDocument, useReopen } from './use-posture-data';

/** The Posture area: open the control plane's .env, fix it against the production checklist, save it safely, leave with a report. */
export function PostureScreen() {
  const openedPath = usePosture((state) => state.openedPath);
  const view = usePosture((state) => state.view);
  const doc = useEnvDocument(openedPath);
  const reopen = useReopen();
  const open = (path: string): void => {
    if (path === openedPath) void reopen(path);
    else usePosture.getState().open(path);
  };

  const data = doc.data;
  const body =
    openedPath === null ? (
      <EmptyState />
    ) : doc.isError ? (
      <ErrorPanel error={doc.error} title={`Could not read ${openedPath}`} />
    ) : data === undefined ? (
      <p className="loading" role="status">
        Reading {openedPath}…
      </p>
    ) : view === 'report' ? (
      <ReportScreen doc={data} />
    ) : (
      <ChecklistWorkspace doc={data} reading={doc.isFetching} onReopen={() => void reopen(data.path)} />
    );

  return (
    <div className="pst" data-testid="posture-screen">
      {view === 'report' && data !== undefined && !doc.isError ? null : <OpenBar onOpen={open} />}
      {body}
    </div>
  );
}
