import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Debian's nginx; tests that need it skip when it is missing (see nginxAvailable). */
export const NGINX_BIN = '/usr/sbin/nginx';

/** Lets suites `describe.skipIf(!nginxAvailable())` instead of failing on machines without nginx. */
export function nginxAvailable(): boolean {
  return existsSync(NGINX_BIN);
}

/** Config fragments for one throw-away nginx; paths in directives resolve against PREFIX/conf. */
export interface StartNginxOptions {
  /** `server { listen 127.0.0.1:PORT ssl; ... }` blocks, pasted inside `http {}`. */
  serverBlocks: string;
  /** Extra files to write, keyed by path relative to the prefix (e.g. `pki/ca.pem` → `../pki/ca.pem` in conf). */
  files?: Record<string, string>;
  /** Directives pasted inside `http {}` before the server blocks (upstreams, maps, ...). */
  httpExtra?: string;
  /** Port to wait for; defaults to the first `listen 127.0.0.1:N` in serverBlocks. */
  port?: number;
  startTimeoutMs?: number;
}

/** Handle on a running nginx master that the test owns and must stop. */
export interface RunningNginx {
  pid: number;
  prefix: string;
  port: number;
  errorLog(): Promise<string>;
  /** Current worker PIDs (children of the master), for leak checks. */
  workerPids(): number[];
  /** SIGHUP; resolves once a new worker started, rejects with nginx's [emerg] lines if the new config failed. */
  reload(): Promise<void>;
  /** SIGQUIT (graceful), SIGKILL after a bound; removes the prefix. Idempotent. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const running = new Map<number, ChildProcess>();
let exitHookInstalled = false;

/** Last-resort cleanup if the test process dies with nginx still up: kill our own masters by PID. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of running.keys()) {
      for (const worker of childPids(pid)) safeKill(worker, 'SIGKILL');
      safeKill(pid, 'SIGKILL');
    }
  });
}

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** True while a process with this PID exists (signal 0 probes without killing). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function childPids(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function renderConf(opts: StartNginxOptions): string {
  return `daemon off;
master_process on;
worker_processes 1;
pid run/nginx.pid;
error_log logs/error.log info;
events { worker_connections 128; }
http {
  access_log logs/access.log;
  client_body_temp_path tmp/client_body;
  proxy_temp_path tmp/proxy;
  fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi;
  scgi_temp_path tmp/scgi;
${opts.httpExtra ?? ''}
${opts.serverBlocks}
}
`;
}

const nginxArgs = (prefix: string): string[] => ['-p', `${prefix}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log'];

function configTest(prefix: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(NGINX_BIN, ['-t', '-q', ...nginxArgs(prefix)], { timeout: STOP_TIMEOUT_MS }, (err, _out, stderr) => {
      if (err) reject(new Error(`nginx -t rejected the config:\n${stderr.trim() || err.message}`));
      else resolvePromise();
    });
  });
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function writeFiles(prefix: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const target = resolve(prefix, name);
    const rel = relative(prefix, target);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`file outside prefix: ${name}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content, { mode: /\.key$/.test(name) ? 0o600 : 0o644 });
  }
}

/** Starts a private nginx (own prefix, loopback port, foreground master) so tests exercise the real TLS stack. */
export async function startNginx(opts: StartNginxOptions): Promise<RunningNginx> {
  const port = opts.port ?? Number(/listen\s+127\.0\.0\.1:(\d+)/.exec(opts.serverBlocks)?.[1] ?? NaN);
  if (!Number.isInteger(port) || port <= 0) throw new Error('startNginx: no port option and no `listen 127.0.0.1:N`');
  const prefix = await mkdtemp(join(tmpdir(), 'sentinel-nginx-'));
  try {
    // As root, the master reads certs/keys and opens logs as root, but workers run as the compiled-in
    // default user `nobody`; they must traverse the prefix to use tmp/ (request bodies and proxied
    // responses spill to disk there). mkdtemp makes 0700, so open the prefix to 0755; nginx itself
    // chowns the temp dirs to the worker user. No `user root;` needed. As non-root all of this is moot.
    await chmod(prefix, 0o755);
    for (const dir of ['conf', 'logs', 'run', 'tmp']) await mkdir(join(prefix, dir), { mode: 0o755 });
    await writeFiles(prefix, opts.files ?? {});
    await writeFile(join(prefix, 'conf/nginx.conf'), renderConf(opts));
    await configTest(prefix);
  } catch (err) {
    await rm(prefix, { recursive: true, force: true });
    throw err;
  }

  installExitHook();
  const child = spawn(NGINX_BIN, nginxArgs(prefix), { detached: false, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let exitInfo: string | undefined;
  const exited = new Promise<void>((r) => {
    child.once('error', (err) => {
      exitInfo = `spawn error: ${err.message}`;
      r();
    });
    child.once('exit', (code, signal) => {
      exitInfo = `code ${code} signal ${signal}`;
      if (child.pid !== undefined) running.delete(child.pid);
      r();
    });
  });
  const errorLog = async (): Promise<string> => readFile(join(prefix, 'logs/error.log'), 'utf8').catch(() => '');
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${NGINX_BIN}`);
  running.set(pid, child);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (exitInfo === undefined) {
      safeKill(pid, 'SIGQUIT');
      const timer = sleep(STOP_TIMEOUT_MS).then(() => 'timeout' as const);
      if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout') {
        for (const worker of childPids(pid)) safeKill(worker, 'SIGKILL');
        safeKill(pid, 'SIGKILL');
        await Promise.race([exited, sleep(STOP_TIMEOUT_MS)]);
      }
    }
    await rm(prefix, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 10_000);
  for (;;) {
    const pidFile = await readFile(join(prefix, 'run/nginx.pid'), 'utf8').catch(() => '');
    // The pid file is written after the listening sockets are bound, so a match means "ours is listening".
    if (exitInfo === undefined && pidFile.trim() === String(pid) && (await tcpAccepts(port))) break;
    if (exitInfo !== undefined || Date.now() > deadline) {
      const why = exitInfo !== undefined ? `exited (${exitInfo})` : 'timed out';
      const log = await errorLog();
      await stop();
      throw new Error(`nginx on 127.0.0.1:${port} ${why}\n--- error.log ---\n${log}\n--- output ---\n${output}`);
    }
    await sleep(50);
  }

  const reload = async (): Promise<void> => {
    const offset = (await errorLog()).length;
    safeKill(pid, 'SIGHUP');
    const until = Date.now() + STOP_TIMEOUT_MS;
    for (;;) {
      const fresh = (await errorLog()).slice(offset);
      const emerg = fresh.split('\n').filter((l) => /\[(emerg|alert)\]/.test(l));
      if (emerg.length > 0) throw new Error(`nginx reload failed:\n${emerg.join('\n')}`);
      // Old workers close their listeners on "gracefully shutting down"; after that only new ones accept.
      if (/start worker process/.test(fresh) && /gracefully shutting down/.test(fresh)) return;
      if (Date.now() > until) throw new Error(`nginx reload not confirmed in error.log:\n${fresh}`);
      await sleep(50);
    }
  };

  return { pid, prefix, port, errorLog, workerPids: () => childPids(pid), reload, stop };
}
