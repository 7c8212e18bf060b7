import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli, type CliRun } from './run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `sentinel-console ca …` takes the passphrase from a prompt when no --passphrase-env is named: here, piped stdin. */

const PASSPHRASE = 'piped passphrase for the vault';
let dir = '';

const run = (args: string[], stdin: string): Promise<CliRun> => runBuiltCli([...args, '--data-dir', dir], { stdin, timeoutMs: 60_000 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-cli-ca-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('sentinel-console ca with a prompted passphrase (built)', () => {
  it('init and issue read the passphrase from stdin; it never appears in any output', async () => {
    const init = await run(['ca', 'init', '--subject', 'CN=Prompted Device CA'], `${PASSPHRASE}\n`);
    expect(init.code, init.stderr).toBe(0);
    const issue = await run(['ca', 'issue', '--device-id', 'device-0099', '--out', join(dir, 'out')], `${PASSPHRASE}\n`);
    expect(issue.code, issue.stderr).toBe(0);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(expect.arrayContaining(['device-0099.key', 'device-0099.pem']));
    for (const out of [init, issue]) expect(`${out.stdout}${out.stderr}`).not.toContain(PASSPHRASE);
  });

  it('a wrong passphrase fails with exit 1; no passphrase at all is a usage error (exit 2)', async () => {
    const wrong = await run(['ca', 'issue', '--device-id', 'device-0100', '--out', join(dir, 'out')], 'not the passphrase at all\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/passphrase/i);
    const none = await run(['ca', 'issue', '--device-id', 'device-0100', '--out', join(dir, 'out')], '');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--passphrase-env');
  });
});
