import { fstatSync } from 'node:fs';
import { createRouter } from '../../services/router';
import { createNodeRouterDeps } from '../../services/node-services';
import { defaultDataDir } from '../../services/data-dir';
import { nodeAppSource } from '../node-app-source';
import { runCli } from './run';
import { createSecretPrompt } from './secret-prompt';
import { fdWriter } from './fd-output';

/**
 * Whether stdout is a terminal. A character device is one (or /dev/null, where layout is moot);
 * tty.isatty would load node:net, milliseconds of every start, to answer the same.
 */
function stdoutIsTerminal(): boolean {
  try {
    return fstatSync(1).isCharacterDevice();
  } catch {
    return false;
  }
}

/** How a run ended: its exit code, and whether every byte of output has been written. */
export interface CliRunEnd {
  readonly code: number;
  readonly outputWritten: boolean;
}

/** One `sentinel-console` run on this process's streams; launcher.ts loads this bundle and ends the process. */
export async function cliMain(argv: readonly string[]): Promise<CliRunEnd> {
  const exitCode = (): number => (typeof process.exitCode === 'number' ? process.exitCode : 0);
  const out = fdWriter(1, exitCode);
  const err = fdWriter(2, exitCode);
  const stdout = out.write;
  const stderr = err.write;
  let prompted = false;
  const code = await runCli(
    argv,
    (dataDir) =>
      createRouter(
        createNodeRouterDeps(
          nodeAppSource('cli', dataDir ?? defaultDataDir(process.env)),
          // A CLI run has no window: notices go to stderr so pipelines keep stdout clean; status
          // pushes (health.status, ca.changed) are for screens and would only repeat the answer.
          { emit: (event, payload) => void (event === 'app.notice' ? stderr(`${event}: ${JSON.stringify(payload)}\n`) : undefined) },
        ),
      ),
    {
      stdout,
      stderr,
      stdoutIsTerminal: stdoutIsTerminal(),
      env: process.env,
      cwd: process.cwd(),
      // On demand: it brings node:fs/promises and node:crypto, which most commands never use.
      writeFile: async (path, text) => (await import('../../services/fs/atomic-write')).writeFileAtomic(path, text, { backupPath: `${path}.bak` }),
      // Getters: touching process.stdin builds a stream, and only a passphrase prompt needs it.
      readSecret: createSecretPrompt(
        () => {
          prompted = true;
          return process.stdin;
        },
        () => process.stderr,
      ),
    },
  );
  // A passphrase prompt writes through process.stderr too: a stream, like a handed-off fd.
  return { code, outputWritten: !out.streamed() && !err.streamed() && !prompted };
}
