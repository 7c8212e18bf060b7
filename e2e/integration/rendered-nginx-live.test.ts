import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxAvailable, pidAlive } from '../support/nginx';
import type { DeviceKind } from '../support/test-pki';
import { type LiveProxy, startRenderedProxy } from './live-proxy';
import { opensslTime } from './render-fixtures';

interface ErrorBody {
  error: string;
  verify?: string;
}

/** OpenSSL's own RFC 2253 rendering of a certificate's name: an oracle independent of nginx. */
function opensslName(certPath: string, which: 'subject' | 'issuer'): string {
  const out = execFileSync('openssl', ['x509', '-noout', `-${which}`, '-nameopt', 'RFC2253', '-in', certPath], { encoding: 'utf8' });
  return out.trim().replace(/^(subject|issuer)=/, '');
}

describe.skipIf(!nginxAvailable())('rendered config on the real nginx: device certificates at the heartbeat', () => {
  let proxy: LiveProxy | undefined;
  const live = (): LiveProxy => {
    if (!proxy) throw new Error('setup failed');
    return proxy;
  };

  beforeAll(async () => {
    proxy = await startRenderedProxy();
  });

  afterAll(async () => {
    await proxy?.stop();
  });

  it('serves both health endpoints without a client certificate', async () => {
    for (const path of ['/api/health/live', '/api/health/ready']) {
      const { res, seen } = await live().probe('GET', path);
      expect(res.status).toBe(200);
      expect(seen?.url).toBe(path);
      expect(seen?.headers['x-ssl-client-verify']).toBe('NONE');
      // M-6: no certificate, no identity headers at all (not even empty ones).
      for (const name of ['s-dn', 'i-dn', 'serial', 'fingerprint', 'v-start', 'v-end', 'cert']) {
        expect(seen?.headers[`x-ssl-client-${name}`]).toBeUndefined();
      }
    }
  });

  it('refuses POST /api/heartbeat without a certificate: 401 JSON, never proxied', async () => {
    const { res, seen } = await live().probe('POST', '/api/heartbeat', { body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('application/json');
    expect((JSON.parse(res.body) as ErrorBody).error).toBe('client_certificate_required');
    expect(seen).toBeUndefined();
  });

  const rejected: [DeviceKind, RegExp][] = [
    ['expired', /certificate has expired/],
    ['revoked', /certificate revoked/],
    ['foreign', /^FAILED:/],
    ['notYetValid', /not yet valid/],
    ['noClientAuth', /purpose/],
  ];
  for (const [kind, reason] of rejected) {
    it(`answers the ${kind} device with the clear 401 JSON instead of a 400 page, on every path`, async () => {
      for (const [method, path] of [
        ['POST', '/api/heartbeat'],
        ['GET', '/api/health/live'],
        ['GET', '/'],
      ] as const) {
        const { res, seen } = await live().probe(method, path, { device: kind, body: method === 'POST' ? '{}' : undefined });
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toBe('application/json');
        const body = JSON.parse(res.body) as ErrorBody;
        expect(body.error).toBe('client_certificate_invalid');
        expect(body.verify).toMatch(reason);
        expect(seen).toBeUndefined();
      }
    });
  }

  it('forwards the valid device to the upstream with every header in the documented format', async () => {
    const { pki } = live();
    const device = pki.devices.valid;
    const { res, seen } = await live().probe('POST', '/api/heartbeat', { device: 'valid', body: '{"ok":true}' });
    expect(res.status).toBe(200);
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe('{"ok":true}');
    const h = seen?.headers ?? {};
    expect(h['x-ssl-client-verify']).toBe('SUCCESS');
    // RFC 2253 names the last RDN first: the certificates hold CN then O, so O leads (as OpenSSL prints it).
    expect(h['x-ssl-client-s-dn']).toBe('O=Sentinel Test,CN=device-valid-01');
    expect(h['x-ssl-client-s-dn']).toBe(opensslName(device.certPath, 'subject'));
    expect(h['x-ssl-client-i-dn']).toBe('O=Sentinel Test,CN=Sentinel Test Device CA');
    expect(h['x-ssl-client-i-dn']).toBe(opensslName(device.certPath, 'issuer'));
    expect(h['x-ssl-client-serial']).toBe(device.cert.serialNumber.toUpperCase());
    expect(h['x-ssl-client-serial']).toMatch(/^[0-9A-F]+$/);
    const sha1 = createHash('sha1').update(new Uint8Array(device.cert.rawData)).digest('hex');
    expect(h['x-ssl-client-fingerprint']).toBe(sha1);
    expect(h['x-ssl-client-v-start']).toBe(opensslTime(device.cert.notBefore));
    expect(h['x-ssl-client-v-end']).toBe(opensslTime(device.cert.notAfter));
    const escaped = String(h['x-ssl-client-cert']);
    expect(escaped).toMatch(/^-----BEGIN%20CERTIFICATE-----%0A/);
    expect(decodeURIComponent(escaped).trim()).toBe(device.certPem.trim());
  });

  it('sets the routing headers from the connection, not from what the client claims', async () => {
    const { seen } = await live().probe('GET', '/dashboard', {
      headers: {
        Host: 'localhost:1',
        'X-Forwarded-For': '203.0.113.9',
        'X-Real-IP': '203.0.113.9',
        Forwarded: 'for=203.0.113.9',
        'X-Forwarded-Proto': 'http',
        'X-Forwarded-Host': 'evil.example',
      },
    });
    expect(seen?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen?.headers['x-real-ip']).toBe('127.0.0.1');
    expect(seen?.headers['x-forwarded-proto']).toBe('https');
    expect(seen?.headers.forwarded).toBeUndefined();
    expect(seen?.headers.host).toBe('localhost');
    expect(seen?.headers['x-forwarded-host']).toBe('localhost');
  });

  it('sends HSTS on proxied answers and on its own 401s', async () => {
    const ok = await live().probe('GET', '/');
    const refused = await live().probe('POST', '/api/heartbeat');
    const invalid = await live().probe('GET', '/', { device: 'revoked' });
    for (const { res } of [ok, refused, invalid]) expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('stops by PID and leaves no nginx process behind', async () => {
    const { nginx } = live();
    const workers = nginx.workerPids();
    await live().stop();
    proxy = undefined;
    expect(pidAlive(nginx.pid)).toBe(false);
    for (const worker of workers) expect(pidAlive(worker)).toBe(false);
  });
});
