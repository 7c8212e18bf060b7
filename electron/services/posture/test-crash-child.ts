/**
 * Test-only child process: runs the real save path and stops for good just before the rename,
 * announcing the temp file, so the parent can SIGKILL it there (see save.test.ts).
 * argv: <env file> <base sha256> <KEY> <value>
 */
import { auditEnv, isSecretKey, maskValue, pathKeys } from '../../../shared/posture';
import { createNodePostureFs } from './fs';
import { gatherPathFacts } from './path-facts';
import { createPostureService } from './service';
import { randomBytes } from 'node:crypto';

const [path, baseSha256, key, value] = process.argv.slice(2) as [string, string, string, string];
const fs = createNodePostureFs({
  beforeRename: async (temp) => {
    process.stdout.write(`READY ${temp}\n`);
    setInterval(() => undefined, 60_000);
    await new Promise<never>(() => undefined);
  },
});
const service = createPostureService({
  fs,
  clock: () => new Date(),
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
  uid: process.getuid?.() ?? null,
  rules: { auditEnv, pathKeys, isSecretKey, maskValue, gatherPathFacts: (paths, envFile) => gatherPathFacts(paths, envFile) },
});
await service.save({ path, baseSha256, edits: [{ kind: 'set', key, value }] });
process.stdout.write('RENAMED\n');
