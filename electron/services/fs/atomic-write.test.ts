import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a new file with the asked mode and leaves no temp file behind', async () => {
    const target = join(dir, 'key.pem');
    const result = await writeFileAtomic(target, 'secret', { mode: 0o600, backupPath: `${target}.bak` });
    expect(await readFile(target, 'utf8')).toBe('secret');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(result.backupPath).toBeNull();
    expect(await readdir(dir)).toEqual(['key.pem']);
  });

  it('keeps the previous content and mode as the backup and keeps the mode on the new file', async () => {
    const target = join(dir, 'site.conf');
    await writeFile(target, 'old', { mode: 0o640 });
    const result = await writeFileAtomic(target, 'new', { backupPath: `${target}.bak` });
    expect(result.backupPath).toBe(`${target}.bak`);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('old');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect((await stat(`${target}.bak`)).mode & 0o777).toBe(0o640);
  });

  it('fails without touching the target when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.conf'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});
