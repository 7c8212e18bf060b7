import { describe, expect, it } from 'vitest';
import { CommandFailure } from '../../shared/ipc/errors';
import type { Router } from '../../shared/ipc/types';
import { dispatch } from './dispatch';
import { createNodeRouterDeps } from './node-services';
import { createRouter } from './router';
import { transportTestRouter } from './test-router';

const events = { emit: () => undefined };
const app = {
  name: 'Sentinel Console',
  version: '1.2.3',
  host: 'cli' as const,
  dataDir: '/tmp/sc',
  platform: 'linux',
  arch: 'x64',
  processVersions: { node: '20.1.0', v8: '11.3' },
};

describe('dispatch', () => {
  it('answers app.info with the host facts wrapped in ok', async () => {
    const result = await dispatch(createRouter(createNodeRouterDeps(app, events)), 'app.info', {});
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Sentinel Console',
        version: '1.2.3',
        host: 'cli',
        platform: 'linux',
        arch: 'x64',
        dataDir: '/tmp/sc',
        versions: { node: '20.1.0', electron: null, chromium: null, v8: '11.3' },
      },
    });
  });

  it('reports electron and chromium versions when running under Electron', async () => {
    const router = createRouter(createNodeRouterDeps({ ...app, host: 'electron', processVersions: { node: '24', v8: '14', electron: '45.4.1', chrome: '142.0' } }, events));
    const result = await dispatch(router, 'app.info', undefined);
    expect(result.ok && result.value.versions).toEqual({ node: '24', electron: '45.4.1', chromium: '142.0', v8: '14' });
  });

  it('refuses unknown command names without calling anything', async () => {
    const result = await dispatch(createRouter(createNodeRouterDeps(app, events)), 'fs.readAnything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });

  it('refuses input that does not match the schema, naming the command', async () => {
    const result = await dispatch(createRouter(createNodeRouterDeps(app, events)), 'app.info', { extra: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('app.info');
    }
  });

  it.each(['not a url', 'x', 'https://'])('answers a proxy URL that is no URL at all (%j) as invalid input, not a crash', async (baseUrl) => {
    const result = await dispatch(createRouter(createNodeRouterDeps(app, events)), 'probe.run', { target: { kind: 'adhoc', profile: { name: 'p', baseUrl } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('an https:// URL') } });
  });

  it('keeps the code of a CommandFailure and wraps other errors as INTERNAL', async () => {
    const failing = (err: unknown): Router => transportTestRouter({ 'app.info': async () => Promise.reject(err) });
    expect(await dispatch(failing(new CommandFailure('TIMEOUT', 'took too long')), 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'TIMEOUT', message: 'took too long' },
    });
    const internal = await dispatch(failing(new Error('boom')), 'app.info', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!internal.ok) expect(internal.error.message).toContain('boom');
  });
});
