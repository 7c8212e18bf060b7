import type { z } from './zod';
import type { CommandName, EventName } from './channels';
import type { events, inputs, outputs } from './contract';
import type { Result } from './result';

export type Input<K extends CommandName> = z.input<(typeof inputs)[K]>;
export type ParsedInput<K extends CommandName> = z.output<(typeof inputs)[K]>;
export type Output<K extends CommandName> = (typeof outputs)[K];
export type EventPayload<E extends EventName> = (typeof events)[E];

/** What the renderer talks to: the preload's `window.bridge` or the loopback HTTP bridge. */
export interface Bridge {
  readonly commands: { readonly [K in CommandName]: (input: Input<K>) => Promise<Result<Output<K>>> };
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The main side: one handler per command, given already-validated input. */
export type Router = {
  readonly [K in CommandName]: (input: ParsedInput<K>) => Promise<Output<K>>;
};

/** Where main pushes events; Electron sends to windows, the web host writes SSE. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
