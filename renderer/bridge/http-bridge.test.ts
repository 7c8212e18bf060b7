import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../shared/model/app-info';
import { SAMPLE_INFO } from '../test-support/fake-bridge';
import { createHttpBridge, UNAVAILABLE_MESSAGE, type EventSourceLike, type FetchLike } from './http-bridge';

const ORIGIN = 'http://127.0.0.1:4321';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function fakeFetch(answer: () => Promise<Response>) {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl: FetchLike = (url, init) => {
    seen.push({ url, init });
    return answer();
  };
  return { fetchImpl, seen };
}

describe('createHttpBridge commands', () => {
  it('POSTs the JSON input to /rpc/<name> on the origin, same-origin credentials', async () => {
    const { fetchImpl, seen } = fakeFetch(async () => jsonResponse(200, { ok: true, value: SAMPLE_INFO }));
    await createHttpBridge(ORIGIN, fetchImpl).commands['app.info']({});
    expect(seen).toHaveLength(1);
    const [call] = seen;
    expect(call?.url).toBe(`${ORIGIN}/rpc/app.info`);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(call?.init.body).toBe('{}');
  });

  it('passes an ok Result through unchanged', async () => {
    const { fetchImpl } = fakeFetch(async () => jsonResponse(200, { ok: true, value: SAMPLE_INFO }));
    const result = await createHttpBridge(ORIGIN, fetchImpl).commands['app.info']({});
    expect(result).toEqual({ ok: true, value: SAMPLE_INFO satisfies AppInfo });
  });

  it('passes a command error Result through', async () => {
    const error = { code: 'INVALID_INPUT', message: 'Unexpected key "x".' };
    const { fetchImpl } = fakeFetch(async () => jsonResponse(200, { ok: false, error }));
    expect(await createHttpBridge(ORIGIN, fetchImpl).commands['app.info']({})).toEqual({ ok: false, error });
  });

  it('passes a 403 refusal from the host through with its code and message', async () => {
    const error = { code: 'FORBIDDEN', message: 'Origin "http://evil" is not this console\'s origin.' };
    const { fetchImpl } = fakeFetch(async () => jsonResponse(403, { ok: false, error }));
    expect(await createHttpBridge(ORIGIN, fetchImpl).commands['app.info']({})).toEqual({ ok: false, error });
  });

  it('turns a rejected fetch into UNAVAILABLE instead of throwing', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createHttpBridge(ORIGIN, fetchImpl).commands['app.info']({});
    expect(result).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE } });
    expect(UNAVAILABLE_MESSAGE).toMatch(/unreachable/);
    expect(UNAVAILABLE_MESSAGE).toContain('npm run dev:web');
  });

  it('turns a non-JSON answer into UNAVAILABLE', async () => {
    const { fetchImpl } = fakeFetch(async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    const result = await createHttpBridge(ORIGIN, fetchImpl).commands['app.info']({});
    expect(result).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE } });
  });

  it('turns JSON that is not a Result into UNAVAILABLE', async () => {
    const { fetchImpl } = fakeFetch(async () => jsonResponse(200, { hello: 'world' }));
    const result = await createHttpBridge(ORIGIN, fetchImpl).commands['app.info']({});
    expect(result.ok).toBe(false);
  });
});

describe('createHttpBridge events', () => {
  class FakeEventSource implements EventSourceLike {
    static instances: FakeEventSource[] = [];
    readonly listeners = new Map<string, Set<(event: MessageEvent) => void>>();
    constructor(readonly url: string) {
      FakeEventSource.instances.push(this);
    }
    addEventListener(type: string, listener: (event: MessageEvent) => void): void {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type)?.add(listener);
    }
    removeEventListener(type: string, listener: (event: MessageEvent) => void): void {
      this.listeners.get(type)?.delete(listener);
    }
    fire(type: string, data: string): void {
      for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
    }
  }

  it('opens one EventSource on /events lazily, delivers parsed payloads and unsubscribes', () => {
    FakeEventSource.instances = [];
    const { fetchImpl } = fakeFetch(async () => jsonResponse(200, {}));
    const bridge = createHttpBridge(ORIGIN, fetchImpl, FakeEventSource);
    expect(FakeEventSource.instances).toHaveLength(0);

    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge.on('app.notice', first);
    bridge.on('app.notice', second);
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0];
    expect(source?.url).toBe(`${ORIGIN}/events`);

    const notice = { level: 'warning', message: 'Vault locked.', at: '2025-01-01T00:00:00Z' };
    source?.fire('app.notice', JSON.stringify(notice));
    expect(first).toHaveBeenCalledWith(notice);

    offFirst();
    source?.fire('app.notice', 'not json');
    source?.fire('app.notice', JSON.stringify(notice));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });
});
