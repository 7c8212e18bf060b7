import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse } from 'dotenv';
import { expect, test } from './fixtures';

/** A development-grade .env: fails the production profile in several places. */
const FAILING_ENV = [
  '# Sentinel Secure X control plane',
  'SENTINEL_SECRET_KEY=change-me',
  "SENTINEL_JWT_SECRET='dev'",
  'export SENTINEL_TRUST_PROXY_CERT_HEADERS=true',
  'SENTINEL_REQUIRE_DEVICE_MTLS=false',
  'SENTINEL_ALLOWED_ORIGINS=*',
  'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL=true',
  'SENTINEL_DATABASE_REQUIRE_POSTGRESQL=false   # sqlite for the demo',
  '',
].join('\n');

test.describe('Posture', () => {
  test('a failing production .env: checklist, one fix applied, the diff before saving, then the report', async ({ app }, testInfo) => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    const envPath = testInfo.outputPath('control-plane', '.env');
    await import('node:fs/promises').then((fs) => fs.mkdir(dirname(envPath), { recursive: true }));
    await writeFile(envPath, FAILING_ENV, { mode: 0o640 });

    await page.getByRole('navigation', { name: 'Areas' }).getByText('Posture', { exact: true }).click();
    await page.getByTestId('posture-path').fill(envPath);
    await page.getByTestId('posture-open').click();
    await expect(page.getByTestId('posture-doc-path')).toContainText(envPath);

    const item = (key: string) => page.locator(`[data-testid="posture-item"][data-key="${key}"]`).first();
    await expect(item('SENTINEL_REQUIRE_DEVICE_MTLS')).toHaveAttribute('data-status', 'fail');
    await expect(item('SENTINEL_ALLOWED_ORIGINS')).toHaveAttribute('data-status', 'fail');
    await expect(item('SENTINEL_SECRET_KEY')).toHaveAttribute('data-status', 'fail');
    // The secret is never on screen.
    await expect(page.getByTestId('posture-checklist')).not.toContainText('change-me');

    // One fix: require device mTLS. The checklist re-audits with the queued edit before any save.
    await item('SENTINEL_REQUIRE_DEVICE_MTLS').getByTestId('posture-set-recommended').click();
    await expect(page.getByTestId('posture-pending-item')).toHaveCount(1);
    await expect(item('SENTINEL_REQUIRE_DEVICE_MTLS')).toHaveAttribute('data-status', 'pass');
    // And a fresh secret for the session key, generated in main and masked here.
    await item('SENTINEL_SECRET_KEY').getByTestId('posture-generate').click();
    await expect(page.getByTestId('posture-pending-item')).toHaveCount(2);

    await page.getByTestId('posture-review').click();
    await expect(page.getByTestId('posture-preview-verified')).toBeVisible();
    await expect(page.locator('[data-testid="diff-row"], [data-testid="posture-diff-row"], .diff__row').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('posture-checklist-fix-diff-light.png') });
    expect(await readFile(envPath, 'utf8')).toBe(FAILING_ENV);

    await page.getByTestId('posture-save').click();
    await expect(page.getByTestId('posture-saved')).toBeVisible();
    const saved = parse(await readFile(envPath, 'utf8'));
    expect(saved['SENTINEL_REQUIRE_DEVICE_MTLS']).toBe('true');
    expect(saved['SENTINEL_SECRET_KEY']?.length).toBeGreaterThanOrEqual(43);
    expect(saved['SENTINEL_ALLOWED_ORIGINS']).toBe('*');
    // Untouched lines keep their bytes; the previous file is kept as a backup.
    const text = await readFile(envPath, 'utf8');
    expect(text).toContain("SENTINEL_JWT_SECRET='dev'\n");
    expect(text).toContain('SENTINEL_DATABASE_REQUIRE_POSTGRESQL=false   # sqlite for the demo\n');
    expect((await readdir(dirname(envPath))).some((f) => f.startsWith('.env.bak-'))).toBe(true);
    await expect(page.getByTestId('posture-mode-advice')).toBeVisible();
    await page.keyboard.press('Escape');

    await page.getByTestId('posture-report').click();
    const report = page.getByTestId('posture-report-view');
    await expect(report).toBeVisible();
    await expect(page.getByTestId('posture-report-path')).toContainText(envPath);
    await expect(page.getByTestId('posture-report-change')).toHaveCount(2);
    await expect(report).not.toContainText(saved['SENTINEL_SECRET_KEY'] ?? 'never');
    await page.screenshot({ path: testInfo.outputPath('posture-report-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath('posture-report-dark.png') });
    expect(app.problems).toEqual([]);
  });
});
