import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { EventSink } from '../../../shared/ipc/types';
import { createProbeEngine } from '../probe/engine';
import { createNodeHealthFs } from './fs';
import { nodeTimers } from './scheduler';
import { createHealthService } from './service';
import type { HealthService } from './service-types';

/** The Health service on this machine; timers are armed only when a long-running host calls startSchedules(). */
export function createNodeHealthService(dataDir: string, events: EventSink): HealthService {
  const clock = (): Date => new Date();
  return createHealthService({
    dataDir,
    fs: createNodeHealthFs(),
    clock,
    timers: nodeTimers,
    engine: createProbeEngine({ readFile: async (p) => new Uint8Array(await readFile(p)), clock }),
    events,
    newId: () => randomUUID(),
  });
}
