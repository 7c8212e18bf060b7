import { resolveAgainst } from '../posix-path';
import type { NginxDirective, ParsedNginxConfig } from '../types';

/** Directives whose file the lint reads (trust store, CRLs, the server's own chain). */
const FILE_DIRECTIVES: ReadonlySet<string> = new Set(['ssl_client_certificate', 'ssl_trusted_certificate', 'ssl_crl', 'ssl_certificate']);

/**
 * Absolute paths of the certificate and CRL files the config names, in order of appearance,
 * each once. Values nginx fills at run time (`$variables`, `data:`/`engine:` values) are left out.
 */
export function referencedFiles(config: ParsedNginxConfig, prefix: string): string[] {
  const out = new Set<string>();
  const pending: NginxDirective[] = [...config.directives].reverse();
  while (pending.length > 0) {
    const d = pending.pop() as NginxDirective;
    const arg = d.args[0];
    if (FILE_DIRECTIVES.has(d.name) && arg && !arg.includes('$') && !/^(data|engine):/.test(arg)) out.add(resolveAgainst(prefix, arg));
    if (d.block) for (let k = d.block.length - 1; k >= 0; k--) pending.push(d.block[k] as NginxDirective);
  }
  return [...out];
}
