import { randomBytes } from 'node:crypto';
import { auditEnv, isSecretKey, maskValue, pathKeys } from '../../../shared/posture';
import { createNodePostureFs } from './fs';
import { gatherPathFacts } from './path-facts';
import { createPostureService } from './service';
import type { PostureService } from './service-types';

/** The Posture service on the real file system, clock and CSPRNG; every host wires this one. */
export function createNodePostureService(): PostureService {
  return createPostureService({
    fs: createNodePostureFs(),
    clock: () => new Date(),
    randomBytes: (size) => new Uint8Array(randomBytes(size)),
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    rules: { auditEnv, pathKeys, isSecretKey, maskValue, gatherPathFacts: (paths, envFile) => gatherPathFacts(paths, envFile) },
  });
}
