import { describe, expect, it } from 'vitest';
import type { Attempt } from './attempt';
import { echoedHeaders, judgeForgedHeaders, judgeMatrixAttempt } from './matrix-verdicts';

const res = (status: number, body = ''): Attempt => ({ kind: 'response', status, body, ms: 2 });
const INVALID = '{"error":"client_certificate_invalid","verify":"FAILED:certificate has expired"}';

describe('judgeMatrixAttempt', () => {
  it("rejected with the proxy's reason is ok when the case must be rejected", () => {
    const r = judgeMatrixAttempt('expired', 'reject', res(401, INVALID));
    expect(r).toMatchObject({ outcome: 'rejected', status: 401, ok: true });
    expect(r.detail).toMatch(/FAILED:certificate has expired/);
  });

  it('accepted when it must be rejected is flagged with what it means', () => {
    const r = judgeMatrixAttempt('impostor-ca-name', 'reject', res(200, '{}'));
    expect(r).toMatchObject({ outcome: 'accepted', ok: false });
    expect(r.detail).toMatch(/must be rejected: .*copies the real CA's name.*optional_no_ca/);
  });

  it('a valid certificate must pass; a refusal of it is flagged', () => {
    expect(judgeMatrixAttempt('leaf-with-chain', 'accept', res(200)).ok).toBe(true);
    expect(judgeMatrixAttempt('leaf-with-chain', 'accept', res(401, INVALID))).toMatchObject({ outcome: 'rejected', ok: false });
  });

  it('a TLS-level refusal counts as rejected; a dead proxy is an error, never a pass', () => {
    const tls: Attempt = { kind: 'error', error: 'connection-reset', code: 'ECONNRESET', message: 'socket hang up', phase: 'response', ms: 1 };
    expect(judgeMatrixAttempt('revoked', 'reject', tls)).toMatchObject({ outcome: 'rejected', error: 'connection-reset', ok: true });
    const refused: Attempt = { kind: 'error', error: 'connection-refused', code: 'ECONNREFUSED', message: 'x', phase: 'connect', ms: 1 };
    expect(judgeMatrixAttempt('revoked', 'reject', refused)).toMatchObject({ outcome: 'error', ok: false });
  });

  it('a 5xx means the proxy passed the request on; a 404 cannot be judged', () => {
    expect(judgeMatrixAttempt('wrong-ca', 'reject', res(502)).outcome).toBe('accepted');
    expect(judgeMatrixAttempt('wrong-ca', 'reject', res(404)).outcome).toBe('error');
  });
});

describe('judgeForgedHeaders', () => {
  const echo = (headers: Record<string, string | string[]>): Attempt => res(200, JSON.stringify({ method: 'GET', headers }));

  it('passes when the echo shows none of the forged values', () => {
    const r = judgeForgedHeaders([{ label: 'without a certificate', attempt: echo({ 'x-ssl-client-verify': 'NONE' }) }], 'tok', 8);
    expect(r).toMatchObject({ outcome: 'rejected', ok: true });
  });

  it('names every forged header that reached the API', () => {
    const r = judgeForgedHeaders(
      [
        { label: 'anon', attempt: echo({ 'x-ssl-client-s-dn': 'forged-tok' }) },
        { label: 'cert', attempt: echo({ 'x-ssl-client-verify': ['SUCCESS', 'forged-tok'] }) },
      ],
      'tok',
      8,
    );
    expect(r).toMatchObject({ outcome: 'accepted', ok: false });
    expect(r.detail).toMatch(/x-ssl-client-s-dn \(anon\), x-ssl-client-verify \(cert\)/);
  });

  it('is skipped, not passed, when nothing echoes headers (a real platform)', () => {
    const r = judgeForgedHeaders([{ label: 'anon', attempt: res(200, '{"status":"ok"}') }], 'tok', 8);
    expect(r).toMatchObject({ outcome: 'skipped', ok: false, status: 200 });
  });

  it('echoedHeaders ignores bodies that are not an echo', () => {
    expect(echoedHeaders('<html>')).toBeNull();
    expect(echoedHeaders('{"headers":[1]}')).toBeNull();
    expect(echoedHeaders('{"headers":{"A":"b"}}')).toEqual({ a: 'b' });
  });
});
