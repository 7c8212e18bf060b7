import type * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { type TestCert, makeCert, subtree } from './test-helpers';
import { validatePath } from './validate';

async function check(root: TestCert, leafName: string, san?: x509.JsonGeneralNames, intermediates: readonly TestCert[] = []): Promise<string | null> {
  const issuer = intermediates[0] ?? root;
  const leaf = await makeCert({ name: leafName, issuer, san });
  const r = await validatePath({ leaf: leaf.der, intermediates: intermediates.map((c) => c.der), anchors: [root.der], at: new Date(), role: 'any' });
  return r.failure?.rule ?? null;
}

describe('name constraints', () => {
  it('DNS: permitted subtree includes subdomains, excluded wins', async () => {
    const root = await makeCert({ name: 'CN=Root', permitted: [subtree('dns', 'example.com')], excluded: [subtree('dns', 'bad.example.com')] });
    expect(await check(root, 'CN=a', [{ type: 'dns', value: 'example.com' }])).toBeNull();
    expect(await check(root, 'CN=a', [{ type: 'dns', value: 'dev.example.com' }])).toBeNull();
    expect(await check(root, 'CN=a', [{ type: 'dns', value: 'notexample.com' }])).toBe('name-constraints.violated');
    expect(await check(root, 'CN=a', [{ type: 'dns', value: 'x.bad.example.com' }])).toBe('name-constraints.violated');
  });

  it('IP: CIDR ranges for IPv4 and IPv6', async () => {
    const root = await makeCert({ name: 'CN=Root', permitted: [subtree('ip', '10.0.0.0/8'), subtree('ip', 'fd00::/8')] });
    expect(await check(root, 'CN=a', [{ type: 'ip', value: '10.20.30.40' }])).toBeNull();
    expect(await check(root, 'CN=a', [{ type: 'ip', value: 'fd12::1' }])).toBeNull();
    expect(await check(root, 'CN=a', [{ type: 'ip', value: '192.168.1.1' }])).toBe('name-constraints.violated');
    expect(await check(root, 'CN=a', [{ type: 'ip', value: '2001:db8::1' }])).toBe('name-constraints.violated');
  });

  it('email: host, domain and mailbox forms', async () => {
    const root = await makeCert({ name: 'CN=Root', permitted: [subtree('email', 'example.com'), subtree('email', '.corp.example')], excluded: [subtree('email', 'mallory@example.com')] });
    expect(await check(root, 'CN=a', [{ type: 'email', value: 'ops@example.com' }])).toBeNull();
    expect(await check(root, 'CN=a', [{ type: 'email', value: 'ops@eu.corp.example' }])).toBeNull();
    expect(await check(root, 'CN=a', [{ type: 'email', value: 'ops@corp.example' }])).toBe('name-constraints.violated');
    expect(await check(root, 'CN=a', [{ type: 'email', value: 'mallory@example.com' }])).toBe('name-constraints.violated');
    expect(await check(root, 'CN=a, E=ops@evil.test')).toBe('name-constraints.violated');
  });

  it('directoryName: applies to the subject DN of every later certificate', async () => {
    const root = await makeCert({ name: 'CN=Root', permitted: [subtree('dn', 'O=Sentinel')] });
    expect(await check(root, 'O=Sentinel, CN=device-1')).toBeNull();
    expect(await check(root, 'O=sentinel,  CN=device-2')).toBeNull();
    expect(await check(root, 'O=Other, CN=device-3')).toBe('name-constraints.violated');
    const ca = await makeCert({ name: 'O=Other, CN=CA', issuer: root, ca: true });
    expect(await check(root, 'O=Sentinel, CN=device-4', undefined, [ca])).toBe('name-constraints.violated');
  });

  it('constraints of one form leave other forms alone; invalid constraints are refused', async () => {
    const root = await makeCert({ name: 'CN=Root', permitted: [subtree('dns', 'example.com')] });
    expect(await check(root, 'CN=a', [{ type: 'ip', value: '192.0.2.1' }])).toBeNull();
    const wildcard = await makeCert({ name: 'CN=Root', permitted: [subtree('dns', '*.example.com')] });
    expect(await check(wildcard, 'CN=a', [{ type: 'dns', value: 'a.example.com' }])).toBe('name-constraints.invalid');
  });

  it('intersects constraints down the path', async () => {
    const root = await makeCert({ name: 'CN=Root', permitted: [subtree('dns', 'example.com')] });
    const ca = await makeCert({ name: 'CN=CA', issuer: root, ca: true, permitted: [subtree('dns', 'other.test'), subtree('dns', 'dev.example.com')], san: [{ type: 'dns', value: 'ca.example.com' }] });
    expect(await check(root, 'CN=a', [{ type: 'dns', value: 'x.dev.example.com' }], [ca])).toBeNull();
    expect(await check(root, 'CN=a', [{ type: 'dns', value: 'x.other.test' }], [ca])).toBe('name-constraints.violated');
  });
});
