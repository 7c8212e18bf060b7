/** Test-only: the Posture service over the real file system, with a fixed clock and predictable bytes. */
import { auditEnv, isSecretKey, maskValue, pathKeys } from '../../../shared/posture';
import type { PostureDeps } from './deps';
import { createNodePostureFs, type PostureFs } from './fs';
import { gatherPathFacts } from './path-facts';

export const FIXED_NOW = new Date('2026-08-04T10:15:30.123Z');

export function testDeps(overrides: Partial<PostureDeps> & { readonly fs?: PostureFs } = {}): PostureDeps {
  return {
    fs: createNodePostureFs(),
    clock: () => FIXED_NOW,
    randomBytes: (n) => new Uint8Array(n).map((_, i) => (i * 37 + 11) & 0xff),
    uid: process.getuid?.() ?? null,
    rules: { auditEnv, pathKeys, isSecretKey, maskValue, gatherPathFacts: (paths, envFile) => gatherPathFacts(paths, envFile) },
    ...overrides,
  };
}
