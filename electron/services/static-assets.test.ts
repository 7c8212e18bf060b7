import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupAsset, readAsset } from './static-assets';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'sc-assets-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(outside, 'private');
  await symlink(outside, join(root, 'assets', 'leak.txt'));
});

afterAll(async () => rm(join(root, '..'), { recursive: true, force: true }));

describe('lookupAsset', () => {
  it('maps / to index.html and keeps files under the root', () => {
    expect(lookupAsset(root, '/')).toMatchObject({ kind: 'file', path: join(root, 'index.html') });
    expect(lookupAsset(root, '/assets/app.js')).toMatchObject({ kind: 'file', mime: 'text/javascript; charset=utf-8' });
  });

  it.each([
    ['/../secret.txt'],
    ['/assets/../../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/assets/%2E%2E/%2e%2e/secret.txt'],
    ['/..%2fsecret.txt'],
    ['/assets\\..\\..\\secret.txt'],
    ['/index.html%00.js'],
    ['/%E0%A4%A'],
  ])('refuses %s', (path) => {
    expect(lookupAsset(root, path).kind).toBe('refused');
  });

  it('refuses file types it does not serve', () => {
    expect(lookupAsset(root, '/assets/app.js.map')).toMatchObject({ kind: 'refused', reason: 'unsupported file type' });
  });
});

describe('readAsset', () => {
  it('reads a file inside the root', async () => {
    const read = await readAsset(root, '/assets/app.js');
    expect(read.kind === 'ok' && read.body.toString()).toBe('console.log(1)');
  });

  it('refuses a symlink that points outside the root', async () => {
    expect(await readAsset(root, '/assets/leak.txt')).toMatchObject({ kind: 'refused', reason: 'outside root' });
  });

  it('reports a missing file as not found', async () => {
    expect(await readAsset(root, '/missing.js')).toEqual({ kind: 'not-found' });
  });
});
