/** M-12: an https:// upstream hop that nginx does not verify (proxy_ssl_verify and SNI are off by default). */
import type { LintFinding, NginxDirective } from '../../types';
import { findingAt, type Rule } from '../context';
import { effective, firstArg, type LocationView } from '../model';

function hopFindings(location: LocationView, pass: NginxDirective): LintFinding[] {
  const url = pass.args[0] ?? '';
  if (!/^https:\/\//i.test(url)) return [];
  const findings: LintFinding[] = [];
  if (firstArg(effective(location.chain, 'proxy_ssl_verify')) !== 'on') {
    findings.push(
      findingAt('M-12', 'high', pass, `proxy_pass ${url} does not verify the upstream's certificate (proxy_ssl_verify is off by default): anyone on the path can impersonate the upstream and receive the forwarded client identities.`, 'Add `proxy_ssl_verify on;` and `proxy_ssl_trusted_certificate <CA file of the upstream>;` in this location or the server.'),
    );
  } else if (!effective(location.chain, 'proxy_ssl_trusted_certificate')) {
    findings.push(
      findingAt('M-12', 'high', pass, `proxy_pass ${url} has proxy_ssl_verify on but no proxy_ssl_trusted_certificate: nginx refuses to start ("no proxy_ssl_trusted_certificate for proxy_ssl_verify").`, 'Add `proxy_ssl_trusted_certificate <CA file of the upstream>;`.'),
    );
  }
  if (firstArg(effective(location.chain, 'proxy_ssl_server_name')) !== 'on') {
    findings.push(
      findingAt('M-12', 'medium', pass, `proxy_pass ${url} sends no SNI (proxy_ssl_server_name is off by default): an upstream that hosts several names may answer with a certificate for another name, and verification then fails.`, 'Add `proxy_ssl_server_name on;` (and `proxy_ssl_name <name on the upstream certificate>;` if it differs from the proxy_pass host).'),
    );
  }
  return findings;
}

export const checkUpstreamTls: Rule = (model) =>
  model.servers.flatMap((server) => server.locations.flatMap((location) => location.proxyPasses.flatMap((pass) => hopFindings(location, pass))));
