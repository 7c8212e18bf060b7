/** M-15: an mTLS server sharing its ip:port with a server that does not ask for certificates. */
import type { LintFinding, NginxDirective } from '../../types';
import { findingAt, type Rule } from '../context';
import { serverLabel, type ServerView } from '../model';
import { asksForCertificate } from './verify-client';

/** `443`, `*:443` and `0.0.0.0:443` are one socket to nginx; an address without a port means port 80. */
export function listenKey(address: string): string {
  const a = address.toLowerCase();
  if (a.startsWith('unix:')) return a;
  const v6 = /^\[([^\]]*)\](?::(\d+))?$/.exec(a);
  let host: string;
  let port: string;
  if (v6) {
    host = `[${v6[1] as string}]`;
    port = v6[2] ?? '80';
  } else if (/^\d+$/.test(a)) {
    host = '*';
    port = a;
  } else {
    const colon = a.lastIndexOf(':');
    host = colon < 0 ? a : a.slice(0, colon);
    port = colon < 0 ? '80' : a.slice(colon + 1);
  }
  return `${host === '0.0.0.0' || host === '' ? '*' : host}:${port}`;
}

interface Listener {
  readonly server: ServerView;
  readonly at: NginxDirective;
  readonly isDefault: boolean;
  readonly mtls: boolean;
}

function listenersOf(server: ServerView): Listener[] {
  const mtls = asksForCertificate(server);
  const listens = (server.directive.block ?? []).filter((d) => d.name === 'listen' && d.args.length > 0);
  if (listens.length === 0) return [{ server, at: server.directive, isDefault: false, mtls }];
  return listens.map((at) => ({ server, at, isDefault: at.args.includes('default_server') || at.args.includes('default'), mtls }));
}

export const checkSharedListen: Rule = (model) => {
  const groups = new Map<string, Listener[]>();
  for (const listener of model.servers.flatMap(listenersOf)) {
    const key = listener.at.name === 'listen' ? listenKey(listener.at.args[0] ?? '') : '*:80';
    groups.set(key, [...(groups.get(key) ?? []), listener]);
  }
  const findings: LintFinding[] = [];
  for (const [key, group] of groups) {
    const open = group.filter((l) => !l.mtls);
    if (open.length === 0) continue;
    // Without an explicit default_server, nginx uses the first server on the address.
    const fallback = group.find((l) => l.isDefault) ?? group[0];
    for (const secure of group.filter((l) => l.mtls)) {
      const others = open.filter((l) => l.server !== secure.server);
      if (others.length === 0) continue;
      const described = others.map((l) => `${serverLabel(l.server)}${l === fallback ? ', the default server for it' : ''}`).join('; ');
      findings.push(
        findingAt(
          'M-15',
          'high',
          secure.at,
          `${serverLabel(secure.server)} verifies client certificates but shares ${key} with ${described}, which does not: a client can finish the TLS handshake under that name and ask for this host; only nginx's Host/SNI check (421) stands between them.`,
          'Give the mTLS server its own address or port, or require the same client verification on every server that listens there.',
        ),
      );
    }
  }
  return findings;
};
