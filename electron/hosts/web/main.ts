import { fileURLToPath } from 'node:url';
import { createRouter } from '../../services/router';
import type { HealthService } from '../../services/health/service-types';
import { createNodeRouterDeps } from '../../services/node-services';
import { defaultDataDir } from '../../services/data-dir';
import { nodeAppSource } from '../node-app-source';
import { LOOPBACK_BIND } from './guard';
import { parseWebHostArgs } from './args';
import { startWebHost } from './server';

/** Entry of `npm run dev:web` and of the e2e fixture: compose services, serve, print the URL once. */
async function main(): Promise<void> {
  const args = parseWebHostArgs(process.argv.slice(2));
  if (!args.ok) {
    process.stderr.write(`sentinel-console web host: ${args.error}\n`);
    process.exit(2);
  }
  const dataDir = args.value.dataDir ?? defaultDataDir(process.env);
  const rendererDir = args.value.rendererDir ?? fileURLToPath(new URL('../renderer', import.meta.url));
  const services: { health?: HealthService } = {};
  const host = await startWebHost({
    host: args.value.host ?? LOOPBACK_BIND,
    port: args.value.port,
    rendererDir,
    makeRouter: (events) => {
      const deps = createNodeRouterDeps(nodeAppSource('web', dataDir), events);
      services.health = deps.health;
      return createRouter(deps);
    },
  });
  // A schedule that cannot start (unreadable data directory) must not take the console down.
  void services.health?.startSchedules().catch((err: unknown) => {
    process.stderr.write(`sentinel-console web host: scheduled probes not started: ${err instanceof Error ? err.message : String(err)}\n`);
  });
  process.stdout.write(`Sentinel Console web host is serving on ${host.url}?token=${host.token}\n`);
  process.stdout.write('Open that URL in a browser on this machine; the token is valid until this process exits.\n');
  const stop = (): void => {
    services.health?.stopSchedules();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`sentinel-console web host: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
