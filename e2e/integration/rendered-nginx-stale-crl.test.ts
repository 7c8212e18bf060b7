import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/dispatch';
import { createNodeRouterDeps } from '../../electron/services/node-services';
import { createRouter } from '../../electron/services/router';
import { nginxAvailable } from '../support/nginx';
import { type LiveProxy, startRenderedProxy } from './live-proxy';

/**
 * proxy-matrix §0.3: an expired CRL passes `nginx -t` and then rejects every device. The
 * console must say so from the files alone, before the operator deploys or reloads.
 */
describe.skipIf(!nginxAvailable())('a CRL past nextUpdate: the console reports it, nginx -t does not, nginx rejects everyone', () => {
  let proxy: LiveProxy | undefined;
  const router = createRouter(
    createNodeRouterDeps(
      { name: 'test', version: '0', host: 'cli', dataDir: '/tmp', platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } },
      { emit: () => undefined },
    ),
  );

  beforeAll(async () => {
    proxy = await startRenderedProxy((_port, pki) => ({ crlPath: pki.expiredCrlBundle.path }));
  });
  afterAll(async () => {
    await proxy?.stop();
  });

  it('the same text passed nginx -t (startNginx runs it) and the console flags M-9 at its ssl_crl line', async () => {
    if (!proxy) throw new Error('setup failed');
    const check = await dispatch(router, 'nginx.check', { source: { kind: 'text', name: 'live.conf', text: proxy.text } });
    expect(check.ok && check.value.ok).toBe(true);
    const lint = await dispatch(router, 'nginx.lint', { source: { kind: 'text', name: 'live.conf', text: proxy.text } });
    if (!lint.ok) throw new Error(lint.error.message);
    const crlLine = proxy.text.split('\n').findIndex((l) => l.trim().startsWith('ssl_crl ')) + 1;
    expect(lint.value.findings.filter((f) => f.id === 'M-9').map((f) => [f.severity, f.line])).toEqual([
      ['high', crlLine],
      ['high', crlLine],
    ]);
  });

  it('and nginx then turns away even the valid device with "CRL has expired"', async () => {
    if (!proxy) throw new Error('setup failed');
    const { res, seen } = await proxy.probe('POST', '/api/heartbeat', { device: 'valid', body: '{}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'client_certificate_invalid', verify: expect.stringContaining('CRL has expired') });
    expect(seen).toBeUndefined();
  });
});
