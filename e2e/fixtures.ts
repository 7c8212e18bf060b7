import { test as base, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName } from '../shared/ipc/channels';
import type { Result } from '../shared/ipc/result';
import type { Output } from '../shared/ipc/types';
import { startWebHostProcess, type WebHostProcess } from './support/web-host-process';

export const projectRoot = new URL('..', import.meta.url).pathname;

/**
 * Path of the Electron binary, or why there is none.
 *
 * Never `require('electron')` here: since Electron 42 that require downloads the binary
 * when it is missing, which must not happen on build machines. Read what it would read.
 */
export function electronBinary(): { path: string } | { missing: string } {
  const pkgDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? join(override, relative || 'electron') : relative ? join(pkgDir, 'dist', relative) : '';
  if (candidate && existsSync(candidate)) return { path: candidate };
  return { missing: candidate ? `${candidate} does not exist` : 'node_modules/electron has no downloaded binary (path.txt missing)' };
}

export interface AppHandle {
  readonly page: Page;
  readonly kind: 'web' | 'electron';
  /** Problems the page reported: console errors and uncaught exceptions. */
  readonly problems: string[];
  /** Calls a command the way the renderer does, to compare the UI with the source of truth. */
  call<K extends CommandName>(name: K, input: unknown): Promise<Result<Output<K>>>;
}

async function watch(page: Page, problems: string[]): Promise<void> {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
}

/** Starts the web host on first use only, so the electron project never spawns one. */
interface LazyWebHost {
  get(): Promise<WebHostProcess>;
}

export const test = base.extend<{ app: AppHandle }, { webHost: LazyWebHost; dataDir: string }>({
  dataDir: [
    async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'sc-e2e-'));
      await use(dir);
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  webHost: [
    async ({ dataDir }, use) => {
      let host: Promise<WebHostProcess> | undefined;
      await use({ get: () => (host ??= startWebHostProcess(projectRoot, dataDir)) });
      if (host) await (await host).stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, dataDir, webHost }, use, testInfo) => {
    const problems: string[] = [];
    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      if ('missing' in binary) {
        console.log(`[electron] skipped: no Electron binary here (${binary.missing})`);
        testInfo.skip(true, `no Electron binary (${binary.missing})`);
        return;
      }
      const electronApp: ElectronApplication = await _electron.launch({
        executablePath: binary.path,
        args: [projectRoot, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        env: { ...process.env, APP_E2E: '1', APP_DATA_DIR: dataDir },
      });
      try {
        const win = await electronApp.firstWindow();
        await watch(win, problems);
        await win.locator('html[data-app-ready="true"]').waitFor();
        await use({
          page: win,
          kind: 'electron',
          problems,
          call: (name, input) =>
            win.evaluate(
              ([n, i]) => (window as unknown as { bridge: { commands: Record<string, (x: unknown) => Promise<never>> } }).bridge.commands[n]?.(i) as Promise<never>,
              [name, input] as const,
            ),
        });
      } finally {
        await electronApp.close();
      }
      return;
    }
    const host = await webHost.get();
    await watch(page, problems);
    await page.goto(host.url);
    await page.locator('html[data-app-ready="true"]').waitFor();
    await use({
      page,
      kind: 'web',
      problems,
      call: (name, input) =>
        page.evaluate(
          async ([n, i]) => {
            const res = await fetch(`/rpc/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) });
            return (await res.json()) as never;
          },
          [name, input] as const,
        ),
    });
  },
});

export { expect } from '@playwright/test';
