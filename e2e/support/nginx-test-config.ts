import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NGINX_BIN } from './nginx';

/** What `nginx -t` said about one conf.d file. */
export interface ConfigTestOutcome {
  ok: boolean;
  /** nginx's stderr (it reports on stderr even when the test passes). */
  output: string;
}

/**
 * The main config a Debian host has around conf.d: the rendered file is included inside
 * `http {}`, exactly where the installer puts it, and contributes nothing at main level.
 */
export function mainConfig(): string {
  return `pid run/nginx.pid;
error_log logs/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path tmp/client_body;
  proxy_temp_path tmp/proxy;
  fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi;
  scgi_temp_path tmp/scgi;
  include conf.d/*.conf;
}
`;
}

/**
 * Runs the real `nginx -t` on `confd` as `conf/conf.d/sentinel-secure-x.conf` in a throw-away
 * prefix (removed afterwards). Referenced cert/key/CA/CRL paths must exist: nginx opens them.
 */
export async function nginxConfigTest(confd: string): Promise<ConfigTestOutcome> {
  const prefix = await mkdtemp(join(tmpdir(), 'sentinel-nginx-t-'));
  try {
    await chmod(prefix, 0o755);
    for (const dir of ['conf/conf.d', 'logs', 'run', 'tmp']) await mkdir(join(prefix, dir), { recursive: true });
    await writeFile(join(prefix, 'conf/nginx.conf'), mainConfig());
    await writeFile(join(prefix, 'conf/conf.d/sentinel-secure-x.conf'), confd);
    const args = ['-t', '-p', `${prefix}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log'];
    return await new Promise<ConfigTestOutcome>((resolve) => {
      execFile(NGINX_BIN, args, { timeout: 15_000 }, (err, _stdout, stderr) => resolve({ ok: err === null, output: stderr }));
    });
  } finally {
    await rm(prefix, { recursive: true, force: true });
  }
}
