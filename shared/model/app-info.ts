/** Which transport is serving the dispatch; shown on the About screen and in `info`. */
export type HostKind = 'electron' | 'web' | 'cli';

/** What `app.info` answers: versions and where the console keeps its data. JSON-safe. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly platform: string;
  readonly arch: string;
  readonly dataDir: string;
  readonly versions: {
    readonly node: string;
    readonly electron: string | null;
    readonly chromium: string | null;
    readonly v8: string;
  };
}

/** A message main pushes to every open window (e.g. "vault locked after idle timeout"). */
export interface AppNotice {
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly at: string;
}
