import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SYSTEM_TRUST_BUNDLE } from '../../services/certificates/system-trust';

/**
 * The build's last step: one CLI run that writes the bundle's V8 code caches (see
 * bundle-loader.ts). Inspecting a certificate file puts the functions every inspect and
 * verify runs into the caches; the system bundle is one any Debian machine has. Other
 * commands still start from cached top-level code and compile the rest as they go.
 */
const cli = resolve(import.meta.dirname, '../../../out/hosts/cli.js');
const args = existsSync(SYSTEM_TRUST_BUNDLE) ? ['inspect', SYSTEM_TRUST_BUNDLE, '--json'] : ['info', '--json'];
// The node binary running this build, without tsx's loader flags (execArgv is not inherited):
// the same start-up as a user's `node out/hosts/cli.js`.
const run = spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, SENTINEL_CLI_CODE_CACHE: 'write' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
const note = run.stderr.split('\n').find((l) => l.startsWith('code cache written'));
if (!note) {
  process.stderr.write(`train-code-cache: the CLI wrote no code cache (exit ${String(run.status)}):\n${run.stderr}`);
  process.exit(1);
}
process.stdout.write(`train-code-cache: ${note} (trained on: sentinel-console ${args.join(' ')})\n`);
