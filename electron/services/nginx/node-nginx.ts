import { createNodeKeyReader } from '../pki/key-reader';
import { createNodeNginxFs } from './fs';
import { runProcess } from './runner';
import { createNginxService } from './service';
import type { NginxService } from './service-types';
import { nginxSettingsFromEnv } from './settings';

/** The NGINX service on this machine; how nginx runs comes from the host's environment, never from a caller. */
export function createNodeNginxService(env: Readonly<Record<string, string | undefined>>): NginxService {
  return createNginxService({ fs: createNodeNginxFs(), clock: () => new Date(), run: runProcess, settings: nginxSettingsFromEnv(env), keys: createNodeKeyReader() });
}
