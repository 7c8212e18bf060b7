import { createRouter } from '../../services/router';
import { createNodeRouterDeps } from '../../services/node-services';
import { defaultDataDir } from '../../services/data-dir';
import { nodeAppSource } from '../node-app-source';
import { runCli } from './run';
import { writeFileAtomic } from '../../services/fs/atomic-write';
import { createSecretPrompt } from './secret-prompt';

/** One `sentinel-console` run on this process's streams; launcher.ts loads this bundle and sets the exit code. */
export function cliMain(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`| head`) closes the pipe. That ends the output, quietly, as
  // it does for other Unix tools; any other write error still surfaces.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
  return runCli(
    argv,
    (dataDir) =>
      createRouter(
        createNodeRouterDeps(
          nodeAppSource('cli', dataDir ?? defaultDataDir(process.env)),
          // A CLI run has no window: notices go to stderr so pipelines keep stdout clean; status
          // pushes (health.status, ca.changed) are for screens and would only repeat the answer.
          { emit: (event, payload) => void (event === 'app.notice' ? process.stderr.write(`${event}: ${JSON.stringify(payload)}\n`) : undefined) },
        ),
      ),
    {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      env: process.env,
      cwd: process.cwd(),
      writeFile: (path, text) => writeFileAtomic(path, text, { backupPath: `${path}.bak` }),
      readSecret: createSecretPrompt(process.stdin, process.stderr),
    },
  );
}
