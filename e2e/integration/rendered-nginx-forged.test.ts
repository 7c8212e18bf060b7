import type { OutgoingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HEADER_NAMES, type ForwardedHeaderNames, HEADER_ROLES } from '../../shared/nginx/types';
import { freePort } from '../support/free-port';
import { nginxAvailable } from '../support/nginx';
import { type LiveProxy, type Probe, startRenderedProxy } from './live-proxy';
import { CUSTOM_HEADER_NAMES } from './render-fixtures';

/** Every location the config has (exact heartbeat, prefix /) and paths that land in each. */
const PATHS = ['/', '/api/health/live', '/api/health/ready', '/api/heartbeat', '/api/devices/register', '/static/app.js?v=1'];

/** Forged copies of each name in three spellings nginx must all treat as the same header, plus an underscore twin. */
function forgedHeaders(names: readonly string[]): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [i, name] of names.entries()) {
    const spelled = i % 3 === 0 ? name : i % 3 === 1 ? name.toLowerCase() : name.toUpperCase();
    headers[spelled] = [`forged-${name}`, `forged-again-${name}`];
    headers[name.replace(/-/g, '_')] = `forged-underscore-${name}`;
  }
  return headers;
}

function expectNothingForged(probe: Probe): void {
  for (const [name, value] of Object.entries(probe.seen?.headers ?? {})) {
    expect(`${name}: ${String(value)}`).not.toMatch(/forged/);
  }
}

function suite(label: string, names: ForwardedHeaderNames, ipv6: boolean): void {
  describe.skipIf(!nginxAvailable())(`forged certificate headers never reach the upstream (${label})`, () => {
    let proxy: LiveProxy | undefined;
    let v6Port: number | undefined;
    const all = [...new Set([...Object.values(DEFAULT_HEADER_NAMES), ...Object.values(names)])];
    const forged = forgedHeaders(all);
    const live = (): LiveProxy => {
      if (!proxy) throw new Error('setup failed');
      return proxy;
    };

    beforeAll(async () => {
      v6Port = ipv6 ? await freePort() : undefined;
      proxy = await startRenderedProxy((port) => ({
        headerNames: names,
        listen: v6Port === undefined ? [`127.0.0.1:${port}`] : [`127.0.0.1:${port}`, `[::1]:${v6Port}`],
      }));
    });

    afterAll(async () => {
      await proxy?.stop();
    });

    for (const path of PATHS) {
      it(`${path} without a certificate: only nginx's own values arrive`, async () => {
        const probe = await live().probe('POST', path, { headers: forged, body: '{}' });
        if (path === '/api/heartbeat') {
          expect(probe.res.status).toBe(401);
          expect(probe.seen).toBeUndefined();
          return;
        }
        expect(probe.res.status).toBe(200);
        expect(probe.seen?.headers[names.verify.toLowerCase()]).toBe('NONE');
        for (const role of HEADER_ROLES.filter((r) => r !== 'verify')) {
          expect(probe.seen?.headers[names[role].toLowerCase()]).toBeUndefined();
        }
        expectNothingForged(probe);
      });

      it(`${path} with the valid device: the certificate's values replace the forged ones`, async () => {
        const probe = await live().probe('POST', path, { device: 'valid', headers: forged, body: '{}' });
        expect(probe.res.status).toBe(200);
        const h = probe.seen?.headers ?? {};
        expect(h[names.verify.toLowerCase()]).toBe('SUCCESS');
        expect(h[names.serial.toLowerCase()]).toBe(live().pki.devices.valid.cert.serialNumber.toUpperCase());
        expect(h[names.subjectDn.toLowerCase()]).toBe('O=Sentinel Test,CN=device-valid-01');
        expectNothingForged(probe);
      });
    }

    if (ipv6) it('the [::1] listener behaves the same', async () => {
      if (v6Port === undefined) throw new Error('no IPv6 port');
      const anonymous = await live().probe('GET', '/api/health/live', { headers: forged, ipv6Port: v6Port });
      expect(anonymous.res.status).toBe(200);
      expect(anonymous.seen?.headers[names.verify.toLowerCase()]).toBe('NONE');
      expectNothingForged(anonymous);
      const refused = await live().probe('POST', '/api/heartbeat', { headers: forged, ipv6Port: v6Port, body: '{}' });
      expect(refused.res.status).toBe(401);
      expect(refused.seen).toBeUndefined();
      const device = await live().probe('POST', '/api/heartbeat', { device: 'valid', headers: forged, ipv6Port: v6Port, body: '{}' });
      expect(device.res.status).toBe(200);
      expect(device.seen?.headers[names.verify.toLowerCase()]).toBe('SUCCESS');
      expectNothingForged(device);
    });
  });
}

suite('default names', DEFAULT_HEADER_NAMES, false);
suite('custom names, default names forged too, plus an IPv6 listener', CUSTOM_HEADER_NAMES, true);
