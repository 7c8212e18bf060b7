/** M-11: client-certificate OCSP settings nginx accepts at `nginx -t` but that fail, or do nothing, at run time. */
import type { LintFinding } from '../../types';
import { findingAt, type Rule } from '../context';
import { effective, firstArg, serverLabel, type ServerView } from '../model';

/** The host of an http(s) URL, without port or brackets; null when it is not a URL. */
function hostOf(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(url);
  return m ? (m[1] as string).replace(/^\[|\]$/g, '') : null;
}

const isIpLiteral = (host: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');

function ocspFindings(server: ServerView): LintFinding[] {
  const ocsp = effective(server.chain, 'ssl_ocsp');
  const mode = firstArg(ocsp);
  if (!ocsp || (mode !== 'on' && mode !== 'leaf')) return [];
  const verify = firstArg(effective(server.chain, 'ssl_verify_client'));
  if (verify === null || verify === 'off') {
    return [
      findingAt(
        'M-11',
        'high',
        ocsp,
        `ssl_ocsp ${mode} has no effect in ${serverLabel(server)}: ssl_verify_client is ${verify ?? 'not set (off)'}, so no client certificate is ever checked; nginx -t accepts this silently.`,
        'Enable client verification (`ssl_verify_client on;` or `optional` with enforcement) or remove ssl_ocsp.',
      ),
    ];
  }
  const findings: LintFinding[] = [];
  const responder = effective(server.chain, 'ssl_ocsp_responder');
  const resolver = effective(server.chain, 'resolver');
  const url = responder?.args[0] ?? '';
  if (responder && /^https:\/\//i.test(url)) {
    findings.push(
      findingAt('M-11', 'high', responder, `ssl_ocsp_responder ${url} uses https://, which nginx's OCSP client does not speak: every certificate check fails and every client with a certificate gets 400.`, 'Point ssl_ocsp_responder at the responder\'s http:// URL (OCSP responses are signed, so plain HTTP is the norm).'),
    );
  }
  const host = responder ? hostOf(url) : null;
  if (!resolver && (!responder || (host !== null && !isIpLiteral(host)))) {
    findings.push(
      findingAt(
        'M-11',
        'high',
        responder ?? ocsp,
        responder
          ? `ssl_ocsp_responder names the host "${host ?? ''}" but ${serverLabel(server)} has no resolver: nginx cannot look it up at run time and every OCSP check fails.`
          : `ssl_ocsp ${mode} takes the responder from each certificate's AIA URL, a host name nginx must resolve at run time, but ${serverLabel(server)} has no resolver: every OCSP check fails.`,
        'Add `resolver <DNS server address>;` to the server (or http) block, or give ssl_ocsp_responder an IP address.',
      ),
    );
  }
  const cache = effective(server.chain, 'ssl_ocsp_cache');
  if (cache && firstArg(cache) === 'off') {
    findings.push(
      findingAt('M-11', 'low', cache, 'ssl_ocsp_cache off sends an OCSP request for every handshake with a client certificate: under load the responder becomes a bottleneck and a single outage rejects every client.', 'Use a shared cache, e.g. `ssl_ocsp_cache shared:ocsp:10m;`.'),
    );
  }
  return findings;
}

export const checkOcsp: Rule = (model) => model.servers.flatMap(ocspFindings);
