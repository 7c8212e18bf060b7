import { chmod, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherPathFacts } from './path-facts';

let root: string;
let repo: string;
let envFile: string;
let outside: string;

async function file(path: string, mode = 0o600): Promise<string> {
  await writeFile(path, 'key material\n');
  await chmod(path, mode);
  return path;
}

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sc-path-facts-')));
  repo = join(root, 'repo');
  outside = join(root, 'etc-sentinel');
  await mkdir(join(repo, '.git'), { recursive: true });
  await mkdir(join(repo, 'deploy', 'keys'), { recursive: true });
  await mkdir(join(repo, 'keys'));
  await mkdir(outside);
  envFile = join(repo, 'deploy', '.env');
  await writeFile(envFile, '');
  await file(join(repo, 'deploy', 'keys', 'signing.pem'));
  await file(join(repo, 'keys', 'trust.pem'), 0o644);
  await file(join(outside, 'signing.pem'), 0o640);
  await symlink(join(outside, 'signing.pem'), join(repo, 'keys', 'link-out.pem'));
  await symlink(join(repo, 'keys', 'trust.pem'), join(outside, 'link-in.pem'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('gatherPathFacts', () => {
  it('resolves a relative path against the .env directory and keys it as written', async () => {
    const facts = await gatherPathFacts(['keys/signing.pem'], envFile);
    expect(facts.get('keys/signing.pem')).toEqual({ path: join(repo, 'deploy', 'keys', 'signing.pem'), exists: true, mode: 0o600, ownedByCurrentUser: true, insideProject: true });
  });

  it('counts the git work tree around the .env as the project', async () => {
    const facts = await gatherPathFacts(['../keys/trust.pem', join(outside, 'signing.pem')], envFile);
    expect(facts.get('../keys/trust.pem')).toMatchObject({ insideProject: true, mode: 0o644 });
    expect(facts.get(join(outside, 'signing.pem'))).toMatchObject({ insideProject: false, mode: 0o640, exists: true });
  });

  it('follows symlinks: a link out of the repo is outside, a link into it is inside', async () => {
    const out = join(repo, 'keys', 'link-out.pem');
    const inn = join(outside, 'link-in.pem');
    const facts = await gatherPathFacts([out, inn], envFile);
    expect(facts.get(out)).toMatchObject({ insideProject: false, mode: 0o640 });
    expect(facts.get(inn)).toMatchObject({ insideProject: true, mode: 0o644 });
  });

  it('reports a missing file with no mode, still placing it inside or outside', async () => {
    const facts = await gatherPathFacts(['keys/missing.pem', '/nonexistent/sentinel/key.pem'], envFile);
    expect(facts.get('keys/missing.pem')).toMatchObject({ exists: false, mode: null, ownedByCurrentUser: null, insideProject: true });
    expect(facts.get('/nonexistent/sentinel/key.pem')).toMatchObject({ exists: false, insideProject: false });
  });

  it('recognises a .git file (worktrees, submodules) and works without any git tree', async () => {
    const wt = join(root, 'worktree');
    await mkdir(join(wt, 'conf'), { recursive: true });
    await writeFile(join(wt, '.git'), 'gitdir: /elsewhere\n');
    await file(join(wt, 'key.pem'));
    expect((await gatherPathFacts([join(wt, 'key.pem')], join(wt, 'conf', '.env'))).get(join(wt, 'key.pem'))?.insideProject).toBe(true);
    const lone = join(outside, '.env');
    expect((await gatherPathFacts([join(repo, 'keys', 'trust.pem')], lone)).get(join(repo, 'keys', 'trust.pem'))?.insideProject).toBe(false);
  });

  it('skips empty values, stats each path once, and takes its file system as an argument', async () => {
    const seen: string[] = [];
    const deps = {
      stat: async (p: string) => (seen.push(p), { mode: 0o100600, uid: 4242 }),
      lstat: async (p: string) => (p.endsWith('.git') ? Promise.reject(new Error('ENOENT')) : undefined),
      realpath: async (p: string) => p,
      uid: null,
    };
    const facts = await gatherPathFacts(['/k/a.pem', '', '/k/a.pem'], '/srv/app/.env', deps);
    expect([...facts.keys()]).toEqual(['/k/a.pem']);
    expect(seen).toEqual(['/k/a.pem']);
    expect(facts.get('/k/a.pem')).toMatchObject({ mode: 0o600, ownedByCurrentUser: null });
  });
});
