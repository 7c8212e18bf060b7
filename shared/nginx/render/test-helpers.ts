// Reads the rendered text back for structural assertions. Good enough for our own output only:
// validated values never contain quotes, braces or `#`, and the one quoted JSON body has no braces
// that matter here because it is skipped as a string.
import { DEFAULT_HEADER_NAMES, type NginxRenderInput } from '../types';

export interface Block {
  /** e.g. `server`, `location = /api/heartbeat`, `if ($ssl_client_verify != SUCCESS)`. */
  readonly head: string;
  /** `name args` of the simple directives directly inside, in order. */
  readonly directives: readonly string[];
  readonly children: readonly Block[];
}

function tokens(text: string): string[] {
  const withoutComments = text.replace(/#[^\n]*/g, '');
  return withoutComments.match(/'[^']*'|"[^"]*"|[{};]|[^\s{};'"]+/g) ?? [];
}

/** Top-level blocks and directives of a config, nested. */
export function readBlocks(text: string): Block {
  const stack: { head: string; directives: string[]; children: Block[] }[] = [{ head: '', directives: [], children: [] }];
  let words: string[] = [];
  for (const token of tokens(text)) {
    const top = stack[stack.length - 1];
    if (!top) throw new Error('unbalanced');
    if (token === '{') {
      stack.push({ head: words.join(' '), directives: [], children: [] });
      words = [];
    } else if (token === '}') {
      const done = stack.pop();
      const parent = stack[stack.length - 1];
      if (!done || !parent) throw new Error('unbalanced');
      parent.children.push(done);
    } else if (token === ';') {
      top.directives.push(words.join(' '));
      words = [];
    } else words.push(token);
  }
  const root = stack[0];
  if (stack.length !== 1 || !root) throw new Error('unbalanced');
  return root;
}

export function only(block: Block, head: string): Block {
  const found = block.children.filter((c) => c.head === head);
  if (found.length !== 1) throw new Error(`expected one "${head}", found ${found.length}`);
  return found[0] as Block;
}

/** Values of `proxy_set_header NAME VALUE` keyed by lowercase name. */
export function proxyHeaders(block: Block): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of block.directives) {
    const m = /^proxy_set_header (\S+) (.+)$/.exec(d);
    if (m) map.set((m[1] ?? '').toLowerCase(), m[2] ?? '');
  }
  return map;
}

/** A valid render input with production-like paths; tests override one aspect at a time. */
export function sampleInput(overrides: Partial<NginxRenderInput> = {}): NginxRenderInput {
  return {
    serverName: 'sentinel.example.com',
    tlsCertPath: '/etc/nginx/certs/server.crt',
    tlsKeyPath: '/etc/nginx/certs/server.key',
    clientCaPath: '/etc/nginx/certs/device-ca.crt',
    upstreamUrl: 'http://127.0.0.1:8000',
    envFilePath: '/opt/sentinel-secure-x/.env',
    listen: ['443'],
    crlPath: null,
    ocsp: { mode: 'off' },
    verifyDepth: 2,
    tlsVersions: ['TLSv1.2', 'TLSv1.3'],
    hsts: { maxAgeSeconds: 31_536_000, includeSubdomains: false },
    headerNames: DEFAULT_HEADER_NAMES,
    allowRemoteUpstream: false,
    ...overrides,
  };
}
