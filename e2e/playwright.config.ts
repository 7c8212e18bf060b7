import { defineConfig } from '@playwright/test';

/**
 * One set of specs, two targets: "web" drives Debian's Chromium against the loopback web
 * host; "electron" launches the real app and reports itself skipped where no Electron
 * binary exists (these build machines cannot download one).
 */
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e/report.json' }]],
  // Both projects name Debian's Chromium: Playwright's own browser download cannot happen here,
  // and the fixtures' `page` is set up before the electron project decides to skip.
  use: {
    trace: 'off',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'web' }, { name: 'electron' }],
});
