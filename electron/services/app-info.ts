import type { AppInfo, HostKind } from '../../shared/model/app-info';

/** What the host knows about itself; passed in so this stays free of Electron and globals. */
export interface AppInfoSource {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly dataDir: string;
  readonly platform: string;
  readonly arch: string;
  readonly processVersions: Readonly<Record<string, string | undefined>>;
}

/** Builds the `app.info` answer from the host's facts; Electron-only versions are null elsewhere. */
export function describeApp(source: AppInfoSource): AppInfo {
  const v = source.processVersions;
  return {
    name: source.name,
    version: source.version,
    host: source.host,
    platform: source.platform,
    arch: source.arch,
    dataDir: source.dataDir,
    versions: {
      node: v['node'] ?? 'unknown',
      electron: v['electron'] ?? null,
      chromium: v['chrome'] ?? null,
      v8: v['v8'] ?? 'unknown',
    },
  };
}
