import type { AppInfo } from '../../shared/model/app-info';
import type { Result } from '../../shared/ipc/result';
import type { Bridge } from '../../shared/ipc/types';

/** What `app.info` answers in renderer tests unless a test overrides it. */
export const SAMPLE_INFO: AppInfo = {
  name: 'sentinel-console',
  version: '0.1.0',
  host: 'web',
  platform: 'linux',
  arch: 'x64',
  dataDir: '/tmp/sentinel-data',
  versions: { node: '20.19.4', electron: null, chromium: null, v8: '12.4.254.21-node.27' },
};

/** A Bridge whose `app.info` answers with `answer` (or waits on it); counts calls for assertions. */
export function fakeBridge(answer: () => Promise<Result<AppInfo>> = async () => ({ ok: true, value: SAMPLE_INFO })) {
  const calls = { appInfo: 0 };
  const bridge: Bridge = {
    commands: {
      'app.info': () => {
        calls.appInfo += 1;
        return answer();
      },
    },
    on: () => () => undefined,
  };
  return { bridge, calls };
}
