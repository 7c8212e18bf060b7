import { readFile } from 'node:fs/promises';
import type { CertificateObject, InspectResult } from '../shared/model/pki';
import { expect, test } from './fixtures';
import { generateTestPki } from './support/test-pki';

const certificates = (result: InspectResult): CertificateObject[] =>
  result.objects.filter((object): object is CertificateObject => object.kind === 'certificate');

test.describe('Certificates', () => {
  test('an expired device: cards and findings, then a chain that fails on the leaf with validity.expired', async ({ app }, testInfo) => {
    const { page } = app;
    const pki = await generateTestPki(testInfo.outputPath('pki'));
    const files = [pki.devices.expired.chainPath, pki.root.certPath, pki.crls.intermediate.path, pki.devices.expired.keyPath];

    // The source of truth: what cert.inspect says about the same files.
    const truth = await app.call('cert.inspect', { sources: files.map((path) => ({ kind: 'path', path })) });
    expect(truth.ok).toBe(true);
    if (!truth.ok) return;

    await page.getByRole('navigation', { name: 'Areas' }).getByText('Certificates', { exact: true }).click();
    await expect(page.getByTestId('cert-empty')).toBeVisible();

    // The web host has no native dialog: the hidden file input takes the files as bytes.
    await page.getByTestId('cert-file-input').setInputFiles(files);
    // And one more by paste: the foreign impostor device.
    await page.getByRole('button', { name: 'Paste PEM' }).click();
    await page.getByTestId('cert-paste-text').fill(await readFile(pki.devices.foreign.certPath, 'utf8'));
    await page.getByTestId('cert-paste-add').click();

    const cards = page.getByTestId('cert-card');
    await expect(cards).toHaveCount(truth.value.objects.length + 1);
    await expect(page.locator('[data-testid="cert-card"][data-kind="certificate"]')).toHaveCount(certificates(truth.value).length + 1);
    await expect(page.locator('[data-testid="cert-card"][data-kind="crl"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="cert-card"][data-kind="key"]')).toHaveCount(1);
    await expect(page.getByTestId('cert-status')).toContainText('Read 5 inputs');

    const expiredTruth = certificates(truth.value).find((cert) => cert.commonName === pki.devices.expired.deviceId);
    expect(expiredTruth).toBeDefined();
    if (!expiredTruth) return;
    const expiredCard = cards.filter({ has: page.getByRole('heading', { name: pki.devices.expired.deviceId, exact: true }) });
    await expect(expiredCard).toHaveCount(1);
    await expect(expiredCard).toContainText(expiredTruth.serialNumber);
    await expect(expiredCard).toContainText(expiredTruth.fingerprints.sha256);
    await expect(expiredCard.locator('.time-pill--expired')).toContainText('expired');
    const expiredFinding = expiredCard.locator('[data-testid="cert-finding"][data-id="cert.expired"]');
    await expect(expiredFinding).toHaveAttribute('data-severity', 'error');
    await expect(expiredFinding).toContainText(expiredTruth.findings.find((f) => f.id === 'cert.expired')?.message ?? 'expired');

    // The Errors chip narrows the list to objects with errors; All brings everything back.
    await page.getByTestId('cert-filter-error').click();
    await expect(page.locator('[data-testid="cert-finding"]:not([data-severity="error"])')).toHaveCount(0);
    await expect(page.locator('[data-testid="cert-finding"][data-id="cert.expired"]')).toBeVisible();
    await page.getByTestId('cert-filter-all').click();
    await expect(cards).toHaveCount(truth.value.objects.length + 1);

    // Validate the expired device against the root alone, as nginx would with ssl_client_certificate = root.
    const verify = page.getByTestId('cert-verify');
    await verify.getByLabel('Leaf certificate').selectOption(expiredTruth.fingerprints.sha256);
    await verify.getByRole('checkbox', { name: /Sentinel Test Root CA/ }).check();
    await page.getByTestId('cert-verify-run').click();

    const banner = page.getByTestId('cert-valid-banner');
    await expect(banner).toHaveAttribute('data-valid', 'false');
    await expect(banner).toContainText('Not valid:');
    const nodes = page.getByTestId('cert-chain-node');
    await expect(nodes.first()).toHaveAttribute('data-ok', 'false');
    await expect(nodes.first()).toHaveAttribute('data-role', 'leaf');
    await expect(nodes.last()).toHaveAttribute('data-role', 'anchor');
    await expect(nodes.last()).toHaveAttribute('data-ok', 'true');
    const failure = nodes.first().getByTestId('cert-chain-failure');
    await expect(failure).toContainText('validity.expired');
    await expect(failure).toContainText('expired');
    await expect(page.getByTestId('cert-chain-failure')).toHaveCount(1);
    await expect(page.getByTestId('cert-revocation-note')).toContainText('Revocation not checked');

    // The UI shows what cert.verify says for the same selection.
    const direct = await app.call('cert.verify', {
      leaf: { kind: 'text', name: 'leaf', text: expiredTruth.pem },
      intermediates: certificates(truth.value)
        .filter((cert) => cert !== expiredTruth && !cert.selfIssued)
        .map((cert, i) => ({ kind: 'text', name: `i${i}`, text: cert.pem })),
      trust: { kind: 'sources', sources: [{ kind: 'path', path: pki.root.certPath }] },
    });
    expect(direct.ok).toBe(true);
    if (direct.ok) {
      expect(direct.value.failure?.rule).toBe('validity.expired');
      await expect(banner).toHaveText(`Not valid: ${direct.value.failure?.message ?? ''}`);
      await expect(failure).toContainText(direct.value.failure?.message ?? '');
    }

    // Tall enough to show the input bar, the first cards and the whole chain beside them.
    await page.setViewportSize({ width: 1280, height: 1320 });
    await page.locator('main.content').evaluate((el) => el.scrollTo(0, 0));
    await page.getByTestId('cert-verify').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: testInfo.outputPath('certificates-failing-chain-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath('certificates-failing-chain-dark.png') });
    expect(app.problems).toEqual([]);
  });

  test('the foreign impostor fails against the real root, and the valid device passes with the CRL checked', async ({ app }, testInfo) => {
    const { page } = app;
    const pki = await generateTestPki(testInfo.outputPath('pki'));
    await page.getByRole('navigation', { name: 'Areas' }).getByText('Certificates', { exact: true }).click();
    await page
      .getByTestId('cert-file-input')
      .setInputFiles([pki.devices.foreign.chainPath, pki.devices.valid.certPath, pki.intermediate.certPath, pki.root.certPath, pki.crlBundle.path]);
    // One file, two CRLs: nginx checks revocation of every certificate in the chain, so both are needed.
    await expect(page.locator('[data-testid="cert-card"][data-kind="crl"]')).toHaveCount(2);

    const verify = page.getByTestId('cert-verify');
    const leaf = verify.getByLabel('Leaf certificate');
    await expect(leaf.locator('option', { hasText: pki.devices.foreign.deviceId })).toHaveCount(1);
    await leaf.selectOption({ label: (await leaf.locator('option', { hasText: pki.devices.foreign.deviceId }).textContent()) ?? '' });
    // Tick the real root only (its subject equals the impostor CA's; the file name tells them apart).
    await verify.getByRole('checkbox', { name: /root-ca\.pem/ }).check();
    await page.getByTestId('cert-verify-run').click();
    await expect(page.getByTestId('cert-valid-banner')).toHaveAttribute('data-valid', 'false');
    await expect(page.locator('[data-testid="cert-chain-node"][data-ok="false"]')).toHaveCount(1);
    await expect(page.getByTestId('cert-chain-failure')).toContainText(/signature\.invalid|path\.(no-issuer|untrusted-root)/);

    await leaf.selectOption({ label: (await leaf.locator('option', { hasText: pki.devices.valid.deviceId }).textContent()) ?? '' });
    for (const crl of await verify.getByTestId('cert-verify-crl').all()) await crl.check();
    await page.getByTestId('cert-verify-run').click();
    await expect(page.getByTestId('cert-valid-banner')).toHaveText('Valid');
    await expect(page.getByTestId('cert-chain-failure')).toHaveCount(0);
    await expect(page.getByTestId('cert-revocation-note')).toHaveCount(0);
    await expect(page.locator('[data-testid="cert-chain-node"][data-ok="true"]')).toHaveCount(3);
    expect(app.problems).toEqual([]);
  });
});
