import type { ServerResponse } from 'node:http';
import type { EventName } from '../../../shared/ipc/channels';
import type { EventPayload, EventSink } from '../../../shared/ipc/types';

/** Server-Sent Events fan-out: the web host's side of `bridge.on`. */
export interface SseHub extends EventSink {
  attach(res: ServerResponse): void;
  closeAll(): void;
}

export function createSseHub(headers: Readonly<Record<string, string>>): SseHub {
  const clients = new Set<ServerResponse>();
  return {
    attach(res) {
      res.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    closeAll() {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
