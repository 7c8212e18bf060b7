import { isIP } from 'node:net';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { ProbeTimeouts } from '../../../shared/model/probe';

/** Where a profile's probes connect, and how the proxy's certificate is checked. */
export interface ProbeTarget {
  /** Host to connect to (IPv6 without brackets). */
  readonly host: string;
  readonly port: number;
  /** SNI and the name the certificate must match; null for IP literals (RFC 6066 forbids them in SNI). */
  readonly servername: string | null;
}

/** Everything one connection needs besides its client identity. */
export interface ConnectionSettings {
  readonly target: ProbeTarget;
  /** PEM of the profile's CA file; undefined: the system store. */
  readonly ca: string | undefined;
  /** False only when the operator marked the profile insecure. */
  readonly verify: boolean;
  readonly timeouts: ProbeTimeouts;
}

/** A client certificate (leaf, then any chain the file holds) and its key, as PEM. */
export interface TlsIdentity {
  readonly cert: string;
  readonly key: string;
}

export function targetOf(baseUrl: string): ProbeTarget {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CommandFailure('INVALID_INPUT', `"${baseUrl}" is not a URL; use https://host[:port].`);
  }
  if (url.protocol !== 'https:') throw new CommandFailure('INVALID_INPUT', `The proxy URL must start with https:// (got ${url.protocol}).`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? 443 : Number(url.port);
  return { host, port, servername: isIP(host) === 0 ? host : null };
}

/** The name the proxy's certificate is checked against: the SNI name, else the IP literal. */
export function identityName(target: ProbeTarget): string {
  return target.servername ?? target.host;
}
