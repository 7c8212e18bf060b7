import { join } from 'node:path';
import { MATRIX_CASES, MATRIX_FILES, type MatrixCaseId, type MatrixResult, type ProxyProfile } from '../../../shared/model/probe';
import { readLeaf } from '../../../shared/probe/certificates';
import { type Expected, judgeForgedHeaders, judgeMatrixAttempt, skippedCase } from '../../../shared/probe/matrix-verdicts';
import type { CertRequestResult } from './cert-request';
import { type FileResult, type ProbeFs, readIdentity } from './files';
import { httpsAttempt } from './https-attempt';
import { ANONYMOUS_DEVICE_ID, heartbeatBody } from './smoke';
import type { ConnectionSettings, TlsIdentity } from './target';

export interface MatrixDeps {
  readonly fs: ProbeFs;
  readonly conn: ConnectionSettings;
  /** Shared with the TLS details: whether the proxy advertises the leaf's issuer. */
  readonly certRequest: () => Promise<CertRequestResult>;
  /** Unique per run, so a forged value found in an echo is certainly ours. */
  readonly token: string;
}

/** Reads each `<name>.pem`/`<name>.key` pair once (valid-chain serves two cases). */
function identityLoader(fs: ProbeFs, dir: string | null): (name: string) => Promise<FileResult<TlsIdentity>> {
  const cache = new Map<string, Promise<FileResult<TlsIdentity>>>();
  return (name) => {
    if (dir === null) return Promise.resolve({ ok: false, message: 'the profile has no matrix directory with test certificates' });
    let pending = cache.get(name);
    if (!pending) {
      pending = readIdentity(fs, join(dir, `${name}.pem`), join(dir, `${name}.key`));
      cache.set(name, pending);
    }
    return pending;
  };
}

function forgedHeaders(profile: ProxyProfile, token: string): Record<string, string> {
  return Object.fromEntries(Object.values(profile.headerNames).map((name) => [name, `forged-${token}`]));
}

interface Expectation {
  readonly expected: Expected;
  readonly note: string;
  /** Added to the detail only if the leaf was let through. */
  readonly ifAccepted: string;
}

/** leaf-without-chain passes when the proxy's own CA file completes the chain; its CertificateRequest tells. */
async function leafWithoutChainExpectation(deps: MatrixDeps, identity: TlsIdentity): Promise<Expectation> {
  const leaf = readLeaf(identity.cert);
  const request = await deps.certRequest();
  if (!leaf.ok) return { expected: 'reject', note: '', ifAccepted: '' };
  if (request.known && request.acceptableCas.includes(leaf.leaf.issuer)) {
    return {
      expected: 'accept',
      note: `Expected to pass: the proxy advertises the leaf's issuer (${leaf.leaf.issuer}) among its client CAs, so it holds the intermediate and completes the chain itself.`,
      ifAccepted: '',
    };
  }
  const unknown = request.known ? '' : "The proxy did not show its CA names (no TLS 1.2), so its CA file may hold the intermediate; if so, this is harmless.";
  return { expected: 'reject', note: '', ifAccepted: unknown };
}

async function runCase(id: MatrixCaseId, profile: ProxyProfile, deps: MatrixDeps, load: (name: string) => Promise<FileResult<TlsIdentity>>): Promise<MatrixResult> {
  const { conn } = deps;
  const live = profile.paths.live;
  if (id === 'no-cert') {
    const body = heartbeatBody(ANONYMOUS_DEVICE_ID);
    const attempt = await httpsAttempt(conn, { method: 'POST', path: profile.paths.heartbeat, headers: { 'content-type': 'application/json' }, body, identity: null });
    return judgeMatrixAttempt(id, 'reject', attempt);
  }
  const name = MATRIX_FILES[id];
  const identity = await load(name);
  if (id === 'forged-headers') {
    const headers = forgedHeaders(profile, deps.token);
    const variants = [{ label: 'without a certificate', identity: null }, ...(identity.ok ? [{ label: `with ${name}`, identity: identity.value }] : [])];
    const attempts = await Promise.all(
      variants.map(async (v) => ({ label: v.label, attempt: await httpsAttempt(conn, { method: 'GET', path: live, headers, identity: v.identity }) })),
    );
    const result = judgeForgedHeaders(attempts, deps.token, Object.keys(headers).length);
    return identity.ok ? result : { ...result, detail: `${result.detail} Only sent without a certificate: ${identity.message}.` };
  }
  const expected: Expected = id === 'leaf-with-chain' ? 'accept' : 'reject';
  if (!identity.ok) return skippedCase(id, expected, `Skipped: ${identity.message}.`);
  const [expectation, attempt] = await Promise.all([
    id === 'leaf-without-chain' ? leafWithoutChainExpectation(deps, identity.value) : { expected, note: '', ifAccepted: '' },
    httpsAttempt(conn, { method: 'GET', path: live, identity: identity.value }),
  ]);
  const result = judgeMatrixAttempt(id, expectation.expected, attempt, expectation.note);
  return result.outcome === 'accepted' && expectation.ifAccepted !== '' ? { ...result, detail: `${result.detail} ${expectation.ifAccepted}` } : result;
}

/**
 * The enforcement matrix: one connection per case (two for forged headers), all at once, so a
 * proxy that never answers costs one connect timeout, not nine. Certificate cases GET the live
 * path, which changes no platform state; only no-cert posts a heartbeat, which an enforcing
 * proxy refuses before it reaches the platform.
 */
export function runMatrix(profile: ProxyProfile, deps: MatrixDeps): Promise<MatrixResult[]> {
  const load = identityLoader(deps.fs, profile.matrixDir);
  return Promise.all(MATRIX_CASES.map((id) => runCase(id, profile, deps, load)));
}
