/** M-1, M-2, M-20: how a server asks for and enforces client certificates. */
import type { LintFinding, NginxDirective } from '../../types';
import { findingAt, type Rule, type RuleContext } from '../context';
import { resolveAgainst } from '../../posix-path';
import { effective, firstArg, locationLabel, serverLabel, type ConfigModel, type Level, type ServerView } from '../model';

const VERIFY_VARIABLE = /\$\{?ssl_client_verify\b\}?/;
/** Identity variables (everything but the verify result): what an impostor controls under optional_no_ca. */
const IDENTITY_VARIABLE = /\$\{?ssl_client_(?!verify\b)[a-z_]+/;

/** `ssl_verify_client` in effect for a server, lower-cased; null when neither http nor server sets it. */
export function verifyMode(server: ServerView): string | null {
  return firstArg(effective(server.chain, 'ssl_verify_client'));
}

/** Servers that ask clients for a certificate at all. */
export function asksForCertificate(server: ServerView): boolean {
  const mode = verifyMode(server);
  return mode === 'on' || mode === 'optional' || mode === 'optional_no_ca';
}

/** Variables set by `map $ssl_client_verify $x {...}`: `if ($x)` on them is enforcement too. */
function derivedVerifyVariables(http: Level): string[] {
  return http.directives.filter((d) => d.name === 'map' && VERIFY_VARIABLE.test(d.args[0] ?? '')).map((d) => (d.args[1] ?? '').replace(/^\$\{?|\}$/g, ''));
}

/** `if (<test of the verify result>) { return 4xx; }` directly in this block. */
function enforces(block: readonly NginxDirective[], derived: readonly string[]): boolean {
  return block.some((d) => {
    if (d.name !== 'if' || d.block === null) return false;
    const condition = d.args.join(' ');
    const tested = VERIFY_VARIABLE.test(condition) || derived.some((v) => new RegExp(`\\$\\{?${v}\\b`).test(condition));
    return tested && d.block.some((r) => r.name === 'return' && /^4\d\d$/.test(r.args[0] ?? ''));
  });
}

function forwardsIdentity(server: ServerView): boolean {
  const levels = [...server.chain, ...server.locations.map((l) => l.chain[l.chain.length - 1] as Level)];
  return levels.some((level) => level.directives.some((d) => d.name === 'proxy_set_header' && IDENTITY_VARIABLE.test(d.args[1] ?? '')));
}

function optionalWithoutEnforcement(model: ConfigModel, server: ServerView): LintFinding[] {
  const setting = effective(server.chain, 'ssl_verify_client');
  if (!setting || firstArg(setting) !== 'optional') return [];
  const derived = derivedVerifyVariables(model.http);
  if (enforces(server.directive.block ?? [], derived)) return [];
  const proxying = server.locations.filter((l) => l.proxyPasses.length > 0);
  if (proxying.length === 0 || proxying.some((l) => enforces(l.directive.block ?? [], derived))) return [];
  const where = proxying.map((l) => locationLabel(l.directive)).join(', ');
  return [
    findingAt(
      'M-1',
      'high',
      setting,
      `${serverLabel(server)} accepts clients without a certificate (ssl_verify_client optional) and none of its proxying locations (${where}) refuses them: requests with no certificate reach the upstream with $ssl_client_verify = NONE.`,
      'In every location that must be device-only, add `if ($ssl_client_verify != SUCCESS) { return 401; }` before proxy_pass, or use `ssl_verify_client on` if no location may be reached without a certificate.',
    ),
  ];
}

function optionalNoCa(server: ServerView): LintFinding[] {
  const setting = effective(server.chain, 'ssl_verify_client');
  if (!setting || firstArg(setting) !== 'optional_no_ca') return [];
  const impact = forwardsIdentity(server)
    ? 'and this server forwards certificate identity headers, so the upstream receives whatever subject and issuer a self-signed impostor certificate claims'
    : 'so $ssl_client_* describe certificates no CA vouched for';
  return [
    findingAt(
      'M-2',
      'critical',
      setting,
      `${serverLabel(server)} uses ssl_verify_client optional_no_ca: nginx requests a certificate but does not require it to chain to a trusted CA, ${impact}.`,
      'Use `ssl_verify_client on` (or `optional` with an `if ($ssl_client_verify != SUCCESS)` guard) so only certificates from ssl_client_certificate / ssl_trusted_certificate are accepted.',
    ),
  ];
}

/** Public trust stores: as a client CA list they advertise (and trust) every public CA. */
const PUBLIC_BUNDLES = new Set(['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem', '/etc/ssl/ca-bundle.pem']);
/** A device CA list is a root and an intermediate or two; beyond this it names CAs unrelated to the devices. */
const MAX_ISSUING_CAS = 3;

function advertisedCaNames(server: ServerView, ctx: RuleContext): LintFinding[] {
  if (!asksForCertificate(server)) return [];
  const advertised = effective(server.chain, 'ssl_client_certificate');
  if (!advertised) return [];
  const path = resolveAgainst(ctx.prefix, advertised.args[0] ?? '');
  // nginx 1.22 requires ssl_client_certificate with ssl_verify_client, so naming the device CA
  // there is unavoidable and harmless; the finding is about lists broader than that.
  const count = ctx.pki(advertised)?.content.certificates.filter((c) => c.isCa).length ?? 0;
  if (!PUBLIC_BUNDLES.has(path) && count <= MAX_ISSUING_CAS) return [];
  const what = PUBLIC_BUNDLES.has(path) ? 'a public trust store' : `${count} CA certificates`;
  return [
    findingAt(
      'M-20',
      'low',
      advertised,
      `ssl_client_certificate ${advertised.args[0] ?? ''} holds ${what}: nginx sends every one of their names to anyone who opens a TLS connection, before any certificate is checked.`,
      'Keep only the device-issuing CA chain in ssl_client_certificate; put any wider trust list in ssl_trusted_certificate, which nginx uses without advertising it.',
    ),
  ];
}

export const checkOptionalEnforced: Rule = (model) => model.servers.flatMap((s) => optionalWithoutEnforcement(model, s));
export const checkOptionalNoCa: Rule = (model) => model.servers.flatMap(optionalNoCa);
export const checkAdvertisedCaNames: Rule = (model, ctx) => model.servers.flatMap((s) => advertisedCaNames(s, ctx));
