import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The built `sentinel-console` bin, as `npm run build` leaves it. */
export const BUILT_CLI = join(new URL('../..', import.meta.url).pathname, 'out/hosts/cli.js');

export interface CliRun {
  /** Exit code; -1 when killed (the timeout) or ended by a signal. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** Another copy of the bin (e.g. one whose caches a test damaged). */
  readonly cli?: string;
  /** Added to this process's environment; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Written to stdin, which is then closed (always closed, so a prompt never waits). */
  readonly stdin?: string;
  readonly timeoutMs?: number;
}

/** Runs the built CLI as an operator's shell would, and collects what it printed. */
export function runBuiltCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [options.cli ?? BUILT_CLI, ...args], { env, ...(options.cwd ? { cwd: options.cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
