import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options';

describe('windowOptions', () => {
  const options = windowOptions({ preload: '/app/out/preload/index.cjs', devTools: false });

  it('pins every webPreferences flag of the security posture', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      devTools: false,
    });
  });

  it('never sets Blink features or additional arguments that could reopen the posture', () => {
    const prefs = options.webPreferences ?? {};
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('stays hidden until ready-to-show so no blank frame flashes', () => {
    expect(options.show).toBe(false);
  });

  it('offers DevTools only where the root allows it', () => {
    expect(windowOptions({ preload: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});
