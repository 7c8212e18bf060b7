import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Token } from '../types';
import { parseNginx } from './parse';
import { tokenize } from './tokenize';

/** Every token's line/column must be where its text actually starts. */
function expectLossless(text: string): Token[] {
  const tokens = tokenize(text);
  expect(tokens.map((t) => t.text).join('')).toBe(text);
  let offset = 0;
  for (const t of tokens) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    expect([t.line, t.column], `token ${JSON.stringify(t.text)} at offset ${offset}`).toEqual([line, column]);
    expect(t.text.length).toBeGreaterThan(0);
    offset += t.text.length;
  }
  return tokens;
}

const kinds = (text: string): string[] => tokenize(text).filter((t) => t.kind !== 'whitespace').map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it.each([
    '',
    '   \n\t\r\n',
    'user www-data;',
    '# only a comment, no newline',
    'a "unterminated\n string',
    "b 'x\\'y' \"p\\\"q\";",
    'c "a"b;',
    'd ${var}x$y$1 \\$notvar;',
    'e {}}};;{',
    'f trailing backslash \\',
    'g "multi\nline\nstring" after;\r\nh x;',
    'i ünïcødé "😀 $host";',
  ])('gives back the input exactly, with true positions: %j', (text) => {
    expectLossless(text);
  });

  it('stays lossless on random syntax soup', () => {
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const alphabet = ['a', 'b', ' ', '\n', '\t', ';', '{', '}', '"', "'", '\\', '#', '$', '(', ')', 'x'];
    for (let run = 0; run < 200; run++) {
      const text = Array.from({ length: next() % 120 }, () => alphabet[next() % alphabet.length]).join('');
      expectLossless(text);
    }
  });

  it('marks the first word of each statement as the directive', () => {
    expect(kinds('server { listen 443 ssl; location / { return 204; } }')).toEqual([
      'directive:server', 'punctuation:{', 'directive:listen', 'argument:443', 'argument:ssl', 'punctuation:;',
      'directive:location', 'argument:/', 'punctuation:{', 'directive:return', 'argument:204', 'punctuation:;',
      'punctuation:}', 'punctuation:}',
    ]);
  });

  it('splits variables out of arguments and strings, leaving escaped dollars literal', () => {
    expect(kinds('return 301 https://$host${request_uri}x;')).toEqual([
      'directive:return', 'argument:301', 'argument:https://', 'variable:$host', 'variable:${request_uri}', 'argument:x', 'punctuation:;',
    ]);
    expect(kinds('proxy_set_header X "S=$ssl_client_s_dn" \\$no;')).toEqual([
      'directive:proxy_set_header', 'argument:X', 'string:"S=', 'variable:$ssl_client_s_dn', 'string:"', 'argument:\\$no', 'punctuation:;',
    ]);
  });

  it('follows nginx on where comments and quotes count', () => {
    // `#` inside a word and a quote in mid-word are plain characters to nginx.
    expect(kinds('add_header X a#b it"s; # real comment')).toEqual([
      'directive:add_header', 'argument:X', 'argument:a#b', 'argument:it"s', 'punctuation:;', 'comment:# real comment',
    ]);
    expect(kinds('set $a "x;{}#";')).toEqual(['directive:set', 'variable:$a', 'string:"x;{}#"', 'punctuation:;']);
  });

  it('colours a line after a forgotten ";" as a directive, as the parser reads it', () => {
    expect(kinds('listen 443\nserver_name a;')).toEqual(['directive:listen', 'argument:443', 'directive:server_name', 'argument:a', 'punctuation:;']);
  });
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) out.push(...(await filesUnder(path)));
    else if (info?.isFile()) out.push(path);
  }
  return out;
}

describe.skipIf(!existsSync('/etc/nginx/nginx.conf'))('the real configuration files under /etc/nginx', () => {
  it('tokenize losslessly and parse without errors', async () => {
    const files = await filesUnder('/etc/nginx');
    expect(files).toContain('/etc/nginx/nginx.conf');
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      expectLossless(text);
      expect(parseNginx(text, file).errors, file).toEqual([]);
    }
    const main = tokenize(await readFile('/etc/nginx/nginx.conf', 'utf8'));
    expect(main.filter((t) => t.kind === 'directive').map((t) => t.text)).toEqual(expect.arrayContaining(['user', 'events', 'http', 'include']));
  });
});
