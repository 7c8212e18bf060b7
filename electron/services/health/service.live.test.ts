import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveProxy, startRenderedProxy } from '../../../e2e/integration/live-proxy';
import { nginxAvailable } from '../../../e2e/support/nginx';
import { createProbeEngine } from '../probe/engine';
import { createNodeHealthFs } from './fs';
import { nodeTimers } from './scheduler';
import { createHealthService } from './service';
import { recordingSink, runInput, saveInput, tempDir } from './test-helpers';

/** The real engine against the rendered config on a real nginx, through the whole service. */
describe.skipIf(!nginxAvailable())('health service with the real probe engine and nginx', () => {
  let proxy: LiveProxy | undefined;
  let tmp: Awaited<ReturnType<typeof tempDir>> | undefined;

  beforeAll(async () => {
    tmp = await tempDir();
    proxy = await startRenderedProxy();
  });
  afterAll(async () => {
    await proxy?.stop();
    await tmp?.cleanup();
  });

  it('saves a profile for the live proxy, probes it, and lists it as ok with one history entry', async () => {
    if (!proxy || !tmp) throw new Error('setup failed');
    const { pki } = proxy;
    const clock = (): Date => new Date();
    const engine = createProbeEngine({ readFile: async (p) => new Uint8Array(await readFile(p)), clock });
    const events = recordingSink();
    const health = createHealthService({ dataDir: tmp.dir, fs: createNodeHealthFs(), clock, timers: nodeTimers, engine, events, newId: () => 'live-proxy' });

    const device = pki.devices.valid;
    const saved = await health.save(
      saveInput({
        baseUrl: `https://127.0.0.1:${proxy.nginx.port}`,
        caFile: pki.root.certPath,
        device: { certFile: device.chainPath, keyFile: device.keyPath, deviceId: device.deviceId },
        crlFile: pki.crlBundle.path,
      }),
    );
    const report = await health.run(runInput({ target: { kind: 'profile', id: saved.profile.id } }));
    expect(report.summary).toBeTruthy();
    expect(report.ok).toBe(true);
    expect(report.steps.find((step) => step.id === 'heartbeat-authenticated')).toMatchObject({ ran: true, ok: true });
    expect(events.events.map((e) => e.event === 'health.status' && 'running' in e.payload && e.payload.running)).toEqual([false, true, false]);

    const [status] = await health.list();
    expect(status).toMatchObject({ running: false, last: { ok: true, profileId: 'live-proxy' } });
    expect(status?.history).toHaveLength(1);
    expect(status?.expiry.serverCertDays).toBeGreaterThan(0);
    expect(status?.expiry.deviceCertDays).toBeGreaterThan(0);
    expect(status?.expiry.crlNextUpdateDays).toBeGreaterThan(0);
  });
});
