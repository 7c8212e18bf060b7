import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { COMMANDS, type EventName } from '../../shared/ipc/channels';
import { fail } from '../../shared/ipc/result';
import type { EventPayload, EventSink, Router } from '../../shared/ipc/types';
import { dispatch } from '../services/dispatch';
import type { SenderFacts, TrustedSenders } from './trusted-senders';

/** Command registration and event push, given the IPC objects; ipc.ts passes the real ipcMain. */

type InvokeHandler = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

export interface IpcHandleTarget {
  handle(channel: string, handler: InvokeHandler): void;
}

export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    senderId: event.sender.id,
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

/** Registers every contract command behind the sender check; nothing else is handled. */
export function bindCommands(
  ipc: IpcHandleTarget,
  router: Router,
  senders: TrustedSenders,
  factsOf: (event: IpcMainInvokeEvent) => SenderFacts = senderFacts,
): void {
  for (const name of COMMANDS) {
    ipc.handle(name, async (event, raw) =>
      senders.isTrusted(factsOf(event))
        ? dispatch(router, name, raw)
        : fail('FORBIDDEN', `Refused ${name}: the caller is not a window of this console.`),
    );
  }
}

/** Pushes events to the app's own windows only. */
export function createWindowEventSink(windows: () => readonly WebContents[]): EventSink {
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const contents of windows()) if (!contents.isDestroyed()) contents.send(event, payload);
    },
  };
}
