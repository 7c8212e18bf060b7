import { canonicalIpv6, parseIpv4, parseIpv6, parsePort } from './address';
import { checkSafe, type Report } from './fields';

type Endpoint = { readonly key: string } | { readonly message: string };

/** `PORT`, `IPv4:PORT` or `[IPv6]:PORT`; the key identifies the socket for duplicate checks. */
function parseListen(value: string): Endpoint {
  const port = (text: string | undefined): number | null => parsePort(text ?? '');
  const bad = (text: string | undefined): Endpoint => ({ message: `"${text ?? ''}" is not a port (1-65535).` });
  if (/^\d+$/.test(value)) {
    const p = port(value);
    return p === null ? bad(value) : { key: `0.0.0.0:${p}` };
  }
  const v6 = /^\[([^\]]*)\](?::(.*))?$/.exec(value);
  if (v6) {
    const groups = parseIpv6(v6[1] ?? '');
    if (!groups) return { message: `"${v6[1] ?? ''}" is not an IPv6 address.` };
    if (v6[2] === undefined) return { message: `Add the port: [${v6[1] ?? ''}]:443.` };
    const p = port(v6[2]);
    return p === null ? bad(v6[2]) : { key: `[${canonicalIpv6(groups)}]:${p}` };
  }
  const colon = value.lastIndexOf(':');
  if (colon < 0) return { message: 'Give a port (443), IPv4:PORT (127.0.0.1:8443) or [IPv6]:PORT ([::]:443).' };
  const host = value.slice(0, colon);
  if (host.includes(':')) return { message: 'Put an IPv6 address in brackets: [::1]:443.' };
  if (host === '*') return { message: `Write only the port (${value.slice(colon + 1)}) to listen on every IPv4 address.` };
  if (!parseIpv4(host)) return { message: `"${host}" is not an IPv4 address; nginx would resolve a name only once, at start.` };
  const p = port(value.slice(colon + 1));
  return p === null ? bad(value.slice(colon + 1)) : { key: `${host}:${p}` };
}

/** At least one listen address, each valid, no socket twice (nginx refuses duplicates). */
export function checkListen(report: Report, values: readonly string[]): void {
  if (values.length === 0) return report('listen', 'Add at least one listen address, e.g. 443.');
  const seen = new Map<string, number>();
  for (const [i, value] of values.entries()) {
    const field = `listen.${i}`;
    if (value === '') {
      report(field, 'Enter a port (443) or an address and port (127.0.0.1:8443, [::]:443).');
      continue;
    }
    if (!checkSafe(report, field, 'The listen address', value)) continue;
    const parsed = parseListen(value);
    if ('message' in parsed) {
      report(field, parsed.message);
      continue;
    }
    const first = seen.get(parsed.key);
    if (first !== undefined) report(field, `Same socket as listen.${first} (${values[first] ?? ''}); nginx refuses a duplicate listen.`);
    else seen.set(parsed.key, i);
  }
}

function resolverEntryOk(entry: string): boolean {
  const v6 = /^\[([^\]]*)\](?::(\d+))?$/.exec(entry);
  if (v6) return parseIpv6(v6[1] ?? '') !== null && (v6[2] === undefined || parsePort(v6[2]) !== null);
  const v4 = /^([\d.]+)(?::(\d+))?$/.exec(entry);
  return v4 !== null && parseIpv4(v4[1] ?? '') !== null && (v4[2] === undefined || parsePort(v4[2]) !== null);
}

/**
 * Space-separated DNS server addresses for nginx `resolver`; `neededFor` says why one is
 * required (null: optional). Returns the list with single spaces, or null when empty.
 */
export function checkResolver(report: Report, value: string | null, neededFor: string | null): string | null {
  const field = 'ocsp.resolver';
  const entries = (value ?? '').split(' ').filter((e) => e !== '');
  if (entries.length === 0) {
    if (neededFor !== null) report(field, `Give a DNS resolver address (e.g. 127.0.0.53): ${neededFor}`);
    return null;
  }
  for (const entry of entries) {
    if (!checkSafe(report, field, 'The resolver list', entry)) return null;
    if (!resolverEntryOk(entry)) {
      report(field, `"${entry}" is not an IP address; nginx needs resolver addresses as IPv4, IPv4:port, [IPv6] or [IPv6]:port.`);
      return null;
    }
  }
  return entries.join(' ');
}
