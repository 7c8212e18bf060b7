import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** How one child process ended: its output (bounded), exit status and whether we had to stop it. */
export interface RunResult {
  readonly argv: readonly string[];
  /** Null when it did not exit normally (signal, timeout, spawn failure). */
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when it ran past the timeout and was killed. */
  readonly timedOut: boolean;
  /** Why it could not start at all (e.g. ENOENT: no such binary). */
  readonly spawnError: string | null;
  /** True when output past maxOutputBytes was dropped. */
  readonly truncated: boolean;
  readonly durationMs: number;
}

export interface RunOptions {
  readonly timeoutMs: number;
  /** Per stream; nginx -t prints a few lines, so anything past this is noise. */
  readonly maxOutputBytes?: number;
}

/** Runs argv[0] with the rest as arguments, never through a shell. */
export type ProcessRunner = (argv: readonly string[], options: RunOptions) => Promise<RunResult>;

const DEFAULT_MAX_OUTPUT = 256 * 1024;

function collector(max: number): { push(chunk: Buffer): void; text(): string; truncated(): boolean } {
  const chunks: Buffer[] = [];
  let size = 0;
  let dropped = false;
  return {
    push(chunk) {
      const room = max - size;
      if (room <= 0) {
        dropped = true;
        return;
      }
      const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
      if (kept.length < chunk.length) dropped = true;
      chunks.push(kept);
      size += kept.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
    truncated: () => dropped,
  };
}

/**
 * The node:child_process runner: no shell, stdin closed, bounded output, and on timeout
 * SIGKILL to the one PID it started (nginx -t and -s reload do not fork).
 */
export const runProcess: ProcessRunner = (argv, options) =>
  new Promise((resolve) => {
    const started = performance.now();
    const [command, ...args] = argv;
    const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    const out = collector(max);
    const err = collector(max);
    let timedOut = false;
    const result = (exitCode: number | null, signal: string | null, spawnError: string | null): RunResult => ({
      argv,
      exitCode,
      signal,
      stdout: out.text(),
      stderr: err.text(),
      timedOut,
      spawnError,
      truncated: out.truncated() || err.truncated(),
      durationMs: Math.round(performance.now() - started),
    });
    if (command === undefined) return resolve(result(null, null, 'empty command'));
    let child;
    try {
      child = spawn(command, args, { shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      return resolve(result(null, null, e instanceof Error ? e.message : String(e)));
    }
    const running = child;
    const timer = setTimeout(() => {
      timedOut = true;
      if (running.pid !== undefined) running.kill('SIGKILL');
    }, options.timeoutMs);
    running.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    running.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    running.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(result(null, null, e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message));
    });
    running.once('close', (code, signal) => {
      clearTimeout(timer);
      // After 'error' the promise is settled already; resolving again is a no-op.
      resolve(result(code, signal, null));
    });
  });

/** One line for the operator when a run did not produce an exit code. */
export function describeFailure(run: RunResult, timeoutMs: number): string | null {
  if (run.spawnError !== null) return `could not start ${run.argv[0] ?? ''}: ${run.spawnError}`;
  const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
  if (run.timedOut) return `${run.argv.join(' ')} did not finish within ${limit} and was stopped`;
  if (run.exitCode === null) return `${run.argv.join(' ')} was stopped by ${run.signal ?? 'a signal'}`;
  return null;
}
