import { timingSafeEqual } from 'node:crypto';

/** The only address the web host may listen on (DESIGN: "It must never listen on another address"). */
export const LOOPBACK_BIND = '127.0.0.1';

export const TOKEN_COOKIE = 'sentinel_token';
export const TOKEN_HEADER = 'x-sentinel-token';

export type Refusal = { readonly status: 401 | 403; readonly reason: string };

/** Refuses every bind address but 127.0.0.1, before a socket is opened. */
export function checkBindAddress(host: string): Refusal | null {
  if (host === LOOPBACK_BIND) return null;
  return {
    status: 403,
    reason: `Refusing to listen on "${host}": the web host serves key-holding commands and binds ${LOOPBACK_BIND} only.`,
  };
}

/** The parts of a request the guard looks at; plain data so the rules are testable alone. */
export interface RequestFacts {
  readonly method: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly secFetchSite: string | undefined;
  readonly cookie: string | undefined;
  readonly tokenHeader: string | undefined;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host names a loopback client may use; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Decides whether a request may reach the UI or dispatch.
 *
 * Order matters for the operator: a wrong Host or Origin is reported as such even when the
 * token is also missing, because that is the actionable cause.
 */
export function checkRequest(facts: RequestFacts, port: number, token: string): Refusal | null {
  const hosts = allowedHosts(port);
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) {
    return { status: 403, reason: `Host "${facts.host ?? ''}" is not this loopback host.` };
  }
  if (facts.origin !== undefined) {
    const expected = `http://${facts.host.toLowerCase()}`;
    if (facts.origin.toLowerCase() !== expected) {
      return { status: 403, reason: `Origin "${facts.origin}" is not this console's origin.` };
    }
  }
  if (facts.secFetchSite && facts.secFetchSite !== 'same-origin' && facts.secFetchSite !== 'none') {
    return { status: 403, reason: `Cross-site request (${facts.secFetchSite}) refused.` };
  }
  const byHeader = sameToken(facts.tokenHeader, token);
  const byCookie = sameToken(readCookie(facts.cookie, TOKEN_COOKIE), token);
  if (!byHeader && !byCookie) {
    return { status: 401, reason: 'Missing or wrong session token: open the URL the web host printed at start.' };
  }
  // A cookie rides along on any browser request; a state-changing call must also prove its origin.
  if (facts.method === 'POST' && !byHeader && facts.origin === undefined) {
    return { status: 403, reason: 'POST without an Origin header refused.' };
  }
  return null;
}
