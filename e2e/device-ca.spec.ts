import type { CaInfo, IssueResult } from '../shared/model/ca';
import { expect, test } from './fixtures';

const PASSPHRASE = 'e2e vault passphrase, long enough';

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

test.describe('Device CA', () => {
  test('locked, then unlocked with an inventory, a revoked device and the audit chain verified', async ({ app }, testInfo) => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    const out = testInfo.outputPath('issued');
    const root = value<CaInfo>(await app.call('ca.init', { subject: 'CN=Sentinel E2E Device CA, O=Example', keyAlgorithm: 'ec-p256', passphrase: PASSPHRASE }));
    const issued: IssueResult[] = [];
    for (const id of ['edge-probe-01', 'kiosk-0042', 'kiosk-0043']) {
      issued.push(value(await app.call('ca.issueDevice', { deviceId: id, outDir: out, key: { passphrase: PASSPHRASE, formats: ['pkcs8'] } })));
    }
    const revoked = issued[2]?.certificate.serialNumber ?? '';
    value(await app.call('ca.revoke', { serialNumber: revoked, reason: 'keyCompromise' }));
    value(await app.call('ca.publishCrl', {}));
    value(await app.call('ca.lock', {}));

    await page.getByRole('navigation', { name: 'Areas' }).getByText('Device CA', { exact: true }).click();
    await expect(page.getByTestId('ca-vault-state')).toContainText(/locked/i);
    await expect(page.getByTestId('ca-unlock-form')).toBeVisible();
    await expect(page.getByTestId('ca-inventory')).toHaveCount(0);
    await expect(page.getByTestId('ca-card').first()).toContainText(root.subject.split(',')[0]?.replace('CN=', '') ?? '');
    await page.screenshot({ path: testInfo.outputPath('device-ca-locked-light.png') });

    const passphraseField = page.getByTestId('ca-unlock-form').locator('input[type="password"]');
    await passphraseField.fill(PASSPHRASE);
    await page.getByTestId('ca-unlock-submit').click();
    await expect(page.getByTestId('ca-vault-state')).toContainText(/unlocked/i);
    await expect(passphraseField).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(PASSPHRASE);

    const rows = page.getByTestId('ca-row');
    await expect(rows).toHaveCount(3);
    const revokedRow = rows.filter({ hasText: 'kiosk-0043' });
    await expect(revokedRow.getByTestId('ca-row-status')).toContainText(/revoked/i);
    await expect(rows.filter({ hasText: 'kiosk-0042' }).getByTestId('ca-row-status')).toContainText(/valid/i);
    await expect(page.getByTestId('ca-crl-countdown').first()).toBeVisible();
    await expect(page.getByTestId('ca-audit-status')).toContainText(/verified|intact/i);
    await page.screenshot({ path: testInfo.outputPath('device-ca-unlocked-inventory-light.png') });
    await revokedRow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('device-ca-revoked-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath('device-ca-revoked-dark.png') });
    expect(app.problems).toEqual([]);
  });
});
