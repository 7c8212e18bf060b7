import { join } from 'node:path';
import { createBundleLoader } from './bundle-loader';

/**
 * `sentinel-console` (out/hosts/cli.js): loads the bundle in out/hosts/cli/ through its code
 * caches and runs it. SENTINEL_CLI_CODE_CACHE, like Node 22's NODE_COMPILE_CACHE, is for the
 * build and for diagnosis: `write` (the build's last step) writes the caches after the
 * command has run, so the functions it used are in them; `report` says on stderr which
 * files came from a cache.
 */
const loader = createBundleLoader(join(__dirname, 'cli'));
const { cliMain } = loader.load('main.js') as { cliMain: (argv: readonly string[]) => Promise<number> };
void cliMain(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  const mode = process.env['SENTINEL_CLI_CODE_CACHE'];
  if (mode === 'write') process.stderr.write(`code cache written for ${loader.writeCodeCache()} bundle files\n`);
  if (mode === 'report') {
    const use = loader.cacheUse();
    process.stderr.write(`code cache: ${use.cached} cached, rejected [${use.rejected.join(' ')}], missing [${use.missing.join(' ')}]\n`);
  }
});
