import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowPaths {
  readonly preload: string;
  /** DevTools only in unpackaged builds; a packaged console offers no inspector. */
  readonly devTools: boolean;
}

/**
 * The main window's options, pinned by window-options.test.ts.
 *
 * Every flag here is part of the security posture (Electron checklist 2-4, 6, 8-11):
 * weakening one must fail a test, not slip through review.
 */
export function windowOptions(paths: WindowPaths): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Sentinel Console',
    backgroundColor: '#1b1d21',
    autoHideMenuBar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: paths.devTools,
    },
  };
}
