import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NginxDirective } from '../types';
import { loadNginxConfig, MAX_INCLUDE_DEPTH, type ConfigReader } from './load';

/** An in-memory file system behind the loader's port; globs match `*` and `?` within one path segment. */
function memoryReader(files: Record<string, string>): ConfigReader & { reads: string[] } {
  const reads: string[] = [];
  const toRegex = (pattern: string): RegExp =>
    new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return {
    reads,
    read: async (path) => {
      reads.push(path);
      return files[path] ?? null;
    },
    glob: async (pattern) => Object.keys(files).filter((p) => toRegex(pattern).test(p)).reverse(),
  };
}

/** The real file system, as the main process will give it (glob on the last path segment only). */
const diskReader: ConfigReader = {
  read: (path) => readFile(path, 'utf8').catch(() => null),
  glob: async (pattern) => {
    const re = new RegExp(`^${basename(pattern).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    const names = await readdir(dirname(pattern)).catch(() => []);
    return names.filter((n) => re.test(n)).map((n) => join(dirname(pattern), n));
  },
};

const flat = (ds: readonly NginxDirective[]): string[] => ds.flatMap((d) => [`${d.name}@${d.pos.file}:${d.pos.line}`, ...flat(d.block ?? [])]);

describe('loadNginxConfig with an in-memory reader', () => {
  it('expands includes in place, at any depth, keeping each directive\'s own file and line', async () => {
    const reader = memoryReader({
      '/etc/nginx/nginx.conf': 'events {}\nhttp {\n  include conf.d/*.conf;\n  sendfile on;\n}\n',
      '/etc/nginx/conf.d/b.conf': 'server {\n  include snippets/tls.conf;\n}\n',
      '/etc/nginx/conf.d/a.conf': 'upstream app { server 127.0.0.1:8000; }\n',
      '/etc/nginx/snippets/tls.conf': '\n\nssl_verify_client on;\n',
    });
    const config = await loadNginxConfig('/etc/nginx/nginx.conf', reader);
    expect(config.errors).toEqual([]);
    expect(flat(config.directives)).toEqual([
      'events@/etc/nginx/nginx.conf:1',
      'http@/etc/nginx/nginx.conf:2',
      'upstream@/etc/nginx/conf.d/a.conf:1',
      'server@/etc/nginx/conf.d/a.conf:1',
      'server@/etc/nginx/conf.d/b.conf:1',
      'ssl_verify_client@/etc/nginx/snippets/tls.conf:3',
      'sendfile@/etc/nginx/nginx.conf:4',
    ]);
    expect(config.files).toEqual(['/etc/nginx/nginx.conf', '/etc/nginx/conf.d/a.conf', '/etc/nginx/conf.d/b.conf', '/etc/nginx/snippets/tls.conf']);
  });

  it('resolves relative includes against the given prefix, not the including file', async () => {
    const reader = memoryReader({ '/srv/conf/main.conf': 'include extra.conf;', '/etc/nginx/extra.conf': 'sendfile on;' });
    const config = await loadNginxConfig('/srv/conf/main.conf', reader, { prefix: '/etc/nginx' });
    expect(flat(config.directives)).toEqual(['sendfile@/etc/nginx/extra.conf:1']);
  });

  it('lints pasted text under a name without reading that file', async () => {
    const reader = memoryReader({ '/etc/nginx/conf.d/x.conf': 'should not be read;', '/etc/nginx/conf.d/h.conf': 'gzip on;' });
    const config = await loadNginxConfig('/etc/nginx/conf.d/x.conf', reader, { text: 'include /etc/nginx/conf.d/h.conf;', prefix: '/etc/nginx' });
    expect(reader.reads).toEqual(['/etc/nginx/conf.d/h.conf']);
    expect(flat(config.directives)).toEqual(['gzip@/etc/nginx/conf.d/h.conf:1']);
  });

  it('turns missing files, loops and bad includes into errors at the include line and loads the rest', async () => {
    const reader = memoryReader({
      '/c/main.conf': 'a 1;\ninclude missing.conf;\ninclude loop.conf;\ninclude none/*.conf;\ninclude;\nb 2;',
      '/c/loop.conf': 'c 3;\ninclude main.conf;',
    });
    const config = await loadNginxConfig('/c/main.conf', reader);
    expect(config.errors.map((e) => `${e.pos.file}:${e.pos.line}`)).toEqual(['/c/main.conf:2', '/c/loop.conf:2', '/c/main.conf:5']);
    expect(config.errors[0]?.message).toMatch(/include "\/c\/missing.conf" cannot be read/);
    expect(config.errors[1]?.message).toMatch(/loops back/);
    expect(flat(config.directives)).toEqual(['a@/c/main.conf:1', 'c@/c/loop.conf:1', 'b@/c/main.conf:6']);
  });

  it('stops runaway include chains at the depth bound', async () => {
    const files: Record<string, string> = {};
    for (let k = 0; k < 40; k++) files[`/d/${k}.conf`] = `x ${k};\ninclude ${k + 1}.conf;`;
    const config = await loadNginxConfig('/d/0.conf', memoryReader(files));
    expect(config.files).toHaveLength(MAX_INCLUDE_DEPTH);
    expect(config.errors).toHaveLength(1);
    expect(config.errors[0]?.message).toMatch(/nested more than 16 levels/);
  });

  it('reports a reader that throws as an error value', async () => {
    const reader: ConfigReader = { read: async () => Promise.reject(new Error('EACCES: permission denied')), glob: async () => [] };
    const config = await loadNginxConfig('/etc/nginx/nginx.conf', reader);
    expect(config.directives).toEqual([]);
    expect(config.errors[0]?.message).toBe('/etc/nginx/nginx.conf cannot be read: EACCES: permission denied');
  });
});

describe('loadNginxConfig on real files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nginx-load-'));
    await mkdir(join(dir, 'conf.d'));
    await writeFile(join(dir, 'nginx.conf'), 'events {}\nhttp {\n  include conf.d/*.conf;\n}\n');
    await writeFile(join(dir, 'conf.d', '10-app.conf'), 'server {\n  listen 8443 ssl;\n  include tls.inc;\n}\n');
    await writeFile(join(dir, 'conf.d', '20-broken.conf'), 'server {\n  listen 9443\n  server_name x;\n}\n');
    await writeFile(join(dir, 'conf.d', 'README'), 'not included');
    await writeFile(join(dir, 'tls.inc'), 'ssl_verify_client on;\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the tree from disk in glob order, relative to the conf prefix, and reports the broken file at its line', async () => {
    const config = await loadNginxConfig(join(dir, 'nginx.conf'), diskReader);
    expect(config.files).toEqual([join(dir, 'nginx.conf'), join(dir, 'conf.d/10-app.conf'), join(dir, 'tls.inc'), join(dir, 'conf.d/20-broken.conf')]);
    expect(config.errors.map((e) => `${e.pos.file}:${e.pos.line}`)).toEqual([`${join(dir, 'conf.d/20-broken.conf')}:2`]);
    expect(flat(config.directives)).toContain(`ssl_verify_client@${join(dir, 'tls.inc')}:1`);
  });

  it.skipIf(!existsSync('/etc/nginx/nginx.conf'))('loads the system /etc/nginx/nginx.conf with its includes and no errors', async () => {
    const config = await loadNginxConfig('/etc/nginx/nginx.conf', diskReader);
    expect(config.errors).toEqual([]);
    expect(config.files[0]).toBe('/etc/nginx/nginx.conf');
    if (existsSync('/etc/nginx/sites-enabled/default')) expect(config.files).toContain('/etc/nginx/sites-enabled/default');
    expect(config.directives.find((d) => d.name === 'http')?.block?.some((d) => d.name === 'server')).toBe(true);
  });
});
