import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chown, lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnvSaveOutcome, EnvSaved } from '../../../shared/model/posture';
import { createNodePostureFs } from './fs';
import { createPostureService } from './service';
import { testDeps } from './test-deps';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'posture-save-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const sha = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const service = createPostureService(testDeps());
const saved = (o: EnvSaveOutcome): EnvSaved => {
  if (o.status !== 'saved') throw new Error(`expected a save, got: ${o.message}`);
  return o;
};

async function envFile(text: string, mode = 0o600, name = 'sentinel.env'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, { mode });
  return path;
}

describe('env.save', () => {
  it('keeps the previous bytes in <file>.bak-<UTC time> (mode 0600), writes the edit, returns the new sha256', async () => {
    const path = await envFile('A=1\nB=2\n', 0o600);
    const out = saved(await service.save({ path, baseSha256: sha('A=1\nB=2\n'), edits: [{ kind: 'set', key: 'B', value: 'two' }] }));
    expect(out.backupPath).toBe(`${path}.bak-20260804T101530Z`);
    expect(await readFile(out.backupPath, 'utf8')).toBe('A=1\nB=2\n');
    expect((await stat(out.backupPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('A=1\nB=two\n');
    expect(out).toMatchObject({ sha256: sha('A=1\nB=two\n'), mode: 0o600, modeAdvice: null, savedAt: '2026-08-04T10:15:30.123Z' });
    const again = saved(await service.save({ path, baseSha256: out.sha256, edits: [{ kind: 'remove', key: 'A' }] }));
    expect(again.backupPath).toBe(`${path}.bak-20260804T101530Z-2`);
    expect(await readFile(again.backupPath, 'utf8')).toBe('A=1\nB=two\n');
  });

  it('keeps mode 0640 and advises chmod 600 when the file holds secrets; no advice without secrets', async () => {
    const path = await envFile('SENTINEL_SECRET_KEY=x\n', 0o640);
    const out = saved(await service.save({ path, baseSha256: sha('SENTINEL_SECRET_KEY=x\n'), edits: [{ kind: 'set', key: 'SENTINEL_SECRET_KEY', value: 'y' }] }));
    expect(out.mode).toBe(0o640);
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(out.modeAdvice).toMatch(/holds secrets \(SENTINEL_SECRET_KEY\).*0640.*chmod 600/);
    const plain = await envFile('A=1\n', 0o644, 'plain.env');
    expect(saved(await service.save({ path: plain, baseSha256: sha('A=1\n'), edits: [{ kind: 'set', key: 'A', value: '2' }] })).modeAdvice).toBeNull();
  });

  it('keeps a BOM and CRLF line endings byte for byte', async () => {
    const before = '\uFEFF# head\r\nA=1\r\nB="x"\r\n';
    const path = await envFile(before);
    await service.save({ path, baseSha256: sha(before), edits: [{ kind: 'set', key: 'B', value: 'y z' }, { kind: 'set', key: 'C', value: '3' }] });
    expect(await readFile(path)).toEqual(Buffer.from('\uFEFF# head\r\nA=1\r\nB="y z"\r\nC=3\r\n', 'utf8'));
  });

  it('returns a conflict with the masked diff and writes nothing when the file changed after it was read', async () => {
    const path = await envFile('A=1\nSENTINEL_SECRET_KEY=old-secret-value\n');
    const doc = await service.read({ path });
    await writeFile(path, 'A=1\nSENTINEL_SECRET_KEY=someone-elses-edit\n');
    const out = await service.save({ path, baseSha256: doc.sha256, edits: [{ kind: 'set', key: 'A', value: '2' }] });
    expect(out).toMatchObject({ status: 'conflict', message: expect.stringContaining('changed on disk') });
    expect(out.status === 'conflict' && out.diff.rows.filter((r) => r.kind === 'changed')).toEqual([
      { kind: 'changed', oldLine: 2, newLine: 2, oldText: 'SENTINEL_SECRET_KEY=•••• (16 chars)', newText: 'SENTINEL_SECRET_KEY=so… (18 chars)' },
    ]);
    expect(await readFile(path, 'utf8')).toBe('A=1\nSENTINEL_SECRET_KEY=someone-elses-edit\n');
    expect(await readdir(dir)).toEqual(['sentinel.env']);
  });

  it('returns a conflict when an editor saves between the backup and the replace; the backup goes again', async () => {
    const path = await envFile('A=1\n');
    const fs = createNodePostureFs();
    const racing = createPostureService(testDeps({
      fs: { ...fs, writeNew: async (p, bytes, mode) => {
        await fs.writeNew(p, bytes, mode);
        await writeFile(path, 'A=editor\n');
      } },
    }));
    const out = await racing.save({ path, baseSha256: sha('A=1\n'), edits: [{ kind: 'set', key: 'A', value: 'console' }] });
    expect(out.status).toBe('conflict');
    expect(await readFile(path, 'utf8')).toBe('A=editor\n');
    expect(await readdir(dir)).toEqual(['sentinel.env']);
  });

  it('refuses to write through a symlink and leaves link and target as they were', async () => {
    const target = await envFile('A=1\n', 0o600, 'real.env');
    const link = join(dir, 'sentinel.env');
    await symlink(target, link);
    await expect(service.save({ path: link, baseSha256: sha('A=1\n'), edits: [{ kind: 'set', key: 'A', value: '2' }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('A=1\n');
    expect((await readdir(dir)).sort()).toEqual(['real.env', 'sentinel.env']);
  });

  it.skipIf(process.getuid?.() !== 0)('as root, refuses a file owned by another user (uid 65534) and leaves it untouched', async () => {
    const path = await envFile('A=1\n');
    await chown(path, 65534, 65534);
    await expect(service.save({ path, baseSha256: sha('A=1\n'), edits: [{ kind: 'set', key: 'A', value: '2' }] })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('belongs to uid 65534') });
    expect(await readFile(path, 'utf8')).toBe('A=1\n');
    expect((await stat(path)).uid).toBe(65534);
  });

  it('refuses edits with an unrepresentable value as a whole: nothing written, no backup', async () => {
    const path = await envFile('A=1\n');
    await expect(service.save({ path, baseSha256: sha('A=1\n'), edits: [{ kind: 'set', key: 'B', value: '2' }, { kind: 'set', key: 'A', value: `'"\`#` }] })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Nothing was written\. A: /) });
    expect(await readdir(dir)).toEqual(['sentinel.env']);
  });
});

describe('env.save and a crash', () => {
  it('killed between the temp write and the rename, it leaves the original intact and only a dot-named temp file', async () => {
    const original = 'SENTINEL_SECRET_KEY=old\nA=1\n';
    const path = await envFile(original);
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'test-crash-child.ts'), path, sha(original), 'A', 'new-value'], {
      cwd: join(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const temp = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const ready = /READY (.+)\n/.exec(out);
        if (ready) resolve(ready[1] as string);
      });
      child.once('close', (code) => reject(new Error(`child ended (${code}) before the rename hook: ${stderr}`)));
    });
    // At the hook the new bytes are complete and synced in the temp file; the target is still the old one.
    expect(await readFile(temp, 'utf8')).toBe('SENTINEL_SECRET_KEY=old\nA=new-value\n');
    const exited = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(await readFile(path, 'utf8')).toBe(original);
    const names = (await readdir(dir)).sort();
    const backups = names.filter((n) => n.startsWith('sentinel.env.bak-'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(dir, backups[0] as string), 'utf8')).toBe(original);
    const leftovers = names.filter((n) => n !== 'sentinel.env' && !backups.includes(n));
    expect(leftovers).toEqual([temp.slice(dir.length + 1)]);
    // Never picked up as configuration: a dot-file (hidden from `*` globs) whose name does not end in .env.
    for (const name of leftovers) {
      expect(name.startsWith('.')).toBe(true);
      expect(name.endsWith('.env')).toBe(false);
    }
  });
});
