import { join } from 'node:path';
import { createBundleLoader } from './bundle-loader';
import type { cliMain as CliMain } from './main';

/**
 * `sentinel-console` (out/hosts/cli.js): loads the bundle in out/hosts/cli/ through its code
 * caches and runs it. SENTINEL_CLI_CODE_CACHE, like Node 22's NODE_COMPILE_CACHE, is for the
 * build and for diagnosis: `write` (the build's last step) writes the caches after the
 * command has run, so the functions it used are in them; `report` says on stderr which
 * files came from a cache.
 */
const loader = createBundleLoader(join(__dirname, 'cli'), require);
const { cliMain } = loader.load('main.js') as { cliMain: typeof CliMain };
void cliMain(process.argv.slice(2)).then(({ code, outputWritten }) => {
  process.exitCode = code;
  const mode = process.env['SENTINEL_CLI_CODE_CACHE'];
  if (mode === 'write') process.stderr.write(`code cache written for ${loader.writeCodeCache()} bundle files\n`);
  if (mode === 'report') {
    const use = loader.cacheUse();
    process.stderr.write(`code cache: ${use.cached} cached, rejected [${use.rejected.join(' ')}], missing [${use.missing.join(' ')}]\n`);
  }
  // The command is done and its output written: end now. Node's own exit would first tear the
  // whole heap down, a few milliseconds of every run. Output still queued in a stream (a
  // passphrase prompt, a non-blocking pipe) is left to drain the ordinary way.
  if (outputWritten && mode === undefined) process.exit(code);
});
