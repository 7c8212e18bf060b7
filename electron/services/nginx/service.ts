import { CommandFailure } from '../../../shared/ipc/errors';
import { diffLines } from '../../../shared/util/line-diff';
import type { KeyReader } from '../../../shared/pki/inspect';
import { checkConfig } from './check';
import type { NginxFs } from './fs';
import { planInstall, runInstall } from './install';
import { lintConfig } from './lint';
import { renderOutcome } from './render';
import type { ProcessRunner } from './runner';
import type { NginxService, NginxSettings } from './service-types';
import { MAX_CONFIG_BYTES } from './source';
import { assertConfigTarget } from './target';

export interface NginxServiceDeps {
  readonly fs: NginxFs;
  readonly clock: () => Date;
  readonly run: ProcessRunner;
  readonly settings: NginxSettings;
  /** Reads the TLS key in the main process to pair it with the certificate. */
  readonly keys: KeyReader;
}

/** The NGINX area's main-process side over injected file system, clock, process runner and key reader. */
export function createNginxService(deps: NginxServiceDeps): NginxService {
  // One install at a time: two interleaved installs could back up each other's half-written state.
  let installing: Promise<unknown> = Promise.resolve();

  return {
    render: (input) => renderOutcome(deps, input),
    lint: (input) => lintConfig(deps, input.source),
    check: (input) => checkConfig(deps, input.source),

    async diff({ text, deployedPath }) {
      assertConfigTarget(deployedPath);
      const read = await deps.fs.read(deployedPath, MAX_CONFIG_BYTES);
      if (read.state === 'unreadable') {
        throw new CommandFailure('UNREADABLE_FILE', `Cannot read the deployed config ${deployedPath}: ${read.reason}.${read.denied ? ' Run the console as a user that may read it.' : ''}`);
      }
      const deployed = read.state === 'read' ? new TextDecoder().decode(read.bytes) : '';
      return { deployedPath, deployedExists: read.state === 'read', diff: diffLines(deployed, text) };
    },

    async installPlan(input) {
      return (await planInstall(deps, input)).plan;
    },

    install(input) {
      const next = installing.then(() => runInstall(deps, input));
      installing = next.catch(() => undefined);
      return next;
    },
  };
}
