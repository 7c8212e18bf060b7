import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../shared/ipc/channels';
import type { Router } from '../../shared/ipc/types';
import { transportTestRouter } from '../services/test-router';
import { bindCommands, type IpcHandleTarget } from './ipc-bindings';
import { createTrustedSenders, type SenderFacts } from './trusted-senders';

type Handler = Parameters<IpcHandleTarget['handle']>[1];

function fakeIpc(): IpcHandleTarget & { handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  return { handlers, handle: (channel, handler) => void handlers.set(channel, handler) };
}

const router: Router = transportTestRouter({
  'app.info': async () => ({
    name: 'Sentinel Console', version: '1', host: 'electron', platform: 'linux', arch: 'x64', dataDir: '/d',
    versions: { node: '24', electron: '45', chromium: '142', v8: '14' },
  }),
});

describe('bindCommands', () => {
  const senders = createTrustedSenders(['app://console']);
  senders.trust(1);
  const ipc = fakeIpc();
  const facts = new Map<unknown, SenderFacts>();
  bindCommands(ipc, router, senders, (event) => facts.get(event) as SenderFacts);

  it('registers exactly the contract commands', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...COMMANDS].sort());
  });

  it('dispatches for a trusted sender and refuses an untrusted one without running the handler', async () => {
    const trusted = {};
    const untrusted = {};
    facts.set(trusted, { senderId: 1, frameUrl: 'app://console/index.html', isMainFrame: true });
    facts.set(untrusted, { senderId: 2, frameUrl: 'app://console/index.html', isMainFrame: true });
    const handler = ipc.handlers.get('app.info') as Handler;
    expect(await handler(trusted as never, {})).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(await handler(untrusted as never, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('validates input from a trusted sender too', async () => {
    const trusted = {};
    facts.set(trusted, { senderId: 1, frameUrl: 'app://console/', isMainFrame: true });
    const handler = ipc.handlers.get('app.info') as Handler;
    expect(await handler(trusted as never, { injected: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
