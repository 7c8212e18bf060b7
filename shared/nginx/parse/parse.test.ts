import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { NginxDirective } from '../types';
import { MAX_NESTING, parseNginx } from './parse';

const parse = (text: string) => parseNginx(text, '/etc/nginx/conf.d/t.conf');
const shape = (ds: readonly NginxDirective[]): unknown[] => ds.map((d) => (d.block ? [d.name, ...d.args, shape(d.block)] : [d.name, ...d.args]));
const errorLines = (text: string): number[] => parse(text).errors.map((e) => e.pos.line);

describe('parseNginx', () => {
  it('reads blocks, directives and positions', () => {
    const { directives, errors } = parse('http {\n  server {\n    listen 443 ssl;\n  }\n}\n');
    expect(errors).toEqual([]);
    expect(shape(directives)).toEqual([['http', [['server', [['listen', '443', 'ssl']]]]]]);
    const listen = directives[0]?.block?.[0]?.block?.[0];
    expect(listen?.pos).toEqual({ file: '/etc/nginx/conf.d/t.conf', line: 3, column: 5 });
  });

  it('removes quotes and resolves escapes as nginx does', () => {
    const { directives, errors } = parse(
      String.raw`a "x\"y" 'it\'s' "tab\there" back\\slash keep\q "semi;colon{brace}" 'multi
line';`,
    );
    expect(errors).toEqual([]);
    expect(directives[0]?.args).toEqual(['x"y', "it's", 'tab\there', 'back\\slash', 'keep\\q', 'semi;colon{brace}', 'multi\nline']);
  });

  it('keeps ${var}, # and quotes inside words, and reads if conditions as nginx splits them', () => {
    const { directives, errors } = parse('set $u ${scheme}://a#b;\nif ($ssl_client_verify != "SUCCESS") { return 403; }');
    expect(errors).toEqual([]);
    expect(shape(directives)).toEqual([
      ['set', '$u', '${scheme}://a#b'],
      ['if', '($ssl_client_verify', '!=', 'SUCCESS', ')', [['return', '403']]],
    ]);
  });

  it('reports a forgotten ";" at the directive that lacks it and keeps both directives', () => {
    const text = 'server {\n  listen 443 ssl\n  server_name a.example;\n  proxy_pass http://x\n  location / { return 204; }\n}';
    const { directives, errors } = parse(text);
    expect(errors.map((e) => [e.pos.line, e.message])).toEqual([
      [2, '"listen" directive is not terminated by ";" (the next line starts a "server_name" directive)'],
      [4, '"proxy_pass" directive is not terminated by ";" (the next line starts a "location" directive)'],
    ]);
    expect(shape(directives)).toEqual([
      ['server', [['listen', '443', 'ssl'], ['server_name', 'a.example'], ['proxy_pass', 'http://x'], ['location', '/', [['return', '204']]]]],
    ]);
  });

  it('reports unbalanced braces and keeps parsing past them', () => {
    expect(errorLines('server {\n  location / {\n    return 204;\n}\n')).toEqual([1]);
    expect(parse('server {\n  listen 80;\n').errors[0]?.message).toMatch(/"server" block opened here is never closed/);
    const stray = parse('a 1;\n}\nb 2;');
    expect(stray.errors.map((e) => e.pos.line)).toEqual([2]);
    expect(shape(stray.directives)).toEqual([['a', '1'], ['b', '2']]);
    expect(errorLines('server { return 204 }')).toEqual([1]);
    expect(errorLines('{ a 1; }\nb 2;')).toEqual([1]);
    expect(errorLines(';')).toEqual([1]);
  });

  it('reports an unterminated quote at the line where it opens', () => {
    const { errors } = parse('server {\n  server_name "a.example;\n  listen 443;\n}\n');
    expect(errors.map((e) => e.pos.line)).toContain(2);
    expect(errors.find((e) => e.pos.line === 2)?.message).toMatch(/unterminated double-quoted string/);
  });

  it('refuses text glued to a closing quote, as nginx does', () => {
    expect(parse('a "x"y;').errors[0]?.message).toMatch(/right after a quoted string/);
    expect(parse('a "x";').errors).toEqual([]);
  });

  it('names block directives used without a block and simple ones given a block', () => {
    expect(parse('location /;').errors[0]?.message).toBe('"location" directive has no opening "{"');
    expect(parse('proxy_pass http://x { }').errors[0]?.message).toMatch(/"proxy_pass" directive is not terminated by ";"/);
    expect(parse('upstream u { server 127.0.0.1:1; }').errors).toEqual([]);
  });

  it('stays bounded on hostile nesting and size', () => {
    const deep = 'a {'.repeat(200_000);
    const started = Date.now();
    const { errors } = parse(deep);
    expect(errors.some((e) => e.message.includes(`deeper than ${MAX_NESTING} levels`))).toBe(true);
    expect(parse('}'.repeat(200_000)).errors).toHaveLength(200_000);
    const big = parse('x'.repeat(9 * 1024 * 1024));
    expect(big.errors[0]?.message).toMatch(/more than the \d+ this reader accepts/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

const run = promisify(execFile);

/** nginx itself as the judge of whether a text parses: `nginx -t` on it inside http{}. */
async function nginxAccepts(httpBody: string): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'nginx-parse-'));
  try {
    await writeFile(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;\nevents {}\nhttp {\n${httpBody}\n}\n`);
    await run('/usr/sbin/nginx', ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync('/usr/sbin/nginx'))('agreement with nginx -t', () => {
  it.each([
    ['escaped quotes and a multi-line log_format', `log_format m '$remote_addr \\'x\\''\n   "$status \\"y\\"";`],
    ['map with quoted keys, regex and ${var}', 'map $host $v {\n default "${scheme}x";\n "~^a{2}" 1;\n hostnames;\n}'],
    ['comment glued to a word', 'default_type text/plain#notcomment; # comment'],
    ['upstream block', 'upstream app { server 127.0.0.1:8000; keepalive 4; }'],
    ['missing ";" before the next directive', 'default_type text/plain\nsendfile on;'],
    ['missing "}"', 'upstream app { server 127.0.0.1:8000;'],
    ['stray "}"', 'sendfile on; }'],
    ['unterminated quote', 'default_type "text/plain;'],
    ['text glued to a closing quote', 'default_type "text"plain;'],
    ['directive before "}" without ";"', 'upstream app { server 127.0.0.1:8000 }'],
  ])('%s: parse errors exactly when nginx refuses', async (_name, body) => {
    const ours = parseNginx(`events {}\nhttp {\n${body}\n}\n`, 'nginx.conf').errors.length === 0;
    expect(ours).toBe(await nginxAccepts(body));
  });
});
