import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, devicePki, makeCrl, newKeys } from './test-helpers';
import { validatePath } from './validate';
import type { CrlInput, ValidationInput } from './types';

async function setup(): Promise<{ run: (crls: readonly CrlInput[]) => Promise<Awaited<ReturnType<typeof validatePath>>>; pki: Awaited<ReturnType<typeof devicePki>> }> {
  const pki = await devicePki();
  const base: ValidationInput = { leaf: pki.leaf.der, intermediates: [pki.ca.der], anchors: [pki.root.der], at: new Date(), role: 'device' };
  return { pki, run: (crls) => validatePath({ ...base, crls }) };
}

describe('revocation through CRLs', () => {
  it('passes when every issuer has a current CRL that does not list the certificate', async () => {
    const { pki, run } = await setup();
    const r = await run([await makeCrl(pki.root), await makeCrl(pki.ca, { revoked: [{ serial: 'abcdef' }] })]);
    expect(r.failure).toBeNull();
    expect(r.revocationChecked).toBe(true);
  });

  it('reports a revoked leaf with its reason', async () => {
    const { pki, run } = await setup();
    const r = await run([await makeCrl(pki.root), await makeCrl(pki.ca, { revoked: [{ serial: pki.leaf.serial, reason: x509.X509CrlReason.keyCompromise }] })]);
    expect(r.failure).toMatchObject({ rule: 'revocation.revoked', certIndex: 0 });
    expect(r.failure?.message).toContain('keyCompromise');
    expect(r.revocationChecked).toBe(true);
  });

  it('reports a revoked intermediate', async () => {
    const { pki, run } = await setup();
    const r = await run([await makeCrl(pki.root, { revoked: [{ serial: pki.ca.serial }] }), await makeCrl(pki.ca)]);
    expect(r.failure).toMatchObject({ rule: 'revocation.revoked', certIndex: 1 });
  });

  it('refuses an expired CRL', async () => {
    const { pki, run } = await setup();
    const stale = await makeCrl(pki.ca, { thisUpdate: new Date(Date.now() - 3 * DAY), nextUpdate: new Date(Date.now() - HOUR) });
    const r = await run([await makeCrl(pki.root), stale]);
    expect(r.failure?.rule).toBe('revocation.crl-expired');
  });

  it('names the issuer whose CRL is missing (CRL_CHECK_ALL)', async () => {
    const { pki, run } = await setup();
    const r = await run([await makeCrl(pki.root)]);
    expect(r.failure).toMatchObject({ rule: 'revocation.no-crl', certIndex: 0 });
    expect(r.failure?.message).toContain('No CRL from issuer O=Sentinel,CN=Device CA');
  });

  it('refuses a CRL signed by the wrong key', async () => {
    const { pki, run } = await setup();
    const forged = await makeCrl(pki.ca, { signingKey: (await newKeys()).privateKey });
    const r = await run([await makeCrl(pki.root), forged]);
    expect(r.failure?.rule).toBe('revocation.crl-signature');
  });

  it('does no revocation checking without CRLs', async () => {
    const { pki } = await setup();
    const r = await validatePath({ leaf: pki.leaf.der, intermediates: [pki.ca.der], anchors: [pki.root.der], at: new Date(), role: 'device' });
    expect(r.valid).toBe(true);
    expect(r.revocationChecked).toBe(false);
  });
});
