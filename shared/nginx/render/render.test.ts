import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER_NAMES, type ForwardedHeaderNames, HEADER_ROLES } from '../types';
import { headerVariable } from './headers';
import { renderNginxConfig } from './index';
import { type Block, only, proxyHeaders, readBlocks, sampleInput } from './test-helpers';

const CUSTOM: ForwardedHeaderNames = {
  ...DEFAULT_HEADER_NAMES,
  verify: 'X-Device-Verify',
  serial: 'X-Device-Serial',
  cert: 'X-Device-Cert',
};

function server(text: string): Block {
  return only(readBlocks(text), 'server');
}

function proxyingLocations(text: string): Block[] {
  return server(text).children.filter((c) => c.directives.some((d) => d.startsWith('proxy_pass ')));
}

describe('renderNginxConfig: the text itself', () => {
  it('is deterministic and carries no timestamp', () => {
    const a = renderNginxConfig(sampleInput());
    expect(renderNginxConfig(sampleInput())).toBe(a);
    expect(renderNginxConfig(sampleInput({ verifyDepth: 3 }))).not.toBe(a);
    expect(a).not.toMatch(/\b20\d\d-\d\d-\d\d\b|\d\d:\d\d:\d\d/);
  });

  it('names every input in the opening comment', () => {
    const text = renderNginxConfig(sampleInput({ crlPath: '/etc/nginx/certs/device.crl', headerNames: CUSTOM }));
    const comment = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
    for (const value of ['sentinel.example.com', '/etc/nginx/certs/server.crt', '/etc/nginx/certs/server.key', '/etc/nginx/certs/device-ca.crt',
      '/etc/nginx/certs/device.crl', 'http://127.0.0.1:8000', '/opt/sentinel-secure-x/.env', 'X-Device-Verify', 'X-Device-Serial', '443']) {
      expect(comment).toContain(value);
    }
    expect(comment).toMatch(/SENTINEL_TRUST_PROXY_CERT_HEADERS=true/);
  });

  it('holds http-level content only: one upstream and one server block', () => {
    const root = readBlocks(renderNginxConfig(sampleInput()));
    expect(root.directives).toEqual([]);
    expect(root.children.map((c) => c.head)).toEqual(['upstream sentinel_secure_x_api', 'server']);
  });

  it('refuses to render input that fails validation', () => {
    expect(() => renderNginxConfig(sampleInput({ tlsCertPath: '/etc/x.pem; include /etc/shadow' }))).toThrow(/tlsCertPath/);
    expect(() => renderNginxConfig(sampleInput({ upstreamUrl: 'http://10.0.0.8:8000' }))).toThrow(/upstreamUrl/);
  });
});

describe('renderNginxConfig: TLS and client verification', () => {
  it('verifies client certificates optionally against the device CA, at the given depth', () => {
    const s = server(renderNginxConfig(sampleInput({ verifyDepth: 1 })));
    expect(s.directives).toEqual(expect.arrayContaining([
      'ssl_client_certificate /etc/nginx/certs/device-ca.crt', 'ssl_verify_client optional', 'ssl_verify_depth 1',
      'ssl_certificate /etc/nginx/certs/server.crt', 'ssl_certificate_key /etc/nginx/certs/server.key',
      'ssl_protocols TLSv1.2 TLSv1.3', 'ssl_session_tickets off', 'ssl_session_timeout 10m', 'ssl_prefer_server_ciphers off',
    ]));
    expect(s.directives.some((d) => /^ssl_session_cache shared:\w+:10m$/.test(d))).toBe(true);
    expect(s.directives.filter((d) => d.startsWith('ssl_crl') || d.startsWith('ssl_ocsp') || d.startsWith('resolver'))).toEqual([]);
  });

  it('adds ssl_crl only when a CRL is given', () => {
    expect(server(renderNginxConfig(sampleInput({ crlPath: '/etc/nginx/crl.pem' }))).directives).toContain('ssl_crl /etc/nginx/crl.pem');
  });

  it('adds OCSP with responder, cache and resolver when asked', () => {
    const ocsp = { mode: 'leaf', responderUrl: 'http://127.0.0.1:8889', resolver: '127.0.0.53 [::1]:53' } as const;
    const d = server(renderNginxConfig(sampleInput({ ocsp }))).directives;
    expect(d).toEqual(expect.arrayContaining(['ssl_ocsp leaf', 'ssl_ocsp_responder http://127.0.0.1:8889', 'resolver 127.0.0.53 [::1]:53']));
    expect(d.some((x) => /^ssl_ocsp_cache shared:\w+:1m$/.test(x))).toBe(true);
    const aia = server(renderNginxConfig(sampleInput({ ocsp: { mode: 'on', responderUrl: null, resolver: '127.0.0.53' } }))).directives;
    expect(aia).toContain('ssl_ocsp on');
    expect(aia.some((x) => x.startsWith('ssl_ocsp_responder'))).toBe(false);
  });

  it('limits protocols as asked and drops the TLS 1.2 cipher list with TLS 1.3 only', () => {
    const d = server(renderNginxConfig(sampleInput({ tlsVersions: ['TLSv1.3'] }))).directives;
    expect(d).toContain('ssl_protocols TLSv1.3');
    expect(d.some((x) => x.startsWith('ssl_ciphers'))).toBe(false);
    expect(server(renderNginxConfig(sampleInput())).directives.some((x) => /^ssl_ciphers ECDHE-/.test(x))).toBe(true);
  });

  it('sends HSTS with always when asked, and not at all when off', () => {
    const on = server(renderNginxConfig(sampleInput({ hsts: { maxAgeSeconds: 600, includeSubdomains: true } })));
    expect(on.directives).toContain('add_header Strict-Transport-Security "max-age=600; includeSubDomains" always');
    // Any add_header in a location would silently drop the server-level one there.
    for (const child of on.children) expect(child.directives.some((d) => d.startsWith('add_header'))).toBe(false);
    expect(renderNginxConfig(sampleInput({ hsts: null }))).not.toMatch(/Strict-Transport-Security/);
  });

  it('listens with ssl on every address, IPv6 included, without http2', () => {
    const d = server(renderNginxConfig(sampleInput({ listen: ['443', '127.0.0.1:8443', '[::]:443'] }))).directives;
    expect(d.filter((x) => x.startsWith('listen'))).toEqual(['listen 443 ssl', 'listen 127.0.0.1:8443 ssl', 'listen [::]:443 ssl']);
    expect(renderNginxConfig(sampleInput())).not.toMatch(/http2/);
  });
});

describe('renderNginxConfig: locations and forwarded headers', () => {
  for (const [label, names] of [['default', DEFAULT_HEADER_NAMES], ['custom', CUSTOM]] as const) {
    it(`sets every certificate and routing header in every proxying location (${label} names, M-5/M-6)`, () => {
      const text = renderNginxConfig(sampleInput({ headerNames: names }));
      const locations = proxyingLocations(text);
      expect(locations.map((l) => l.head)).toEqual(['location = /api/heartbeat', 'location /']);
      expect(server(text).directives.some((d) => d.startsWith('proxy_set_header'))).toBe(false);
      for (const location of locations) {
        const headers = proxyHeaders(location);
        for (const role of HEADER_ROLES) expect(headers.get(names[role].toLowerCase())).toBe(headerVariable(role));
        expect(headers.get('host')).toBe('$host');
        expect(headers.get('x-real-ip')).toBe('$remote_addr');
        expect(headers.get('x-forwarded-for')).toBe('$remote_addr');
        expect(headers.get('x-forwarded-proto')).toBe('$scheme');
        for (const [name, value] of headers) expect(value, name).toMatch(/^(\$[a-z_]+|"")$/);
        // Default names an override replaced are cleared, so a client's copy cannot pass.
        for (const role of HEADER_ROLES) {
          if (names[role] !== DEFAULT_HEADER_NAMES[role]) expect(headers.get(DEFAULT_HEADER_NAMES[role].toLowerCase())).toBe('""');
        }
      }
    });
  }

  it('maps each role to its fixed nginx variable', () => {
    expect(HEADER_ROLES.map(headerVariable)).toEqual([
      '$ssl_client_verify', '$ssl_client_s_dn', '$ssl_client_i_dn', '$ssl_client_serial',
      '$ssl_client_fingerprint', '$ssl_client_v_start', '$ssl_client_v_end', '$ssl_client_escaped_cert',
    ]);
  });

  it('guards the heartbeat with a 401 JSON answer unless the certificate verified', () => {
    const heartbeat = only(server(renderNginxConfig(sampleInput())), 'location = /api/heartbeat');
    const guard = only(heartbeat, 'if ($ssl_client_verify != SUCCESS)');
    const ret = /^return 401 '(.*)'$/.exec(guard.directives[0] ?? '');
    expect(JSON.parse(ret?.[1] ?? '')).toMatchObject({ error: 'client_certificate_required' });
    expect(heartbeat.directives).toContain('default_type application/json');
  });

  it('turns certificate errors 495 and 496 into the clear 401 JSON', () => {
    const s = server(renderNginxConfig(sampleInput()));
    const page = s.directives.find((d) => d.startsWith('error_page'));
    expect(page).toMatch(/^error_page 495 496 =401 (@\w+)$/);
    const named = only(s, `location ${page?.split(' ').at(-1) ?? ''}`);
    const ret = /^return 401 '(.*)'$/.exec(named.directives.find((d) => d.startsWith('return')) ?? '');
    const body = JSON.parse((ret?.[1] ?? '').replace('$ssl_client_verify', 'FAILED:x')) as { error: string; verify: string };
    expect(body).toMatchObject({ error: 'client_certificate_invalid', verify: 'FAILED:x' });
  });

  it('proxies to an upstream block built from the URL, bracketing IPv6', () => {
    const root = readBlocks(renderNginxConfig(sampleInput({ upstreamUrl: 'http://[::1]:9000/' })));
    expect(only(root, 'upstream sentinel_secure_x_api').directives).toEqual(['server [::1]:9000', 'keepalive 16']);
    for (const l of proxyingLocations(renderNginxConfig(sampleInput()))) {
      expect(l.directives).toEqual(expect.arrayContaining(['proxy_pass http://sentinel_secure_x_api', 'proxy_http_version 1.1']));
    }
    expect(renderNginxConfig(sampleInput())).not.toMatch(/proxy_ssl_/);
  });

  it('verifies an https upstream by name, with SNI', () => {
    const text = renderNginxConfig(sampleInput({ upstreamUrl: 'https://api.internal:8443', allowRemoteUpstream: true }));
    expect(server(text).directives).toEqual(expect.arrayContaining([
      'proxy_ssl_verify on', 'proxy_ssl_server_name on', 'proxy_ssl_name api.internal',
      'proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt',
    ]));
    for (const l of proxyingLocations(text)) expect(l.directives).toContain('proxy_pass https://sentinel_secure_x_api');
    expect(only(readBlocks(text), 'upstream sentinel_secure_x_api').directives[0]).toBe('server api.internal:8443');
  });
});
