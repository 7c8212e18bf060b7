import { describe, expect, it } from 'vitest';
import { errorsOf, fieldsOf } from './test-helpers';

describe('listen', () => {
  it.each([[['443']], [['127.0.0.1:8443', '[::1]:8443', '[::]:443', '8443']], [['0.0.0.0:443', '[::]:443']], [['[2001:db8::1]:443']]])(
    'accepts %j',
    (listen) => expect(fieldsOf({ listen })).toEqual([]),
  );

  it('needs at least one address', () => {
    expect(fieldsOf({ listen: [] })).toEqual(['listen']);
  });

  it.each([
    ['', /Enter a port/],
    ['0', /not a port/],
    ['65536', /not a port/],
    ['127.0.0.1:0', /not a port/],
    ['localhost:443', /not an IPv4 address/],
    ['256.0.0.1:443', /not an IPv4 address/],
    ['::1:443', /brackets/],
    ['[::1]', /Add the port/],
    ['[::g]:443', /not an IPv6 address/],
    ['*:443', /only the port \(443\)/],
    ['443 ssl', /a space/],
  ])('refuses %j on its own index', (value, message) => {
    const errors = errorsOf({ listen: ['8443', value] });
    expect(errors.map((e) => e.field)).toEqual(['listen.1']);
    expect(errors[0]?.message).toMatch(message);
  });

  it.each([
    [['443', '0.0.0.0:443']],
    [['[::1]:443', '[0:0:0:0:0:0:0:1]:443']],
    [['127.0.0.1:8443', '127.0.0.1:8443']],
  ])('refuses the same socket twice: %j', (listen) => {
    const errors = errorsOf({ listen });
    expect(errors.map((e) => e.field)).toEqual(['listen.1']);
    expect(errors[0]?.message).toMatch(/Same socket as listen\.0/);
  });
});

describe('upstream URL', () => {
  it.each(['http://127.0.0.1:8000', 'http://127.8.9.10', 'http://localhost:8000', 'http://LOCALHOST:8000/', 'http://[::1]:8000', 'https://127.0.0.1:8443', 'http://[::ffff:127.0.0.1]:8000'])(
    'accepts the loopback %s',
    (upstreamUrl) => expect(fieldsOf({ upstreamUrl })).toEqual([]),
  );

  it.each(['http://10.0.0.5:8000', 'http://[::2]:8000', 'http://api.internal:8000', 'http://128.0.0.1'])('refuses the remote %s and says how to allow it', (upstreamUrl) => {
    const errors = errorsOf({ upstreamUrl });
    expect(errors.map((e) => e.field)).toEqual(['upstreamUrl']);
    expect(errors[0]?.message).toMatch(/not a loopback address.*allowRemoteUpstream/);
    expect(fieldsOf({ upstreamUrl, allowRemoteUpstream: true })).toEqual([]);
  });

  it.each([
    ['', /Enter the API's URL/],
    ['127.0.0.1:8000', /Start with http/],
    ['ftp://127.0.0.1', /not ftp/],
    ['http://user:pw@127.0.0.1:8000', /user@/],
    ['http://127.0.0.1:8000/api', /Remove the path "\/api"/],
    ['http://127.0.0.1:8000?x=1', /query/],
    ['http://127.0.0.1:70000', /not a port/],
    ['http://:8000', /Give a host/],
    ['http://256.0.0.1', /not an IP address or DNS host name/],
  ])('refuses %j', (upstreamUrl, message) => {
    const errors = errorsOf({ upstreamUrl, allowRemoteUpstream: true });
    expect(errors.map((e) => e.field)).toEqual(['upstreamUrl']);
    expect(errors[0]?.message).toMatch(message);
  });
});

describe('OCSP', () => {
  const on = (responderUrl: string | null, resolver: string | null) => ({ ocsp: { mode: 'on' as const, responderUrl, resolver } });

  it('accepts an IP responder without a resolver, and a named one with a resolver', () => {
    expect(fieldsOf(on('http://127.0.0.1:8889', null))).toEqual([]);
    expect(fieldsOf(on('http://ocsp.example.com/ocsp', '127.0.0.53 [::1]:53 10.0.0.2:5353'))).toEqual([]);
    expect(fieldsOf({ ocsp: { mode: 'leaf', responderUrl: 'http://[::1]:8889', resolver: null } })).toEqual([]);
  });

  it('refuses an https responder, which nginx rejects', () => {
    const errors = errorsOf(on('https://127.0.0.1:8889', null));
    expect(errors.map((e) => e.field)).toEqual(['ocsp.responderUrl']);
    expect(errors[0]?.message).toMatch(/http:\/\/ only/);
  });

  it('needs a resolver for a host-name responder or for the AIA responder', () => {
    const named = errorsOf(on('http://ocsp.example.com', null));
    expect(named.map((e) => e.field)).toEqual(['ocsp.resolver']);
    expect(named[0]?.message).toMatch(/ocsp\.example\.com/);
    expect(fieldsOf(on(null, null))).toEqual(['ocsp.resolver']);
    expect(fieldsOf(on('', ''))).toEqual(['ocsp.resolver']);
  });

  it.each(['dns.example', '127.0.0.1:99999', '::1', '[::1', '127.0.0.1/8'])('refuses the resolver entry %j', (resolver) => {
    const errors = errorsOf(on(null, `127.0.0.53 ${resolver}`));
    expect(errors.map((e) => e.field)).toEqual(['ocsp.resolver']);
  });

  it.each([['http://user@127.0.0.1', /user@/], ['http://127.0.0.1/ocsp?x=1', /query/], ['ftp://127.0.0.1', /not ftp/]])('refuses the responder %j', (url, message) => {
    const errors = errorsOf(on(url, '127.0.0.53'));
    expect(errors.map((e) => e.field)).toEqual(['ocsp.responderUrl']);
    expect(errors[0]?.message).toMatch(message);
  });

  it('ignores resolver rules while OCSP is off', () => {
    expect(fieldsOf({ ocsp: { mode: 'off' } })).toEqual([]);
  });
});
