import { expect, test } from './fixtures';
import { generateTestPki } from './support/test-pki';

test.describe('NGINX', () => {
  test('renders the device-mTLS config, flags the expired CRL before nginx would, and shows nginx -t accepting it', async ({ app }, testInfo) => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    const pki = await generateTestPki(testInfo.outputPath('pki'));
    const draft = {
      serverName: 'localhost',
      tlsCertPath: pki.server.fullchainPath,
      tlsKeyPath: pki.server.keyPath,
      clientCaPath: pki.caBundle.path,
      crlPath: pki.expiredCrlBundle.path,
    };

    // The source of truth: what the service answers for the same inputs.
    const truth = await app.call('nginx.render', { draft, checkFiles: true });
    expect(truth.ok).toBe(true);
    if (!truth.ok || truth.value.status !== 'rendered') throw new Error(`render failed: ${JSON.stringify(truth)}`);
    // One M-9 per expired CRL in the bundle (intermediate and root).
    const expiredCrls = truth.value.lint.filter((f) => f.id === 'M-9');
    expect(expiredCrls.map((f) => f.severity)).toEqual(['high', 'high']);
    const m9 = expiredCrls[0];

    await page.getByRole('navigation', { name: 'Areas' }).getByText('NGINX', { exact: true }).click();
    await expect(page.getByTestId('nginx-screen')).toBeVisible();
    const form = page.getByRole('form', { name: 'Proxy inputs' });
    await form.getByLabel('Server name').fill(draft.serverName);
    await form.getByLabel('TLS certificate').fill(draft.tlsCertPath);
    await form.getByLabel('TLS private key').fill(draft.tlsKeyPath);
    await form.getByLabel('Client CA bundle').fill(draft.clientCaPath);
    await form.getByLabel('CRL file (optional)').fill(draft.crlPath);

    // The screen shows exactly the service's text, line for line.
    const lines = page.getByTestId('nginx-code-line');
    await expect(lines).toHaveCount(truth.value.text.replace(/\n$/, '').split('\n').length);
    await expect(page.getByTestId('nginx-code')).toContainText('ssl_verify_client optional;');

    // nginx -t passes an expired CRL; the console says so first, at the ssl_crl line.
    const finding = page.locator('[data-testid="nginx-finding"][data-id="M-9"]');
    await expect(finding).toHaveCount(expiredCrls.length);
    await expect(finding.first()).toHaveAttribute('data-line', String(m9?.line));
    await expect(lines.nth((m9?.line ?? 1) - 1)).toContainText('ssl_crl');
    await expect(page.getByTestId('nginx-code-marker').first()).toBeVisible();

    await page.getByTestId('nginx-check').click();
    const check = page.getByTestId('nginx-check-result');
    await expect(check).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
    await expect(page.getByTestId('nginx-check-command')).toContainText('-t');

    // The check opens its own tab; the config tab keeps its badge.
    await expect(page.getByTestId('nginx-check-message').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('nginx-check-light.png') });
    await page.getByTestId('nginx-tab-config').click();
    await expect(page.getByTestId('nginx-tab-check')).toContainText('ok');
    await page.screenshot({ path: testInfo.outputPath('nginx-config-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath('nginx-config-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    await finding.first().click();
    await expect(lines.nth((m9?.line ?? 1) - 1)).toHaveAttribute('aria-current', /.+/);
    expect(app.problems).toEqual([]);
  });

  test('an injection attempt in a field is refused beside the field and nothing is rendered from it', async ({ app }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Areas' }).getByText('NGINX', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Proxy inputs' });
    await form.getByLabel('Server name').fill('evil.example;include /etc/shadow');
    await form.getByLabel('TLS certificate').fill('/etc/nginx/certs/server.crt');
    await form.getByLabel('TLS private key').fill('/etc/nginx/certs/server.key');
    await form.getByLabel('Client CA bundle').fill('/etc/nginx/certs/device-ca.crt');
    const field = form.getByLabel('Server name');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await field.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`[id="${describedBy?.split(' ')[0]}"]`)).toContainText(';');
    await expect(page.getByTestId('nginx-form-problems').or(page.getByTestId('nginx-render-status')).first()).toBeVisible();
    await expect(page.getByTestId('nginx-code-line').filter({ hasText: '/etc/shadow' })).toHaveCount(0);
    expect(app.problems).toEqual([]);
  });
});
