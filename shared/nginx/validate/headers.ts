import { DEFAULT_HEADER_NAMES, type ForwardedHeaderNames, HEADER_ROLES } from '../types';
import { checkSafe, type Report } from './fields';

/**
 * Names the proxy or the API need for themselves: hop-by-hop and framing headers, routing and
 * client-address headers the render sets, and credentials. Reusing one would break proxying
 * or hand the certificate data a meaning it does not have.
 */
const RESERVED = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'http2-settings',
  'content-length',
  'content-type',
  'content-encoding',
  'expect',
  'authorization',
  'proxy-authorization',
  'proxy-authenticate',
  'cookie',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-real-ip',
]);

/** RFC 7230 tchar minus what nginx would read as syntax (`#`, `$`, `'`), which checkSafe names. */
const TOKEN = /^[A-Za-z0-9!%&*+.^`|~-]+$/;

/** Merges overrides over DEFAULT_HEADER_NAMES and checks every resulting name. */
export function checkHeaderNames(report: Report, overrides: Partial<ForwardedHeaderNames>): ForwardedHeaderNames {
  const names: ForwardedHeaderNames = { ...DEFAULT_HEADER_NAMES, ...stripUndefined(overrides) };
  const seen = new Map<string, string>();
  for (const role of HEADER_ROLES) {
    const field = `headerNames.${role}`;
    const name = names[role];
    if (name === '') {
      report(field, `Enter a header name (default ${DEFAULT_HEADER_NAMES[role]}).`);
      continue;
    }
    if (!checkSafe(report, field, 'The header name', name)) continue;
    if (name.includes('_')) {
      report(field, 'Use "-" instead of "_": Waitress drops header names with "_" and nginx ignores them from clients by default.');
      continue;
    }
    if (!TOKEN.test(name)) {
      report(field, 'Use only letters, digits and - ! % & * + . ^ ` | ~ (RFC 7230 token characters).');
      continue;
    }
    const lower = name.toLowerCase();
    if (RESERVED.has(lower)) {
      report(field, `${name} is a standard header that proxying relies on; pick a name of your own, e.g. ${DEFAULT_HEADER_NAMES[role]}.`);
      continue;
    }
    const first = seen.get(lower);
    if (first !== undefined) report(field, `Same name as headerNames.${first} (header names are case-insensitive).`);
    else seen.set(lower, role);
  }
  return names;
}

function stripUndefined(overrides: Partial<ForwardedHeaderNames>): Partial<ForwardedHeaderNames> {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
}
