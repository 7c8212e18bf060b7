import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventSink } from '../../shared/ipc/types';
import type { AppInfoSource } from './app-info';
import { createCertificateService } from './certificates/service';
import { createNodeHealthFs } from './health/fs';
import { nodeTimers } from './health/scheduler';
import { createHealthService } from './health/service';
import { createNodeKeyReader } from './pki/key-reader';
import { createNodeNginxFs } from './nginx/fs';
import { runProcess } from './nginx/runner';
import { createNginxService } from './nginx/service';
import { nginxSettingsFromEnv } from './nginx/settings';
import { createProbeEngine } from './probe/engine';
import { createNodePostureService } from './posture/node-posture';
import type { RouterDeps } from './router';
import { noFileDialog, type FileDialog } from './file-dialog';
import { createNodeCaService, nodeCaFs } from './ca/node-ca';
import { deviceCaTrust } from './ca/trust';
import type { SafeStoragePort } from './ca/vault/vault';

/** Debian's (and Ubuntu's) bundle of the system's trusted roots. */
export const SYSTEM_TRUST_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** Wires the services on plain Node adapters; all three hosts call this with their own app facts. */
export function createNodeRouterDeps(
  app: AppInfoSource,
  events: EventSink,
  dialog: FileDialog = noFileDialog,
  /** Electron main passes its safeStorage adapter so the vault can remember an unlock; null elsewhere. */
  safeStorage: SafeStoragePort | null = null,
): RouterDeps {
  const keys = createNodeKeyReader();
  const clock = (): Date => new Date();
  const readBytes = async (p: string): Promise<Uint8Array> => new Uint8Array(await readFile(p));
  return {
    app,
    events,
    dialog,
    certificates: createCertificateService({
      fs: { readFile: async (p) => new Uint8Array(await readFile(p)), stat: (p) => stat(p) },
      clock: () => new Date(),
      keys,
      systemTrustPath: SYSTEM_TRUST_BUNDLE,
      deviceCaTrust: () => deviceCaTrust(nodeCaFs, join(app.dataDir, 'ca'), clock()),
    }),
    // How nginx runs on this host comes from the host's own environment, never from a caller.
    nginx: createNginxService({ fs: createNodeNginxFs(), clock: () => new Date(), run: runProcess, settings: nginxSettingsFromEnv(process.env), keys }),
    // Timers are armed only by long-running hosts calling health.startSchedules().
    health: createHealthService({
      dataDir: app.dataDir,
      fs: createNodeHealthFs(),
      clock,
      timers: nodeTimers,
      engine: createProbeEngine({ readFile: readBytes, clock }),
      events,
      newId: () => randomUUID(),
    }),
    // Keys, CA metadata, CRLs and the audit log live under <dataDir>/ca; nothing is read until a ca.* command runs.
    ca: createNodeCaService({ dataDir: app.dataDir, events, safeStorage }),
    // .env reading, auditing and safe saving; nothing is touched until an env.* or posture.* command runs.
    posture: createNodePostureService(),
  };
}
