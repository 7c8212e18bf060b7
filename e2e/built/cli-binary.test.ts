import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli, type CliRun } from './run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Runs the built `sentinel-console` bin as a user would, checking output and exit codes. */

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'out/hosts/cli.js');
let dataDir: string;

const runCli = (args: string[]): Promise<CliRun> => runBuiltCli(args, { env: { SENTINEL_CONSOLE_DATA_DIR: dataDir } });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sc-cli-'));
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describe('sentinel-console (built)', () => {
  it('info --json prints valid JSON with the package version', async () => {
    const { readFile } = await import('node:fs/promises');
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout, stderr } = await runCli(['info', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const info = JSON.parse(stdout) as { version: string; host: string; dataDir: string };
    expect(info).toMatchObject({ version, host: 'cli', dataDir });
  });

  it('a bad flag exits 2 with a one-line error on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['info', '--frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--frobnicate');
  });

  it('--help lists the commands and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}info +Show the console version/m);
  });

  it('starts with a node shebang so npm can link it as a bin', async () => {
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(cli, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const { spawn } = await import('node:child_process');
    // Half a megabyte of JSON, read only up to the first chunk.
    const child = spawn(process.execPath, [cli, 'inspect', '/etc/ssl/certs/ca-certificates.crt', '--json'], { env: { ...process.env, SENTINEL_CONSOLE_DATA_DIR: dataDir } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).not.toBeNull();
  });

  it('writes all of a large answer to a slow reader before it exits', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [cli, 'inspect', '/etc/ssl/certs/ca-certificates.crt', '--json'], { env: { ...process.env, SENTINEL_CONSOLE_DATA_DIR: dataDir } });
    // Nothing is read for a while, so the pipe fills and the CLI has to wait on it.
    child.stdout.pause();
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    setTimeout(() => child.stdout.resume(), 400);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const report = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { objects: unknown[] };
    expect(report.objects.length).toBeGreaterThan(100);
    expect(code === 0 || code === 1).toBe(true);
  });
});
