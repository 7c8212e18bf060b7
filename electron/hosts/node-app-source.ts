import type { HostKind } from '../../shared/model/app-info';
import type { AppInfoSource } from '../services/app-info';
import { APP_NAME, APP_VERSION } from '../services/app-version';

/** The app facts of a plain-Node host (web host, CLI); Electron's root builds its own. */
export function nodeAppSource(host: Exclude<HostKind, 'electron'>, dataDir: string): AppInfoSource {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    host,
    dataDir,
    platform: process.platform,
    arch: process.arch,
    processVersions: process.versions,
  };
}
