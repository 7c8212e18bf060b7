import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { PathFacts } from '../../../shared/model/posture';

/** The file system calls path facts need; tests and other hosts may pass their own. */
export interface PathFactsDeps {
  readonly stat: (path: string) => Promise<{ mode: number; uid: number }>;
  readonly lstat: (path: string) => Promise<unknown>;
  readonly realpath: (path: string) => Promise<string>;
  /** null where the platform has no uids (Windows). */
  readonly uid: number | null;
}

const nodeDeps: PathFactsDeps = { stat, lstat, realpath, uid: typeof process.getuid === 'function' ? process.getuid() : null };

async function exists(path: string, deps: PathFactsDeps): Promise<boolean> {
  try {
    await deps.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The real path when it resolves (a symlink into the repo counts as in the repo), else the path as given. */
async function canonical(path: string, deps: PathFactsDeps): Promise<string> {
  try {
    return await deps.realpath(path);
  } catch {
    return path;
  }
}

/** The directory holding `.git` (a directory, or a file in worktrees and submodules) at or above `dir`. */
async function gitWorkTree(dir: string, deps: PathFactsDeps): Promise<string | null> {
  for (let at = dir; ; at = dirname(at)) {
    if (await exists(resolve(at, '.git'), deps)) return at;
    if (dirname(at) === at) return null;
  }
}

const isUnder = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

async function factsFor(written: string, base: string, roots: readonly string[], deps: PathFactsDeps): Promise<PathFacts> {
  const path = isAbsolute(written) ? written : resolve(base, written);
  const real = await canonical(path, deps);
  const insideProject = roots.some((root) => isUnder(real, root));
  if (!(await exists(path, deps))) return { path, exists: false, mode: null, ownedByCurrentUser: null, insideProject };
  try {
    const st = await deps.stat(path);
    return { path, exists: true, mode: st.mode & 0o7777, ownedByCurrentUser: deps.uid === null ? null : st.uid === deps.uid, insideProject };
  } catch {
    // A dangling symlink or a directory we may not search: it is there, its facts are not.
    return { path, exists: true, mode: null, ownedByCurrentUser: null, insideProject };
  }
}

/**
 * Facts about the files a `.env` names, keyed by each path as written. Relative paths resolve
 * against the `.env`'s directory (where the platform is normally started). "Inside the project"
 * means under that directory or under the git work tree around it; symlinks are followed, so a
 * link that points into the repository counts as inside and one that points out of it does not.
 */
export async function gatherPathFacts(paths: readonly string[], envFile: string, deps: PathFactsDeps = nodeDeps): Promise<Map<string, PathFacts>> {
  const base = dirname(resolve(envFile));
  const tree = await gitWorkTree(base, deps);
  const given = [base, ...(tree === null ? [] : [tree])];
  // Both spellings of each root: a missing file's path cannot be resolved, its root can.
  const roots = [...given, ...(await Promise.all(given.map((r) => canonical(r, deps))))];
  const facts = new Map<string, PathFacts>();
  for (const written of new Set(paths)) {
    if (written.trim() === '') continue;
    facts.set(written, await factsFor(written, base, roots, deps));
  }
  return facts;
}
