import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../shared/ipc/channels';
import { createBridgeApi, type PreloadIpc } from './bridge-api';

function fakeIpc(): PreloadIpc & { emitter: EventEmitter; invoked: Array<[string, unknown]> } {
  const emitter = new EventEmitter();
  const invoked: Array<[string, unknown]> = [];
  return {
    emitter,
    invoked,
    invoke: async (channel, input) => {
      invoked.push([channel, input]);
      return { ok: true, value: channel };
    },
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
}

describe('preload bridge', () => {
  it('exposes one function per command and nothing else', async () => {
    const ipc = fakeIpc();
    const bridge = createBridgeApi(ipc);
    expect(Object.keys(bridge).sort()).toEqual(['commands', 'on']);
    expect(Object.keys(bridge.commands).sort()).toEqual([...COMMANDS].sort());
    expect(await bridge.commands['app.info']({})).toEqual({ ok: true, value: 'app.info' });
    expect(ipc.invoked).toEqual([['app.info', {}]]);
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.commands)).toBe(true);
  });

  it('hands listeners the payload only, never the IPC event', () => {
    const ipc = fakeIpc();
    const bridge = createBridgeApi(ipc);
    const seen: unknown[][] = [];
    const off = bridge.on('app.notice', (...args: unknown[]) => seen.push(args));
    const fakeEvent = { sender: { send: () => undefined }, ports: [] };
    ipc.emitter.emit('app.notice', fakeEvent, { level: 'info', message: 'hi', at: 'now' });
    expect(seen).toEqual([[{ level: 'info', message: 'hi', at: 'now' }]]);
    off();
    ipc.emitter.emit('app.notice', fakeEvent, { level: 'info', message: 'again', at: 'now' });
    expect(seen).toHaveLength(1);
  });

  it('refuses to subscribe to channels outside the contract', () => {
    const bridge = createBridgeApi(fakeIpc());
    expect(() => bridge.on('app.info' as never, () => undefined)).toThrow(/Unknown event/);
  });
});
