import { join } from 'node:path';
import type { ProfileStatus } from '../shared/model/probe';
import { type LiveProxy, startRenderedProxy } from './integration/live-proxy';
import { expect, test } from './fixtures';
import { freePort } from './support/free-port';
import { writeMatrixDir } from './support/matrix-dir';

const saved = (result: { ok: boolean; value?: unknown }): ProfileStatus => {
  if (!result.ok) throw new Error(`health.save failed: ${JSON.stringify(result)}`);
  return result.value as ProfileStatus;
};

test.describe('Health', () => {
  let proxy: LiveProxy | undefined;
  test.beforeAll(async () => {
    proxy = await startRenderedProxy();
  });
  test.afterAll(async () => {
    await proxy?.stop();
  });

  test('two proxies: one healthy with its history sparkline, one failing with its reason; a pushed probe updates the card', async ({ app }) => {
    const { page } = app;
    if (!proxy) throw new Error('setup failed');
    const { pki } = proxy;
    const device = pki.devices.valid;
    const healthy = saved(
      await app.call('health.save', {
        profile: {
          name: 'edge-1 (enforcing)',
          baseUrl: `https://localhost:${proxy.nginx.port}`,
          caFile: pki.root.certPath,
          device: { certFile: device.chainPath, keyFile: device.keyPath, deviceId: device.deviceId },
          matrixDir: await writeMatrixDir(pki, join(pki.dir, 'matrix')),
          crlFile: pki.crlBundle.path,
        },
      }),
    );
    const failing = saved(await app.call('health.save', { profile: { name: 'edge-2 (down)', baseUrl: `https://127.0.0.1:${await freePort()}` } }));
    for (let i = 0; i < 6; i++) expect((await app.call('probe.run', { target: { kind: 'profile', id: healthy.profile.id } })).ok).toBe(true);
    const down = await app.call('probe.run', { target: { kind: 'profile', id: failing.profile.id } });
    expect(down.ok && down.value.steps[0]?.error).toBe('connection-refused');

    await page.getByRole('navigation', { name: 'Areas' }).getByText('Health', { exact: true }).click();
    const cards = page.getByTestId('health-card');
    await expect(cards).toHaveCount(2);
    const good = cards.filter({ hasText: 'edge-1 (enforcing)' });
    const bad = cards.filter({ hasText: 'edge-2 (down)' });
    await expect(good).toHaveAttribute('data-state', 'healthy');
    await expect(bad).toHaveAttribute('data-state', 'failing');
    await expect(bad.getByTestId('health-card-reason')).toContainText(down.ok ? down.value.summary : 'refused');
    await expect(good.getByTestId('health-spark-point')).toHaveCount(6);
    await expect(good.getByTestId('health-expiry')).toContainText(/\d+/);

    // A probe started elsewhere (the scheduler, the CLI host) reaches the screen as a pushed event.
    expect((await app.call('probe.run', { target: { kind: 'profile', id: healthy.profile.id } })).ok).toBe(true);
    await expect(good.getByTestId('health-spark-point')).toHaveCount(7);

    await page.screenshot({ path: test.info().outputPath('health-dashboard-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: test.info().outputPath('health-dashboard-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // The detail view runs the matrix: every case as expected against the enforcing config.
    await good.getByTestId('health-details').click();
    await expect(page.getByTestId('health-detail')).toBeVisible();
    await page.getByRole('button', { name: /run matrix/i }).click();
    const rows = page.getByTestId('health-matrix-row');
    await expect(rows).toHaveCount(9, { timeout: 20_000 });
    await expect(page.getByTestId('health-matrix-summary')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('health-detail-light.png'), fullPage: true });
    expect(app.problems).toEqual([]);
  });
});
