import { COMMANDS, isEventName, type CommandName, type EventName } from '../../shared/ipc/channels';

/** The renderer-side IPC surface the preload needs; passed in so the projection is testable. */
export interface PreloadIpc {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export interface ExposedBridge {
  readonly commands: Readonly<Record<CommandName, (input: unknown) => Promise<unknown>>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * One function per contract command, plus event subscription that strips the IPC event
 * (Electron security checklist 20): the page never holds ipcRenderer or an event.sender.
 */
export function createBridgeApi(ipc: PreloadIpc): ExposedBridge {
  const commands = Object.fromEntries(
    COMMANDS.map((name) => [name, (input: unknown) => ipc.invoke(name, input)]),
  ) as Record<CommandName, (input: unknown) => Promise<unknown>>;
  return Object.freeze({
    commands: Object.freeze(commands),
    on(event: EventName, listener: (payload: unknown) => void) {
      if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}".`);
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(event, forward);
      return () => void ipc.removeListener(event, forward);
    },
  });
}
