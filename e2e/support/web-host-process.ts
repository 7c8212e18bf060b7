import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface WebHostProcess {
  readonly url: string;
  readonly origin: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const URL_LINE = /serving on (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/;

/** Starts the built web host (out/hosts/web.mjs) with its own data dir and waits for its URL. */
export async function startWebHostProcess(root: string, dataDir: string, timeoutMs = 15_000): Promise<WebHostProcess> {
  const child = spawn(process.execPath, [`${root}/out/hosts/web.mjs`, '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code ?? 'signal'} before serving:\n${output}`));
    });
  });
  return { url, origin: new URL(url).origin, pid: child.pid ?? -1, stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL to the same PID after a bound: teardown never hangs a run. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
