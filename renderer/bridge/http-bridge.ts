import type { CommandName, EventName } from '../../shared/ipc/channels';
import { COMMANDS } from '../../shared/ipc/channels';
import type { ErrorCode } from '../../shared/ipc/errors';
import type { Result } from '../../shared/ipc/result';
import type { Bridge, EventPayload, Input, Output } from '../../shared/ipc/types';

/** Shown when the loopback host is gone; the operator's fix is always the same. */
export const UNAVAILABLE_MESSAGE =
  'The web host is unreachable: restart it with npm run dev:web, then reload this page.';

/** The slice of EventSource the bridge uses, so tests can pass a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
}
export type EventSourceFactory = new (url: string) => EventSourceLike;
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const unavailable = <T>(): Result<T> => ({ ok: false, error: { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE } });

function isErrorShape(value: unknown): value is { code: ErrorCode; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string';
}

/** The web host produced the value with the same contract types; only the envelope is checked here. */
function asResult<T>(body: unknown): Result<T> | null {
  if (typeof body !== 'object' || body === null) return null;
  const candidate = body as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true && 'value' in candidate) return { ok: true, value: candidate.value as T };
  if (candidate.ok === false && isErrorShape(candidate.error)) {
    return { ok: false, error: { code: candidate.error.code, message: candidate.error.message } };
  }
  return null;
}

/**
 * The same `Bridge` the preload gives Electron, over the web host's `/rpc` and `/events`.
 * Never throws: transport trouble becomes an `UNAVAILABLE` Result the UI can show.
 */
export function createHttpBridge(
  origin: string,
  fetchImpl: FetchLike = (url, init) => fetch(url, init),
  EventSourceImpl: EventSourceFactory | undefined = globalThis.EventSource,
): Bridge {
  async function call<K extends CommandName>(name: K, input: Input<K>): Promise<Result<Output<K>>> {
    try {
      const response = await fetchImpl(`${origin}/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body: unknown = await response.json();
      return asResult<Output<K>>(body) ?? unavailable();
    } catch {
      return unavailable();
    }
  }

  const commands = Object.fromEntries(
    COMMANDS.map((name) => [name, (input: Input<typeof name>) => call(name, input)]),
  ) as unknown as Bridge['commands'];

  let source: EventSourceLike | null = null;
  function events(): EventSourceLike | null {
    if (source === null && typeof EventSourceImpl === 'function') source = new EventSourceImpl(`${origin}/events`);
    return source;
  }

  return {
    commands,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const target = events();
      if (target === null) return () => undefined;
      const forward = (message: MessageEvent): void => {
        let payload: unknown;
        try {
          payload = JSON.parse(String(message.data));
        } catch {
          return; // A malformed frame is dropped rather than crashing every subscriber.
        }
        listener(payload as EventPayload<E>);
      };
      target.addEventListener(event, forward);
      return () => target.removeEventListener(event, forward);
    },
  };
}
