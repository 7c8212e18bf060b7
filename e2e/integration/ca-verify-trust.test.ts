import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/dispatch';
import { createNodeRouterDeps } from '../../electron/services/node-services';
import { createRouter } from '../../electron/services/router';

/** cert.verify's "device CA" trust selection uses the console's own CA once one exists. */
describe('Certificates: verify against the device CA', () => {
  let dir = '';
  let router: ReturnType<typeof createRouter>;
  const passphrase = 'correct horse battery staple';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ca-trust-'));
    router = createRouter(
      createNodeRouterDeps(
        { name: 'test', version: '0', host: 'cli', dataDir: dir, platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } },
        { emit: () => undefined },
      ),
    );
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('says no device CA exists before one is created', async () => {
    const result = await dispatch(router, 'cert.verify', { leaf: { kind: 'path', path: '/etc/ssl/certs/ca-certificates.crt' }, trust: { kind: 'device-ca' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('validates an issued device to the device CA, and refuses it after the CA is rotated away', async () => {
    expect((await dispatch(router, 'ca.init', { subject: 'CN=Trust Test Device CA', passphrase })).ok).toBe(true);
    const issued = await dispatch(router, 'ca.issueDevice', { deviceId: 'device-0042', outDir: join(dir, 'out'), key: { passphrase, formats: ['pkcs8'] } });
    if (!issued.ok) throw new Error(issued.error.message);
    const leaf = issued.value.files.find((f) => f.endsWith('device-0042.pem'));
    expect(leaf).toBeDefined();
    const verified = await dispatch(router, 'cert.verify', { leaf: { kind: 'path', path: leaf as string }, trust: { kind: 'device-ca' }, role: 'device' });
    expect(verified.ok && verified.value.valid).toBe(true);

    expect((await dispatch(router, 'ca.rotate', { subject: 'CN=Trust Test Device CA 2', overlapDays: 0 })).ok).toBe(true);
    const after = await dispatch(router, 'cert.verify', { leaf: { kind: 'path', path: leaf as string }, trust: { kind: 'device-ca' }, role: 'device' });
    expect(after.ok && after.value.valid).toBe(false);
  });
});
