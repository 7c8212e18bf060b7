import { describe, expect, it } from 'vitest';
import type { Attempt } from './attempt';
import { judgeAnonymousHeartbeat, judgeAuthenticatedHeartbeat, judgeHealth } from './smoke-verdicts';

/** nginx's built-in error page, as nginx 1.22 writes it. */
const nginxPage = (status: number, title: string): string =>
  `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} Bad Request</h1></center>\r\n<center>${title}</center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n`;
const res = (status: number, body = ''): Attempt => ({ kind: 'response', status, body, ms: 3 });
const err = (error: 'handshake-failure' | 'connection-refused' | 'unknown-ca', code?: string): Attempt => ({
  kind: 'error',
  error,
  code,
  message: 'raw',
  phase: 'connect',
  ms: 1,
});
const REQUIRED = '{"error":"client_certificate_required","detail":"/api/heartbeat needs a verified device certificate."}';
const INVALID = '{"error":"client_certificate_invalid","detail":"...","verify":"FAILED:certificate revoked"}';

describe('live and ready', () => {
  it('pass on 2xx only', () => {
    expect(judgeHealth('live', '/api/health/live', res(200)).ok).toBe(true);
    expect(judgeHealth('ready', '/api/health/ready', res(204)).ok).toBe(true);
  });

  it('explain a 502 from nginx as the API being unreachable behind a working proxy', () => {
    const v = judgeHealth('ready', '/api/health/ready', res(502, nginxPage(502, 'Bad Gateway')));
    expect(v).toMatchObject({ ok: false, error: null });
    expect(v.reason).toMatch(/502 Bad Gateway.*cannot reach the API upstream/);
  });

  it('say when the proxy demands a certificate on an open path', () => {
    const v = judgeHealth('live', '/api/health/live', res(400, nginxPage(400, 'No required SSL certificate was sent')));
    expect(v.reason).toMatch(/demands a client certificate.*ssl_verify_client on/);
  });

  it('carry the classified connection failure', () => {
    const v = judgeHealth('live', '/api/health/live', err('connection-refused'));
    expect(v).toMatchObject({ ok: false, error: 'connection-refused' });
    expect(v.reason).toMatch(/^GET \/api\/health\/live failed: Nothing accepted the connection/);
  });
});

describe('heartbeat without a certificate', () => {
  it('passes on 401 and says when the proxy itself answered', () => {
    const v = judgeAnonymousHeartbeat('/api/heartbeat', res(401, REQUIRED));
    expect(v.ok).toBe(true);
    expect(v.reason).toMatch(/401 from the proxy/);
    expect(judgeAnonymousHeartbeat('/api/heartbeat', res(401)).ok).toBe(true);
  });

  it('fails a 2xx as mTLS not enforced', () => {
    const v = judgeAnonymousHeartbeat('/api/heartbeat', res(200, '{}'));
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/proxy accepted a heartbeat without a client certificate: device mTLS is not enforced/);
  });

  it("fails nginx's 400 for ssl_verify_client on, saying enforcement exists but not the 401 the platform expects", () => {
    const v = judgeAnonymousHeartbeat('/api/heartbeat', res(400, nginxPage(400, 'No required SSL certificate was sent')));
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/certificate is enforced, but not with the 401/);
  });

  it('fails a 5xx: the proxy forwarded it instead of refusing', () => {
    expect(judgeAnonymousHeartbeat('/api/heartbeat', res(502, nginxPage(502, 'Bad Gateway'))).reason).toMatch(/forwarded a heartbeat without a client certificate/);
  });

  it('fails a TLS-level refusal, naming it as enforcement for every client', () => {
    const v = judgeAnonymousHeartbeat('/api/heartbeat', err('handshake-failure', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'));
    expect(v).toMatchObject({ ok: false, error: 'handshake-failure' });
    expect(v.reason).toMatch(/refused at the TLS level/);
  });
});

describe('heartbeat with the device certificate', () => {
  const judge = (a: Attempt) => judgeAuthenticatedHeartbeat('/api/heartbeat', 'device-01', a);

  it('passes on 2xx', () => {
    expect(judge(res(200, '{"commands":[]}')).ok).toBe(true);
  });

  it("passes on the platform's own JSON 4xx: the proxy let the certificate through", () => {
    const v = judge(res(404, '{"error":"unknown_device"}'));
    expect(v.ok).toBe(true);
    expect(v.reason).toMatch(/accepted the certificate and forwarded the heartbeat; the platform answered 404 \(unknown_device\)/);
  });

  it("fails the proxy's own certificate rejections, quoting the verify result", () => {
    const v = judge(res(401, INVALID));
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/rejected by the proxy \(401 client_certificate_invalid: FAILED:certificate revoked\)/);
    expect(judge(res(400, nginxPage(400, 'The SSL certificate error'))).reason).toMatch(/rejected by the proxy \(400 The SSL certificate error\)/);
    expect(judge(res(403, nginxPage(403, 'Forbidden'))).ok).toBe(false);
  });

  it('fails when the API behind the proxy fails', () => {
    expect(judge(res(502, nginxPage(502, 'Bad Gateway'))).reason).toMatch(/accepted the certificate, but the API behind it failed/);
  });
});
