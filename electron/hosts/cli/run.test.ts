import { describe, expect, it } from 'vitest';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { Router } from '../../../shared/ipc/types';
import { createNodeRouterDeps } from '../../services/node-services';
import { createRouter } from '../../services/router';
import { transportTestRouter } from '../../services/test-router';
import { parseCliArgs } from './args';
import { runCli } from './run';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }, out, err };
}

const routerFor = (dataDir: string | undefined): Router =>
  createRouter(
    createNodeRouterDeps(
      { name: 'Sentinel Console', version: '1.0.0', host: 'cli', dataDir: dataDir ?? '/home/op/.config/sentinel-console', platform: 'linux', arch: 'x64', processVersions: { node: '20.20.2', v8: '11' } },
      { emit: () => undefined },
    ),
  );

describe('sentinel-console CLI', () => {
  it('info --json prints the app.info value as JSON and exits 0', async () => {
    const { io, out, err } = capture();
    expect(await runCli(['info', '--json'], routerFor, io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ version: '1.0.0', host: 'cli', versions: { node: '20.20.2', electron: null } });
    expect(err).toEqual([]);
  });

  it('--json is one line for programs and indented for people at a terminal, errors included', async () => {
    const piped = capture();
    await runCli(['info', '--json'], routerFor, piped.io);
    expect(piped.out.join('')).toMatch(/^\{"name":"Sentinel Console",.*\}\n$/);
    const terminal = capture();
    await runCli(['info', '--json'], routerFor, { ...terminal.io, stdoutIsTerminal: true });
    expect(terminal.out.join('')).toMatch(/^\{\n {2}"name": "Sentinel Console",\n/);
    expect(JSON.parse(terminal.out.join(''))).toEqual(JSON.parse(piped.out.join('')));
    const failing = (): Router => transportTestRouter({ 'app.info': async () => Promise.reject(new CommandFailure('TIMEOUT', 'took too long')) });
    const error = capture();
    await runCli(['info', '--json'], failing, { ...error.io, stdoutIsTerminal: true });
    expect(error.out.join('')).toBe('{\n  "ok": false,\n  "error": {\n    "code": "TIMEOUT",\n    "message": "took too long"\n  }\n}\n');
  });

  it('info prints aligned rows for people and honours --data-dir', async () => {
    const { io, out } = capture();
    expect(await runCli(['info', '--data-dir', '/srv/sc'], routerFor, io)).toBe(0);
    expect(out.join('')).toMatch(/^Version {9}Sentinel Console 1\.0\.0$/m);
    expect(out.join('')).toMatch(/^Data directory {2}\/srv\/sc$/m);
  });

  it.each([['--bogus'], ['info', '--bogus'], ['frobnicate'], ['info', '--data-dir'], ['help', 'nope']])(
    'exits 2 with one line on stderr for %j',
    async (...argv) => {
      const { io, out, err } = capture();
      expect(await runCli(argv, routerFor, io)).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('').trimEnd().split('\n')).toHaveLength(1);
      expect(err.join('')).toMatch(/^sentinel-console: /);
    },
  );

  it('prints help with the commands and exit codes', async () => {
    const { io, out } = capture();
    expect(await runCli(['--help'], routerFor, io)).toBe(0);
    expect(out.join('')).toContain('info');
    expect(out.join('')).toContain('Exit codes: 0 ok, 1 failed checks, 2 usage or input error.');
    const topic = capture();
    expect(await runCli(['info', '--help'], routerFor, topic.io)).toBe(0);
    expect(topic.out.join('')).toContain('sentinel-console info [--json]');
  });

  it('maps a failed operation to exit 1 with its code on stderr', async () => {
    const { io, err } = capture();
    const failing: Router = transportTestRouter({ 'app.info': async () => Promise.reject(new CommandFailure('UNAVAILABLE', 'data directory is locked')) });
    expect(await runCli(['info'], () => failing, io)).toBe(1);
    expect(err.join('')).toBe('sentinel-console: data directory is locked [UNAVAILABLE]\n');
  });

  it('parses --version', () => {
    expect(parseCliArgs(['--version'])).toEqual({ ok: true, request: { kind: 'version' } });
  });
});
