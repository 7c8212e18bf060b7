import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dispatch } from '../../electron/services/dispatch';
import { createNodeRouterDeps } from '../../electron/services/node-services';
import { createRouter } from '../../electron/services/router';
import { generateTestPki } from '../support/test-pki';

import { median } from './median';

const run = promisify(execFile);


/**
 * `npm run bench` case: what the NGINX screen does for one config (render, lint with the
 * referenced files read, `nginx -t` in a private prefix) against `nginx -t` alone on the same
 * rendered file, which is what an operator hand-editing configs runs. Nothing is asserted.
 */
export async function benchNginx(rounds: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-nginx-'));
  try {
    const pki = await generateTestPki(join(dir, 'pki'));
    const router = createRouter(createNodeRouterDeps(
      { name: 'bench', version: '0', host: 'cli', dataDir: dir, platform: process.platform, arch: process.arch, processVersions: { node: process.versions.node, v8: process.versions.v8 } },
      { emit: () => undefined },
    ));
    const draft = {
      serverName: 'localhost',
      tlsCertPath: pki.server.fullchainPath,
      tlsKeyPath: pki.server.keyPath,
      clientCaPath: pki.caBundle.path,
      crlPath: pki.crlBundle.path,
      listen: ['127.0.0.1:18443'],
    };
    const once = async (): Promise<string> => {
      const rendered = await dispatch(router, 'nginx.render', { draft, checkFiles: true });
      if (!rendered.ok || rendered.value.status !== 'rendered') throw new Error(`render refused the bench input: ${JSON.stringify(rendered)}`);
      const text = rendered.value.text;
      const source = { kind: 'text', name: 'bench.conf', text } as const;
      // render already lints its own text (with the referenced files read), as the screen shows it.
      const check = await dispatch(router, 'nginx.check', { source });
      if (!check.ok || !check.value.ok || rendered.value.lint.length > 0) throw new Error(`the rendered config did not pass: ${JSON.stringify({ rendered, check })}`);
      return text;
    };
    const text = await once();
    const ours = await median(rounds, once);

    // nginx -t alone, on the same text, in the same kind of private prefix.
    const prefix = join(dir, 'prefix');
    await mkdir(join(prefix, 'conf'), { recursive: true });
    await mkdir(join(prefix, 'logs'), { recursive: true });
    await writeFile(join(prefix, 'conf/site.conf'), text);
    await writeFile(join(prefix, 'conf/nginx.conf'), `pid logs/nginx.pid;\nerror_log logs/error.log;\nevents {}\nhttp {\n  include site.conf;\n}\n`);
    const args = ['-t', '-q', '-p', `${prefix}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log'];
    const theirs = await median(rounds, () => run('/usr/sbin/nginx', args));
    return `NGINX render + lint + nginx -t for one config (in-process service, the NGINX screen's path): ${ours.toFixed(1)} ms vs nginx -t alone ${theirs.toFixed(1)} ms, ratio ${(ours / theirs).toFixed(2)}x`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
