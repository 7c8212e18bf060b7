/**
 * The config as nginx's HTTP module sees it: the http level, each server, and each location
 * with the chain of levels it inherits from. A file whose top level holds `server`/`upstream`
 * blocks (a conf.d snippet) is read as the inside of `http {}`.
 */
import type { NginxDirective, ParsedNginxConfig } from '../types';

export type LevelKind = 'http' | 'server' | 'location';

/** One configuration level: the directives written directly in it. */
export interface Level {
  readonly kind: LevelKind;
  /** The `server`/`location` directive; null for http (the `http` block or a snippet's top level). */
  readonly owner: NginxDirective | null;
  readonly directives: readonly NginxDirective[];
}

export interface LocationView {
  readonly directive: NginxDirective;
  /** Outermost first: http, server, enclosing locations, this location. */
  readonly chain: readonly Level[];
  /** `proxy_pass` in the location itself or its `if` / `limit_except` blocks. */
  readonly proxyPasses: readonly NginxDirective[];
}

export interface ServerView {
  readonly directive: NginxDirective;
  /** [http, server]. */
  readonly chain: readonly Level[];
  /** Every location, nested ones included, in file order. */
  readonly locations: readonly LocationView[];
}

export interface ConfigModel {
  readonly config: ParsedNginxConfig;
  readonly http: Level;
  readonly servers: readonly ServerView[];
}

const levelOf = (kind: LevelKind, owner: NginxDirective | null, directives: readonly NginxDirective[]): Level => ({ kind, owner, directives });

function locationsOf(serverChain: readonly Level[], server: NginxDirective): LocationView[] {
  const out: LocationView[] = [];
  // Explicit stack in reverse so locations come out in file order without recursion.
  const pending: Array<{ directive: NginxDirective; parent: readonly Level[] }> = [];
  const queue = (block: readonly NginxDirective[], parent: readonly Level[]): void => {
    const found = block.filter((d) => d.name === 'location' && d.block !== null);
    for (let k = found.length - 1; k >= 0; k--) pending.push({ directive: found[k] as NginxDirective, parent });
  };
  queue(server.block ?? [], serverChain);
  while (pending.length > 0) {
    const { directive, parent } = pending.pop() as { directive: NginxDirective; parent: readonly Level[] };
    const block = directive.block ?? [];
    const chain = [...parent, levelOf('location', directive, block)];
    const inner = block.filter((d) => (d.name === 'if' || d.name === 'limit_except') && d.block !== null).flatMap((d) => d.block ?? []);
    const proxyPasses = [...block, ...inner].filter((d) => d.name === 'proxy_pass');
    proxyPasses.sort((a, b) => a.pos.line - b.pos.line);
    out.push({ directive, chain, proxyPasses });
    queue(block, chain);
  }
  return out;
}

export function buildModel(config: ParsedNginxConfig): ConfigModel {
  const httpBlocks = config.directives.filter((d) => d.name === 'http' && d.block !== null);
  const httpDirectives = httpBlocks.length > 0 ? httpBlocks.flatMap((d) => d.block ?? []) : config.directives;
  const http = levelOf('http', null, httpDirectives);
  const servers = httpDirectives
    .filter((d) => d.name === 'server' && d.block !== null)
    .map((directive): ServerView => {
      const chain = [http, levelOf('server', directive, directive.block ?? [])];
      return { directive, chain, locations: locationsOf(chain, directive) };
    });
  return { config, http, servers };
}

/** The directive in effect for a level chain: the innermost level that sets it wins. */
export function effective(chain: readonly Level[], name: string): NginxDirective | null {
  for (let k = chain.length - 1; k >= 0; k--) {
    const hit = (chain[k] as Level).directives.find((d) => d.name === name);
    if (hit) return hit;
  }
  return null;
}

/**
 * For array directives like proxy_set_header: every occurrence at the innermost level that
 * has any, because nginx inherits them only into levels that set none of their own.
 */
export function effectiveAll(chain: readonly Level[], name: string): { readonly depth: number; readonly directives: readonly NginxDirective[] } {
  for (let k = chain.length - 1; k >= 0; k--) {
    const hits = (chain[k] as Level).directives.filter((d) => d.name === name);
    if (hits.length > 0) return { depth: k, directives: hits };
  }
  return { depth: -1, directives: [] };
}

/** `server "api.example" (line 12)`, for messages that must say which vhost they mean. */
export function serverLabel(server: ServerView): string {
  const name = server.directive.block?.find((d) => d.name === 'server_name')?.args[0];
  return `server ${name ? `"${name}"` : 'without server_name'} (line ${server.directive.pos.line})`;
}

export function locationLabel(location: NginxDirective): string {
  return `location ${location.args.join(' ')}`;
}

/** The value of an on/off style first argument, lower-cased; null when the directive is absent. */
export function firstArg(d: NginxDirective | null): string | null {
  return d ? (d.args[0] ?? '').toLowerCase() : null;
}
