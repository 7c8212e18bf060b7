import { describe, expect, it } from 'vitest';
import { describeFailure, runProcess } from './runner';

describe('runProcess', () => {
  it('passes arguments verbatim (no shell) and captures both streams and the exit code', async () => {
    const run = await runProcess(['/bin/sh', '-c', 'printf "%s" "$1"; printf err >&2; exit 3', 'sh', '$(touch /nope); `x`'], { timeoutMs: 5_000 });
    expect(run).toMatchObject({ exitCode: 3, stdout: '$(touch /nope); `x`', stderr: 'err', timedOut: false, spawnError: null, truncated: false });
  });

  it('kills a process that outlives the timeout, by its PID, and says so', async () => {
    const run = await runProcess(['/bin/sleep', '10'], { timeoutMs: 200 });
    expect(run.timedOut).toBe(true);
    expect(run.signal).toBe('SIGKILL');
    expect(run.durationMs).toBeLessThan(5_000);
    expect(describeFailure(run, 200)).toBe('/bin/sleep 10 did not finish within 200 ms and was stopped');
  });

  it('bounds the output it keeps', async () => {
    const run = await runProcess(['/bin/sh', '-c', 'head -c 100000 /dev/zero | tr "\\0" a'], { timeoutMs: 5_000, maxOutputBytes: 1000 });
    expect(run.stdout).toHaveLength(1000);
    expect(run.truncated).toBe(true);
  });

  it('reports a missing binary as a value, not a throw', async () => {
    const run = await runProcess(['/nonexistent/nginx', '-t'], { timeoutMs: 1_000 });
    expect(run.spawnError).toBe('no such file');
    expect(describeFailure(run, 1_000)).toBe('could not start /nonexistent/nginx: no such file');
  });
});
