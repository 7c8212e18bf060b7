import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBridge, SAMPLE_INFO } from '../test-support/fake-bridge';
import { resolveBridge } from './resolve-bridge';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('resolveBridge', () => {
  it('uses window.bridge when the preload set one', () => {
    const { bridge } = fakeBridge();
    expect(resolveBridge({ bridge, location: { origin: 'app://renderer' } })).toBe(bridge);
  });

  it('falls back to the HTTP bridge on the page origin when there is no preload', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: SAMPLE_INFO })));
    vi.stubGlobal('fetch', fetchMock);
    const resolved = resolveBridge({ location: { origin: 'http://127.0.0.1:9999' } });
    expect(await resolved.commands['app.info']({})).toEqual({ ok: true, value: SAMPLE_INFO });
    expect(fetchMock).toHaveBeenCalledWith('http://127.0.0.1:9999/rpc/app.info', expect.objectContaining({ method: 'POST' }));
  });

  it('ignores a window.bridge that is not bridge-shaped', () => {
    const fetchMock = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetchMock);
    const resolved = resolveBridge({ bridge: { commands: null }, location: { origin: 'http://127.0.0.1:1' } });
    expect(typeof resolved.commands['app.info']).toBe('function');
    expect(typeof resolved.on).toBe('function');
  });

  it('reads the real window by default', () => {
    const { bridge } = fakeBridge();
    vi.stubGlobal('bridge', bridge);
    expect(resolveBridge()).toBe(bridge);
  });
});
