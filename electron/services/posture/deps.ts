import type { PathFacts } from '../../../shared/model/posture';
import type { auditEnv, isSecretKey, maskValue, pathKeys } from '../../../shared/posture';
import type { Masking } from '../../../shared/env/masked-diff';
import type { PostureFs } from './fs';

/** The rules engine (shared/posture) and path facts, passed in so tests can stub them. */
export interface PostureRules {
  readonly auditEnv: typeof auditEnv;
  readonly pathKeys: typeof pathKeys;
  readonly isSecretKey: typeof isSecretKey;
  readonly maskValue: typeof maskValue;
  readonly gatherPathFacts: (paths: readonly string[], envFile: string) => Promise<Map<string, PathFacts>>;
}

export interface PostureDeps {
  readonly fs: PostureFs;
  readonly clock: () => Date;
  /** The CSPRNG (node:crypto randomBytes). */
  readonly randomBytes: (size: number) => Uint8Array;
  /** The user the console runs as; null where the platform has no uids (Windows). */
  readonly uid: number | null;
  readonly rules: PostureRules;
}

export const maskingOf = (rules: PostureRules): Masking => ({ isSecret: (key, value) => rules.isSecretKey(key, value), mask: rules.maskValue });
