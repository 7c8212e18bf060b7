import { app, BrowserWindow, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { createNodeRouterDeps } from '../services/node-services';
import { createElectronSafeStoragePort } from '../services/ca/vault/electron-safe-storage';
import { createRouter } from '../services/router';
import { APP_NAME, APP_VERSION } from '../services/app-version';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  hardenContents,
  rejectCertificateError,
} from './hardening';
import { installIpc } from './ipc';
import { createWindowEventSink } from './ipc-bindings';
import { electronFileDialog } from './file-dialog-adapter';
import { originOf } from './origin';
import { createTrustedSenders } from './trusted-senders';
import { windowOptions } from './window-options';

/** Composition root: the only place Electron objects, adapters and services meet. */

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// electron-vite sets this for `npm run dev` only; a packaged app always loads app://.
const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const devOrigin = devUrl ? originOf(devUrl) : null;
const allowedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];

// E2E runs may point userData at a temp dir; a packaged build offers no such hook.
const e2eDataDir = !app.isPackaged && process.env['APP_E2E'] === '1' ? process.env['APP_DATA_DIR'] : undefined;
if (e2eDataDir) app.setPath('userData', e2eDataDir);

// Only safeExternalUrl() output (parsed https, no credentials) reaches here; see hardening.test.ts.
const openExternal = (url: string): void => void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
app.on('web-contents-created', (_event, contents) => hardenContents(contents, allowedOrigins, openExternal));
// The handler always answers callback(false); see hardening.test.ts.
app.on('certificate-error', (event, _c, _u, _e, _cert, callback) => rejectCertificateError(event, callback)); // eng-disable CERTIFICATE_ERROR_EVENT_JS_CHECK
app.on('window-all-closed', () => app.quit());

const senders = createTrustedSenders(allowedOrigins);
const windows: WebContents[] = [];

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(fileURLToPath(new URL('../renderer', import.meta.url))));

  const appFacts = {
    name: APP_NAME,
    version: APP_VERSION,
    host: 'electron' as const,
    dataDir: app.getPath('userData'),
    platform: process.platform,
    arch: process.arch,
    processVersions: process.versions,
  };
  let mainWindow: BrowserWindow | null = null;
  // Null on Linux without a real secret store (basic_text): the vault then never offers to remember.
  const keyring = await createElectronSafeStoragePort(safeStorage);
  const deps = createNodeRouterDeps(appFacts, createWindowEventSink(() => windows), electronFileDialog(() => mainWindow), keyring);
  installIpc(createRouter(deps), senders);
  app.on('will-quit', () => deps.health.stopSchedules());
  deps.health.startSchedules().catch((err: unknown) => console.error('Sentinel Console: scheduled probes not started:', err));

  const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
  const options = windowOptions({ preload, devTools: !app.isPackaged });
  // The scanner cannot see through windowOptions(); window-options.test.ts pins every flag it looks for.
  const win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK PRELOAD_JS_CHECK NODE_INTEGRATION_JS_CHECK
  mainWindow = win;
  const contents = win.webContents;
  senders.trust(contents.id);
  windows.push(contents);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    senders.forget(contents.id);
    mainWindow = null;
    windows.splice(windows.indexOf(contents), 1);
  });
  await win.loadURL(devUrl ?? APP_ENTRY_URL);
}

start().catch((err: unknown) => {
  console.error('Sentinel Console failed to start:', err);
  app.exit(1);
});
