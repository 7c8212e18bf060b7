import type { EventSink } from '../../shared/ipc/types';
import type { AppInfoSource } from './app-info';
import type { CaService } from './ca/service-types';
import type { SafeStoragePort } from './ca/vault/vault';
import type { CertificateService } from './certificates/service';
import { noFileDialog, type FileDialog } from './file-dialog';
import type { HealthService } from './health/service-types';
import { lazyService } from './lazy-service';
import type { NginxService } from './nginx/service-types';
import type { PostureService } from './posture/service-types';
import type { RouterDeps } from './router';
import { COMMANDS } from '../../shared/ipc/channels';

export { SYSTEM_TRUST_BUNDLE } from './certificates/system-trust';

type CaMethods = { readonly [K in keyof CaService]: true };
const CA_METHODS = Object.fromEntries(COMMANDS.filter((c) => c.startsWith('ca.')).map((c) => [c, true])) as CaMethods;

/**
 * Wires the services on plain Node adapters; all three hosts call this with their own app facts.
 * Each service's module loads on its first call (see lazy-service.ts), so a CLI command loads
 * only what it uses; nothing touches the disk until a command runs.
 */
export function createNodeRouterDeps(
  app: AppInfoSource,
  events: EventSink,
  dialog: FileDialog = noFileDialog,
  /** Electron main passes its safeStorage adapter so the vault can remember an unlock; null elsewhere. */
  safeStorage: SafeStoragePort | null = null,
): RouterDeps {
  const env = { ...process.env };
  const health = lazyService<HealthService>(
    { run: true, list: true, save: true, remove: true, schedule: true, startSchedules: true, stopSchedules: true },
    async () => (await import('./health/node-health')).createNodeHealthService(app.dataDir, events),
  );
  return {
    app,
    events,
    dialog,
    certificates: lazyService<CertificateService>({ inspect: true, verify: true }, async () =>
      (await import('./certificates/node-certificates')).createNodeCertificateService(app.dataDir, app.host === 'cli' ? 'blocking' : 'background'),
    ),
    nginx: lazyService<NginxService>({ render: true, lint: true, check: true, diff: true, installPlan: true, install: true }, async () =>
      (await import('./nginx/node-nginx')).createNodeNginxService(env),
    ),
    health,
    ca: lazyService<CaService>(CA_METHODS, async () => (await import('./ca/node-ca')).createNodeCaService({ dataDir: app.dataDir, events, safeStorage })),
    posture: lazyService<PostureService>({ read: true, audit: true, preview: true, save: true, generateSecret: true }, async () =>
      (await import('./posture/node-posture')).createNodePostureService(),
    ),
  };
}
