import type { Router } from '../../shared/ipc/types';
import { describeApp, type AppInfoSource } from './app-info';

/** Everything the handlers need, built once by each host's composition root. */
export interface RouterDeps {
  readonly app: AppInfoSource;
}

/** One thin handler per command; each calls into a service and nothing else. */
export function createRouter(deps: RouterDeps): Router {
  return {
    'app.info': async () => describeApp(deps.app),
  };
}
