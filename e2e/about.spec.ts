import { expect, test } from './fixtures';

test.describe('shell and About', () => {
  test('the About screen shows exactly what app.info returned, with no console errors', async ({ app }, testInfo) => {
    const { page } = app;
    const info = await app.call('app.info', {});
    expect(info.ok).toBe(true);
    if (!info.ok) return;

    const nav = page.getByRole('navigation', { name: 'Areas' });
    for (const area of ['Health', 'Certificates', 'Device CA', 'Posture', 'NGINX', 'About']) {
      await expect(nav.getByText(area, { exact: true })).toBeVisible();
    }
    await nav.getByText('About', { exact: true }).click();

    const v = info.value;
    await expect(page.getByTestId('about-version')).toContainText(v.version);
    await expect(page.getByTestId('about-host')).toHaveText(v.host);
    await expect(page.getByTestId('about-platform')).toContainText(v.platform);
    await expect(page.getByTestId('about-platform')).toContainText(v.arch);
    await expect(page.getByTestId('about-data-dir')).toHaveText(v.dataDir);
    await expect(page.getByTestId('about-node')).toHaveText(v.versions.node);
    await expect(page.getByTestId('about-v8')).toHaveText(v.versions.v8);
    if (v.versions.electron === null) {
      await expect(page.getByTestId('about-electron')).toContainText('not running under Electron');
    } else {
      await expect(page.getByTestId('about-electron')).toHaveText(v.versions.electron);
    }
    expect(v.host).toBe(app.kind);

    await page.screenshot({ path: testInfo.outputPath(`about-${app.kind}-light.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath(`about-${app.kind}-dark.png`), fullPage: true });
    expect(app.problems).toEqual([]);
  });

  test('every area opens its own screen against the real host, with no console errors', async ({ app }) => {
    const nav = app.page.getByRole('navigation', { name: 'Areas' });
    const screens: [string, string][] = [
      ['Health', 'health-screen'],
      ['Certificates', 'cert-drop-zone'],
      ['Device CA', 'ca-screen'],
      ['Posture', 'posture-screen'],
      ['NGINX', 'nginx-screen'],
      ['About', 'about-version'],
    ];
    for (const [name, testId] of screens) {
      await nav.getByText(name, { exact: true }).click();
      await expect(app.page.getByTestId(testId).first()).toBeVisible();
    }
    expect(app.problems).toEqual([]);
  });

  test('the UI is served with the shared CSP and no inline script', async ({ app }) => {
    test.skip(app.kind !== 'web', 'headers are checked on the web host; app:// is covered by app-protocol.test.ts');
    const response = await app.page.request.get(app.page.url());
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const meta = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(meta).toBe(csp.replace("; frame-ancestors 'none'", ''));
    const inline = await app.page.locator('script:not([src])').count();
    expect(inline).toBe(0);
  });
});
