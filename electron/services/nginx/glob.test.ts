import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeNginxFs } from './fs';
import { globPaths } from './glob';

let dir: string;
const fs = createNodeNginxFs();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glob-test-'));
  for (const sub of ['conf.d', 'sites-enabled', 'a1', 'b2']) await mkdir(join(dir, sub));
  for (const file of ['conf.d/b.conf', 'conf.d/a.conf', 'conf.d/.a.conf.bak-1', 'conf.d/c.conf.bak', 'sites-enabled/default', 'a1/x.conf', 'b2/x.conf']) {
    await writeFile(join(dir, file), '');
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('globPaths (nginx include patterns)', () => {
  it('matches *.conf sorted, skipping dot files such as the installer backups', async () => {
    expect(await globPaths(fs, `${dir}/conf.d/*.conf`)).toEqual([`${dir}/conf.d/a.conf`, `${dir}/conf.d/b.conf`]);
    expect(await globPaths(fs, `${dir}/conf.d/*`)).toEqual([`${dir}/conf.d/a.conf`, `${dir}/conf.d/b.conf`, `${dir}/conf.d/c.conf.bak`]);
  });

  it('expands wildcards in directory segments, ? and [...] classes', async () => {
    expect(await globPaths(fs, `${dir}/[ab]?/x.conf`)).toEqual([`${dir}/a1/x.conf`, `${dir}/b2/x.conf`]);
    expect(await globPaths(fs, `${dir}/[!a]*/x.conf`)).toEqual([`${dir}/b2/x.conf`]);
  });

  it('returns nothing for no match or a missing directory', async () => {
    expect(await globPaths(fs, `${dir}/conf.d/*.none`)).toEqual([]);
    expect(await globPaths(fs, `${dir}/missing/*.conf`)).toEqual([]);
  });
});
