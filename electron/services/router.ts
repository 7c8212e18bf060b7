import type { EventSink, Router } from '../../shared/ipc/types';
import { describeApp, type AppInfoSource } from './app-info';
import type { CertificateService } from './certificates/service';
import type { FileDialog } from './file-dialog';
import type { NginxService } from './nginx/service-types';
import type { HealthService } from './health/service-types';
import type { PostureService } from './posture/service-types';
import type { CaService } from './ca/service-types';

/** Everything the handlers need, built once by each host's composition root. */
export interface RouterDeps {
  readonly app: AppInfoSource;
  /** Where services push progress and notices; each host supplies its own transport. */
  readonly events: EventSink;
  readonly certificates: CertificateService;
  readonly dialog: FileDialog;
  readonly nginx: NginxService;
  readonly health: HealthService;
  readonly posture: PostureService;
  readonly ca: CaService;
}

/** One thin handler per command; each calls into a service and nothing else. */
export function createRouter(deps: RouterDeps): Router {
  return {
    'app.info': async () => describeApp(deps.app),
    'cert.inspect': (input) => deps.certificates.inspect(input),
    'cert.verify': (input) => deps.certificates.verify(input),
    'files.choose': (input) => deps.dialog.choose(input),
    'nginx.render': (input) => deps.nginx.render(input),
    'nginx.lint': (input) => deps.nginx.lint(input),
    'nginx.check': (input) => deps.nginx.check(input),
    'nginx.diff': (input) => deps.nginx.diff(input),
    'nginx.installPlan': (input) => deps.nginx.installPlan(input),
    'nginx.install': (input) => deps.nginx.install(input),
    'probe.run': (input) => deps.health.run(input),
    'health.list': () => deps.health.list(),
    'health.save': (input) => deps.health.save(input),
    'health.delete': (input) => deps.health.remove(input),
    'health.schedule': (input) => deps.health.schedule(input),
    'env.read': (input) => deps.posture.read(input),
    'env.preview': (input) => deps.posture.preview(input),
    'env.save': (input) => deps.posture.save(input),
    'env.generateSecret': (input) => deps.posture.generateSecret(input),
    'posture.audit': (input) => deps.posture.audit(input),
    // The CA service has one method per ca.* command, named like the command.
    ...deps.ca,
  };
}
