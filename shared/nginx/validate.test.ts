import { describe, expect, it } from 'vitest';
import type { NginxRenderDraftInput } from '../ipc/nginx-schemas';
import { DEFAULT_HEADER_NAMES } from './types';
import { validateRenderDraft } from './validate';
import { draft, errorsOf } from './validate/test-helpers';
import { sampleInput } from './render/test-helpers';

describe('validateRenderDraft', () => {
  it('accepts the installer example and fills in the defaults', () => {
    const result = validateRenderDraft(draft({ envFilePath: '/opt/sentinel-secure-x/.env' }));
    expect(result).toEqual({
      ok: true,
      value: sampleInput(),
    });
  });

  it('merges partial header names over the defaults', () => {
    const result = validateRenderDraft(draft({ headerNames: { serial: 'X-Device-Serial' } }));
    expect(result.ok && result.value.headerNames).toEqual({ ...DEFAULT_HEADER_NAMES, serial: 'X-Device-Serial' });
  });

  it('reads empty optional fields as "none" and orders TLS versions once each', () => {
    const result = validateRenderDraft(
      draft({ crlPath: '', envFilePath: '', tlsVersions: ['TLSv1.3', 'TLSv1.2'], ocsp: { mode: 'on', responderUrl: 'http://127.0.0.1:8889', resolver: '' } }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ crlPath: null, envFilePath: null, tlsVersions: ['TLSv1.2', 'TLSv1.3'] });
    expect(result.value.ocsp).toEqual({ mode: 'on', responderUrl: 'http://127.0.0.1:8889', resolver: null });
    const twice = validateRenderDraft(draft({ tlsVersions: ['TLSv1.3', 'TLSv1.3'] }));
    expect(twice.ok && twice.value.tlsVersions).toEqual(['TLSv1.3']);
  });

  it('returns every refused field at once', () => {
    const errors = errorsOf({
      serverName: '',
      tlsCertPath: 'server.crt',
      tlsKeyPath: '/etc/../key',
      clientCaPath: '/ca;',
      upstreamUrl: 'http://10.1.1.1:8000',
      listen: ['443', '443', '0'],
      verifyDepth: 11,
      tlsVersions: [],
      hsts: { maxAgeSeconds: -1 },
      ocsp: { mode: 'on', responderUrl: 'https://127.0.0.1', resolver: null },
      headerNames: { serial: 'Host', cert: 'x-ssl-client-verify' },
    });
    expect(errors.map((e) => e.field)).toEqual([
      'serverName', 'tlsCertPath', 'tlsKeyPath', 'clientCaPath', 'upstreamUrl', 'listen.1', 'listen.2',
      'ocsp.responderUrl', 'verifyDepth', 'tlsVersions', 'hsts.maxAgeSeconds', 'headerNames.serial', 'headerNames.cert',
    ]);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(10);
  });
});

/** A character, what the message must say about it. */
const INJECTIONS: [string, RegExp][] = [
  [';', /";" \(semicolon\)/],
  ['{', /"\{"/],
  ['}', /"\}"/],
  ['"', /'"' \(double quote\)/],
  ["'", /"'" \(single quote\)/],
  ['\\', /"\\" \(backslash\)/],
  ['#', /"#"/],
  ['$', /"\$"/],
  [' ', /a space/],
  ['\t', /a tab/],
  ['\n', /a line break/],
  ['\r', /a carriage return/],
  ['\u0000', /U\+0000/],
  ['\u001b', /U\+001B/],
  ['\u007f', /U\+007F/],
  ['\u202e', /U\+202E/],
];

/** Each text field with a valid value and a way to put a character into its middle. */
const FIELDS: [field: string, inject: (ch: string) => Partial<NginxRenderDraftInput>][] = [
  ['serverName', (c) => ({ serverName: `sentinel${c}.example.com` })],
  ['tlsCertPath', (c) => ({ tlsCertPath: `/etc/nginx/${c}server.crt` })],
  ['tlsKeyPath', (c) => ({ tlsKeyPath: `/etc/nginx/server${c}.key` })],
  ['clientCaPath', (c) => ({ clientCaPath: `/etc/nginx/ca.crt${c}` })],
  ['crlPath', (c) => ({ crlPath: `/etc/${c}crl.pem` })],
  ['envFilePath', (c) => ({ envFilePath: `/opt/app/${c}.env` })],
  ['upstreamUrl', (c) => ({ upstreamUrl: `http://127.0.0.1:80${c}00` })],
  ['listen.1', (c) => ({ listen: ['443', `127.0.0.1:${c}8443`] })],
  ['ocsp.responderUrl', (c) => ({ ocsp: { mode: 'on', responderUrl: `http://127.0.0.1:8889/${c}ocsp`, resolver: null } })],
  ['ocsp.resolver', (c) => ({ ocsp: { mode: 'on', responderUrl: null, resolver: `127.0.0.53 127.0.${c}0.1` } })],
  ...(['verify', 'subjectDn', 'issuerDn', 'serial', 'fingerprint', 'validFrom', 'validTo', 'cert'] as const).map(
    (role): [string, (c: string) => Partial<NginxRenderDraftInput>] => [`headerNames.${role}`, (c) => ({ headerNames: { [role]: `X-Device${c}-Id` } })],
  ),
];

describe('validateRenderDraft refuses nginx syntax in every field, naming the field and the character', () => {
  for (const [field, inject] of FIELDS) {
    it(field, () => {
      for (const [ch, said] of INJECTIONS) {
        // The resolver list is space-separated by definition; a space there splits entries instead.
        if (field === 'ocsp.resolver' && ch === ' ') continue;
        const errors = errorsOf(inject(ch));
        expect(errors, JSON.stringify(ch)).toHaveLength(1);
        expect(errors[0]?.field).toBe(field);
        expect(errors[0]?.message, JSON.stringify(ch)).toMatch(said);
        expect(errors[0]?.message).toMatch(/not escaped/);
      }
      expect(errorsOf(inject(''))).toEqual([]);
    });
  }
});
