import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createAppProtocolHandler } from './app-protocol';

let base: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sc-proto-'));
  await mkdir(join(base, 'renderer'));
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>ok</title>');
  await writeFile(join(base, 'outside.html'), 'secret');
  handler = createAppProtocolHandler(join(base, 'renderer'));
});
afterAll(async () => rm(base, { recursive: true, force: true }));

describe('app:// protocol handler', () => {
  it('serves the renderer with the shared CSP header', async () => {
    const response = await handler(new Request('app://console/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<title>ok</title>');
  });

  it('refuses traversal out of the renderer folder', async () => {
    const encoded = await handler(new Request('app://console/..%2foutside.html'));
    expect(encoded.status).toBe(403);
    expect(await encoded.text()).not.toContain('secret');
    // The URL parser folds %2e%2e segments before we see them; the result must still stay inside.
    const folded = await handler(new Request('app://console/%2e%2e/outside.html'));
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('secret');
  });

  it('refuses other hosts and methods', async () => {
    expect((await handler(new Request('app://other/index.html'))).status).toBe(403);
    expect((await handler(new Request('app://console/index.html', { method: 'POST', body: 'x' }))).status).toBe(403);
  });

  it('answers 404 with the CSP for a missing file', async () => {
    const response = await handler(new Request('app://console/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
