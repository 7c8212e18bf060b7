import dotenv from 'dotenv';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Router } from '../../../shared/ipc/types';
import { createNodeRouterDeps } from '../../services/node-services';
import { createRouter } from '../../services/router';
import { runCli } from './run';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-env-set-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const appInfo = { name: 'Sentinel Console', version: '1.0.0', host: 'cli', dataDir: '', platform: 'linux', arch: 'x64', processVersions: { node: '20', v8: '11' } } as const;
const realRouter = (): Router => createRouter(createNodeRouterDeps({ ...appInfo, dataDir: dir }, { emit: () => undefined }));

async function cli(argv: string[], router: () => Router = realRouter) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, router, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const ENV = '# Sentinel Secure X\nexport SENTINEL_ALLOWED_ORIGINS=* # tighten\nSENTINEL_SECRET_KEY=dev\n';

async function envFile(text = ENV): Promise<string> {
  const path = join(dir, 'sentinel.env');
  await writeFile(path, text, { mode: 0o600 });
  return path;
}

describe('sentinel-console env set', () => {
  it('sets and adds keys, keeps the rest byte for byte, names keys but never values, exit 0', async () => {
    const path = await envFile();
    const { code, stdout } = await cli(['env', 'set', 'sentinel.env', 'SENTINEL_ALLOWED_ORIGINS=https://console.example', 'NEW_FLAG=true']);
    expect(code).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(
      '# Sentinel Secure X\nexport SENTINEL_ALLOWED_ORIGINS=https://console.example # tighten\nSENTINEL_SECRET_KEY=dev\nNEW_FLAG=true\n',
    );
    expect(stdout).toMatch(/^Saved .*sentinel\.env \(previous file kept as .*sentinel\.env\.bak-\d{8}T\d{6}Z\)/);
    expect(stdout).toMatch(/changed\s+SENTINEL_ALLOWED_ORIGINS/);
    expect(stdout).toMatch(/added\s+NEW_FLAG/);
    expect(stdout).not.toContain('console.example');
    const backup = (await readdir(dir)).find((n) => n.startsWith('sentinel.env.bak-')) as string;
    expect(await readFile(join(dir, backup), 'utf8')).toBe(ENV);
  });

  it('--generate writes a fresh 256-bit secret to the file only: not on stdout, not in --json', async () => {
    const path = await envFile();
    const text = await cli(['env', 'set', path, '--generate', 'SENTINEL_SECRET_KEY']);
    expect(text.code).toBe(0);
    const first = dotenv.parse(await readFile(path, 'utf8')).SENTINEL_SECRET_KEY as string;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(text.stdout).toMatch(/generated\s+SENTINEL_SECRET_KEY\s+\(a new 256-bit secret, written to the file only and not shown\)/);
    expect(text.stdout + text.stderr).not.toContain(first);
    const json = await cli(['env', 'set', path, '--generate', 'SENTINEL_SECRET_KEY', '--json']);
    const second = dotenv.parse(await readFile(path, 'utf8')).SENTINEL_SECRET_KEY as string;
    expect(second).not.toBe(first);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'saved', path, mode: 0o600 });
    expect(json.stdout + json.stderr).not.toContain(second);
  });

  it('a value dotenv cannot read back: exit 1 with the reason, file untouched, no backup', async () => {
    const path = await envFile();
    const { code, stdout } = await cli(['env', 'set', path, 'A=ok', `B='"\`#`]);
    expect(code).toBe(1);
    expect(stdout).toContain(`Not written: ${path} is unchanged.`);
    expect(stdout).toMatch(/B: dotenv cannot read this value back exactly/);
    expect(await readFile(path, 'utf8')).toBe(ENV);
    expect(await readdir(dir)).toEqual(['sentinel.env']);
  });

  it('a file changed between reading and saving: exit 1 with the conflict, the other edit kept', async () => {
    const path = await envFile();
    const racing = (): Router => {
      const router = realRouter();
      return { ...router, 'env.preview': async (input) => {
        const preview = await router['env.preview'](input);
        await writeFile(path, 'SENTINEL_SECRET_KEY=edited-meanwhile\n');
        return preview;
      } };
    };
    const { code, stdout } = await cli(['env', 'set', path, 'A=1'], racing);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Not written: .*changed on disk since it was opened/);
    expect(await readFile(path, 'utf8')).toBe('SENTINEL_SECRET_KEY=edited-meanwhile\n');
  });

  it.each([
    [['env', 'set', 'x.env', 'NOEQUALS'], 'argument 2 has no "="'],
    [['env', 'set', 'x.env', 'BAD KEY=hunter2'], '"BAD KEY" is not a key dotenv reads'],
    [['env', 'set', 'x.env'], 'at least one KEY=VALUE'],
    [['env', 'set', 'x.env', 'A=1', '--generate', 'A'], 'A is given more than once'],
    [['env', 'set'], 'needs a .env file'],
  ])('bad arguments %j: exit 2, no value echoed', async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('hunter2');
  });

  it('a missing file is exit 2 and a symlink is refused with exit 1', async () => {
    expect((await cli(['env', 'set', 'absent.env', 'A=1'])).code).toBe(2);
    await symlink(await envFile(), join(dir, 'link.env'));
    const linked = await cli(['env', 'set', 'link.env', 'A=1']);
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain('symbolic link');
  });
});
