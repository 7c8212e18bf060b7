import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName } from '../../shared/ipc/channels';
import type { Input, Output } from '../../shared/ipc/types';
import { dispatch } from '../../electron/services/dispatch';
import { createNodeRouterDeps } from '../../electron/services/node-services';
import { createRouter } from '../../electron/services/router';

export const PASSPHRASE = 'correct horse battery staple';
export const KEY_PASSPHRASE = 'device key passphrase 42';

/** The CA through the real router and dispatch, in a fresh data directory. */
export async function caThroughDispatch(settings?: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'ca-e2e-'));
  if (settings) {
    // The operator's way to set CDP/AIA URLs: the settings object of cas.json.
    await mkdir(join(dataDir, 'ca'), { mode: 0o700 });
    await writeFile(join(dataDir, 'ca/cas.json'), JSON.stringify({ version: 1, settings, cas: [] }), { mode: 0o600 });
  }
  const app = { name: 'Sentinel Console', version: '0.0.0', host: 'cli' as const, dataDir, platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } };
  const router = createRouter(createNodeRouterDeps(app, { emit: () => undefined }));
  return {
    dataDir,
    async ok<K extends CommandName>(name: K, input: Input<K>): Promise<Output<K>> {
      const result = await dispatch(router, name, input);
      if (!result.ok) throw new Error(`${name} failed: [${result.error.code}] ${result.error.message}`);
      return result.value;
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}
