import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli, type CliRun } from './run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../support/test-pki';

/** The built CLI's launcher: V8 code caches from the build are used, and a bad or missing one changes nothing but speed. */

const root = new URL('../..', import.meta.url).pathname;
let dir: string;
let pki: TestPki;

const run = (cli: string, args: readonly string[], mode?: 'report'): Promise<CliRun> =>
  runBuiltCli(args, { cli, env: { SENTINEL_CONSOLE_DATA_DIR: join(dir, 'data'), SENTINEL_CLI_CODE_CACHE: mode } });

/** A private copy of out/hosts, so a test can damage caches without touching the build. */
async function copyOfHosts(name: string): Promise<string> {
  const copy = join(dir, name);
  await cp(join(root, 'out/hosts'), copy, { recursive: true });
  return copy;
}

const report = (stderr: string): RegExpMatchArray | null => /code cache: (\d+) cached, rejected \[([^\]]*)\], missing \[([^\]]*)\]/.exec(stderr);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-cli-cache-'));
  pki = await generateTestPki(join(dir, 'pki'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('CLI code cache (built)', () => {
  it('the build wrote a cache for every bundle file, and an inspect run compiles nothing from source', async () => {
    const files = await readdir(join(root, 'out/hosts/cli'));
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    for (const s of scripts) expect(files, s).toContain(`${s}.v8cache`);
    const r = await run(join(root, 'out/hosts/cli.js'), ['inspect', pki.devices.valid.chainPath, '--json'], 'report');
    const m = report(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThan(3);
    expect(m?.[2]).toBe('');
    expect(m?.[3]).toBe('');
  });

  it('a corrupt cache is rejected by V8 and the run gives the same answer; so does a missing one', async () => {
    const args = ['inspect', pki.devices.valid.chainPath, '--role', 'device', '--json'];
    const good = await run(join(root, 'out/hosts/cli.js'), args);
    expect(JSON.parse(good.stdout)).toHaveProperty('objects');

    const damaged = await copyOfHosts('damaged');
    await writeFile(join(damaged, 'cli/main.js.v8cache'), Buffer.alloc(4096, 0x5a));
    const rejected = await run(join(damaged, 'cli.js'), args, 'report');
    expect(report(rejected.stderr)?.[2]).toBe('main.js');
    expect(rejected.code).toBe(good.code);
    expect(rejected.stdout).toBe(good.stdout);

    const bare = await copyOfHosts('bare');
    for (const f of await readdir(join(bare, 'cli'))) if (f.endsWith('.v8cache')) await rm(join(bare, 'cli', f));
    const missing = await run(join(bare, 'cli.js'), args, 'report');
    expect(report(missing.stderr)?.[3]).toContain('main.js');
    expect(missing.code).toBe(good.code);
    expect(missing.stdout).toBe(good.stdout);
  });
});
