import { isDnsName, isLoopbackHost } from './address';
import { unsafeCharacter, unsafeMessage } from './syntax';
import { type HttpUrl, parseHttpUrl } from './url';

/** Collects one field's refusal; every check reports instead of stopping the others. */
export type Report = (field: string, message: string) => void;

/** True when `value` is free of nginx syntax; reports the offending character otherwise. */
export function checkSafe(report: Report, field: string, label: string, value: string): boolean {
  const bad = unsafeCharacter(value);
  if (bad === null) return true;
  report(field, unsafeMessage(label, bad));
  return false;
}

/** One name per field: the installer takes one `--server-name`, and the smoke test uses it as the URL host. */
export function checkServerName(report: Report, value: string): void {
  const field = 'serverName';
  if (value === '') return report(field, 'Enter the host name devices and browsers use, e.g. sentinel.example.com.');
  if (!checkSafe(report, field, 'The server name', value)) return;
  if (value === '_') return;
  if (value.endsWith('.')) return report(field, 'Remove the trailing dot.');
  const name = value.startsWith('*.') ? value.slice(2) : value;
  if (name.includes('*')) return report(field, 'A wildcard is allowed only as the whole first label, e.g. *.example.com.');
  if (name.includes('_')) return report(field, 'Host names cannot contain "_" (only letters, digits, "-" and dots).');
  if (!isDnsName(name)) {
    report(field, 'Not a DNS host name: use letters, digits, "-" and dots, labels of at most 63 (punycode for non-ASCII).');
  }
}

/** An absolute file path as it is on the proxy host; `required` false lets null and '' mean "none". */
export function checkPath(report: Report, field: string, label: string, value: string | null, required: boolean): string | null {
  if (value === null || value === '') {
    if (required) report(field, `Enter the absolute path of the ${label}.`);
    return null;
  }
  if (!checkSafe(report, field, `The ${label} path`, value)) return value;
  if (!value.startsWith('/')) report(field, `Use an absolute path starting with "/": nginx would resolve "${value}" against its own prefix.`);
  else if (value.split('/').includes('..')) report(field, 'Remove the ".." segment and give the file\'s real path.');
  else if (value.endsWith('/')) report(field, `"${value}" names a directory; give the ${label} file.`);
  return value;
}

/** The API behind the proxy: scheme and authority only, loopback unless the operator opts out. */
export function checkUpstream(report: Report, value: string, allowRemote: boolean): void {
  const field = 'upstreamUrl';
  if (value === '') return report(field, "Enter the API's URL, e.g. http://127.0.0.1:8000.");
  if (!checkSafe(report, field, 'The upstream URL', value)) return;
  const parsed = parseHttpUrl(value);
  if (!parsed.ok) return report(field, parsed.message);
  const { url } = parsed;
  if (url.path !== '' && url.path !== '/') {
    return report(field, `Remove the path "${url.path}": give only scheme://host[:port]; request paths are forwarded unchanged.`);
  }
  if (!allowRemote && !isLoopbackHost(url.kind, url.host)) {
    report(
      field,
      `${url.host} is not a loopback address. The API must listen only on this host (127.0.0.0/8, ::1 or localhost) ` +
        'so nothing reaches it around the proxy. To proxy to another host anyway, set allowRemoteUpstream ("Allow a remote upstream").',
    );
  }
}

/** The OCSP responder URL; returns the parsed URL so the resolver rule can see whether a name is involved. */
export function checkResponder(report: Report, value: string): HttpUrl | null {
  const field = 'ocsp.responderUrl';
  if (!checkSafe(report, field, 'The OCSP responder URL', value)) return null;
  const parsed = parseHttpUrl(value);
  if (!parsed.ok) {
    report(field, parsed.message);
    return null;
  }
  if (parsed.url.scheme !== 'http') {
    report(field, 'nginx talks to OCSP responders over http:// only (OCSP answers are signed); it rejects https://.');
    return null;
  }
  return parsed.url;
}

/** Integer range check with a message that explains the range. */
export function checkRange(report: Report, field: string, value: number, min: number, max: number, why: string): void {
  if (!Number.isInteger(value) || value < min || value > max) report(field, `Use a whole number from ${min} to ${max}: ${why}`);
}
